package glossary.term;

import glossary.web.Language;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The editorial rules for translation files (db/terms/th/…), beside {@link ContentLint}'s for the
 * English ones: the build fails on any problem, and a start with edited content logs them.
 */
public final class TranslationLint {
    private static final Pattern HEADING = Pattern.compile("(?m)^#+ .*$");
    private static final Pattern GLOSSARY_LINK = Pattern.compile("\\]\\(/glossary/([a-z0-9-]+)\\)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{12}");
    private static final List<String> HEADINGS = List.of("## Why it matters for business", "## Key considerations");

    /**
     * @param files a language's translation files, by file name
     * @param english the English terms, by slug
     * @param englishSources the English files' text, by slug, for the fingerprint a translation records
     */
    public List<String> check(
            Language language,
            Map<String, String> files,
            Map<String, Term> english,
            Map<String, String> englishSources) {
        var problems = new ArrayList<String>();
        var parser = new TermParser();
        files.forEach((file, source) -> {
            var where = language.tag() + "/" + file + ": ";
            Term translation;
            try {
                translation = parser.parseTranslation(file, source, language);
            } catch (TermParser.InvalidTermFile e) {
                problems.add(language.tag() + "/" + e.getMessage());
                return;
            }
            var original = english.get(translation.slug());
            if (original == null || !original.status().visible()) {
                problems.add(where + "translates '" + translation.slug() + "', which is no published English page");
                return;
            }
            if (!translation.question().endsWith("?") || translation.question().length() > 90) {
                problems.add(where + "'question' must end in '?' and be at most 90 characters");
            }
            if (!translation.cta().endsWith("?") || translation.cta().length() > 80) {
                problems.add(where + "'cta' must end in '?' and be at most 80 characters");
            }
            if (!SHA.matcher(translation.englishSha()).matches()) {
                problems.add(where + "'english_sha' must be the first 12 hex digits of the English file's SHA-256 ("
                        + Term.sourceSha(englishSources.getOrDefault(translation.slug(), "")) + " now)");
            }
            var headings = new ArrayList<String>();
            HEADING.matcher(translation.body())
                    .results()
                    .forEach(m -> headings.add(m.group().strip()));
            if (!headings.equals(HEADINGS)) {
                problems.add(where + "body must have exactly the headings " + HEADINGS + ", found " + headings);
            }
            var links = GLOSSARY_LINK.matcher(translation.body());
            while (links.find()) {
                if (!english.containsKey(links.group(1))) {
                    problems.add(where + "links to /glossary/" + links.group(1) + ", which does not exist");
                }
            }
            if (!namesEnglish(translation, original)) {
                problems.add(where + "give the English title '" + original.title()
                        + "' among the aliases, so readers find the page by it");
            }
            if (!Normalizer.isNormalized(source, Normalizer.Form.NFC)) {
                problems.add(where + "must be in Unicode NFC (composed accents)");
            }
        });
        return problems;
    }

    private static boolean namesEnglish(Term translation, Term original) {
        var name = original.title().toLowerCase(Locale.ROOT);
        if (translation.title().toLowerCase(Locale.ROOT).contains(name)) {
            return true;
        }
        return translation.aliases().stream()
                .anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(name));
    }
}
