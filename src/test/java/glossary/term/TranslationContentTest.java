package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.web.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The translations in db/terms/<language>/ as the build checks them: any problem fails it. */
class TranslationContentTest {
    private static final Path CONTENT = Path.of("db/terms");

    private static Map<String, String> english() {
        return TermImporter.readDirectory(CONTENT);
    }

    private static Map<String, Term> englishTerms(Map<String, String> files) {
        var terms = new TreeMap<String, Term>();
        var parser = new TermParser();
        files.forEach((file, source) -> {
            var term = parser.parse(file, source);
            terms.put(term.slug(), term);
        });
        return terms;
    }

    private static Map<String, String> bySlug(Map<String, String> files) {
        var result = new HashMap<String, String>();
        files.forEach((file, source) -> result.put(file.substring(0, file.length() - 3), source));
        return result;
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"ID", "VI", "TH"})
    void every_translation_meets_the_editorial_rules(Language language) {
        var englishFiles = english();
        var problems = new TranslationLint()
                .check(
                        language,
                        TermImporter.readDirectory(CONTENT.resolve(language.tag())),
                        englishTerms(englishFiles),
                        bySlug(englishFiles));
        assertThat(problems).as("translation problems").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"ID", "VI", "TH"})
    void each_language_translates_at_least_60_terms_including_the_featured_and_the_region_s_policy_pages(
            Language language) {
        var translated =
                TermImporter.readDirectory(CONTENT.resolve(language.tag())).keySet();
        assertThat(translated).hasSizeGreaterThanOrEqualTo(60);
        var mustHave = new ArrayList<String>();
        englishTerms(english()).values().stream()
                .filter(t -> t.featured() || t.category().equals("AI Policy in Southeast Asia"))
                .forEach(t -> mustHave.add(t.slug() + ".md"));
        assertThat(mustHave).hasSizeGreaterThanOrEqualTo(20);
        assertThat(translated).containsAll(mustHave);
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"ID", "VI", "TH"})
    void a_translation_that_breaks_the_rules_is_reported(Language language) throws Exception {
        var englishFiles = english();
        var broken = Map.of(
                "machine-learning.md",
                "---\ntranslates: machine-learning\ntitle: X\nquestion: No question mark\ncta: Help?\nstatus: published\n"
                        + "checked: 2026-12-01\nenglish_sha: abc\ndefinition: Something.\n---\n## Why it matters\n\nText.\n",
                "no-such-term.md",
                "---\ntranslates: no-such-term\ntitle: Y\nstatus: published\nchecked: 2026-12-01\ndefinition: Z.\n---\n");
        var problems = new TranslationLint().check(language, broken, englishTerms(englishFiles), bySlug(englishFiles));
        assertThat(String.join("\n", problems))
                .contains("'question' must end in '?'")
                .contains("'english_sha' must be")
                .contains("body must have exactly the headings")
                .contains("give the English title 'Machine Learning'")
                .contains("no-such-term")
                .contains(Term.sourceSha(Files.readString(CONTENT.resolve("machine-learning.md"))));
        assertThat(List.copyOf(problems)).hasSizeGreaterThanOrEqualTo(5);
    }
}
