package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The editorial rules, run over every file in db/terms: any problem fails the build. */
class ContentLintTest {
    private static final Path CONTENT = Path.of("db/terms");

    private static Map<String, Term> parseAll(List<String> errors) {
        var terms = new TreeMap<String, Term>();
        var parser = new TermParser();
        TermImporter.readDirectory(CONTENT).forEach((file, source) -> {
            try {
                terms.put(file, parser.parse(file, source));
            } catch (TermParser.InvalidTermFile e) {
                errors.add(e.getMessage());
            }
        });
        return terms;
    }

    @Test
    void every_term_file_parses_and_meets_the_editorial_rules() {
        var errors = new java.util.ArrayList<String>();
        var terms = parseAll(errors);
        errors.addAll(new ContentLint().check(terms));
        assertThat(errors).as("content problems").isEmpty();
    }

    @Test
    void the_glossary_has_at_least_150_published_terms_in_at_least_10_categories() {
        var terms = parseAll(new java.util.ArrayList<>());
        var visible = terms.values().stream().filter(t -> t.status().visible()).toList();
        var categories = new HashSet<String>();
        visible.forEach(t -> categories.add(t.category()));
        assertThat(visible.stream().filter(t -> t.status() == Term.Status.PUBLISHED))
                .hasSizeGreaterThanOrEqualTo(150);
        assertThat(categories).hasSizeGreaterThanOrEqualTo(10);
        assertThat(terms).containsKey("open-source-ai-models.md");
    }

    @Test
    void checking_the_catalog_s_renderings_finds_what_rendering_anew_finds() {
        var terms = new TreeMap<>(parseAll(new java.util.ArrayList<>()));
        // A few problems too, so there is something to find.
        var first = terms.firstKey();
        terms.put("renamed.md", terms.remove(first));
        terms.put(
                "draft.md",
                new TermParser()
                        .parse(
                                "draft.md",
                                TermFiles.aTerm("draft", "Draft", "Cat", List.of(), List.of("x"), "draft", "Short.")));
        var catalog = TermCatalog.of(List.copyOf(terms.values()));
        var lint = new ContentLint();
        var problems = lint.check(terms);
        assertThat(problems).isNotEmpty();
        assertThat(lint.check(terms, catalog::rendered)).isEqualTo(problems);
    }

    @Test
    void the_lint_catches_each_kind_of_problem() {
        var good = new TermParser()
                .parse(
                        "a.md",
                        TermFiles.aTerm("a", "Alpha", "Cat", List.of("al"), List.of("b", "c", "d"), "published"));
        var broken = new TermParser()
                .parse(
                        "b.md",
                        TermFiles.aTerm(
                                "b",
                                "Beta",
                                "Cat",
                                List.of("al"),
                                List.of("a", "missing"),
                                "published",
                                "## Why it matters for business\n\nShort.\n\n## Extra\n\n- one\n"));
        var c = new TermParser()
                .parse("c.md", TermFiles.aTerm("c", "Gamma", "Cat", List.of(), List.of("a", "b", "d"), "published"));
        var d = new TermParser()
                .parse("d.md", TermFiles.aTerm("d", "Delta", "Cat", List.of(), List.of("a", "b", "c"), "published"));
        var orphan = new TermParser()
                .parse("e.md", TermFiles.aTerm("e", "Epsilon", "Cat", List.of(), List.of("a", "b", "c"), "published"));
        var badReference = new TermParser()
                .parse(
                        "f.md",
                        TermFiles.aTerm("f", "Zeta", "Cat", List.of(), List.of("a", "b", "c"), "published")
                                .replace("https://example.com/ref", "http://example.com/ref"));
        var problems = new ContentLint()
                .check(new TreeMap<>(Map.of(
                        "a.md",
                        good,
                        "b.md",
                        broken,
                        "c.md",
                        c,
                        "d.md",
                        d,
                        "e.md",
                        orphan,
                        "wrong-name.md",
                        badReference)));

        assertThat(problems).anyMatch(p -> p.startsWith("b.md: name or alias 'al' is also used by a"));
        assertThat(problems).anyMatch(p -> p.startsWith("b.md: related term 'missing' does not exist"));
        assertThat(problems).anyMatch(p -> p.startsWith("b.md: needs at least 3 related terms"));
        assertThat(problems).anyMatch(p -> p.startsWith("b.md: body must have exactly the headings"));
        assertThat(problems).anyMatch(p -> p.startsWith("b.md: needs at least 4 key considerations"));
        assertThat(problems).anyMatch(p -> p.startsWith("e.md: no other term links to it"));
        assertThat(problems).anyMatch(p -> p.startsWith("wrong-name.md: file name must be the slug"));
        assertThat(problems).anyMatch(p -> p.startsWith("wrong-name.md: reference URL must be an absolute https URL"));
        assertThat(problems).noneMatch(p -> p.startsWith("a.md") || p.startsWith("c.md") || p.startsWith("d.md"));
    }
}
