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
    void the_glossary_has_at_least_300_published_terms_in_at_least_12_categories() {
        var terms = parseAll(new java.util.ArrayList<>());
        var visible = terms.values().stream().filter(t -> t.status().visible()).toList();
        var categories = new HashSet<String>();
        visible.forEach(t -> categories.add(t.category()));
        assertThat(visible.stream().filter(t -> t.status() == Term.Status.PUBLISHED))
                .hasSizeGreaterThanOrEqualTo(300);
        assertThat(categories).hasSizeGreaterThanOrEqualTo(12);
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

    private static Term term(String slug, String title, String category, String replaceFrom, String replaceTo) {
        var others = List.of("a", "b", "c", "d").stream()
                .filter(o -> !o.equals(slug))
                .limit(3)
                .toList();
        return new TermParser()
                .parse(
                        slug + ".md",
                        TermFiles.aTerm(slug, title, category, List.of(), others, "published")
                                .replace(replaceFrom, replaceTo));
    }

    @Test
    void the_lint_asks_for_a_heading_and_a_call_to_action_worded_per_term() {
        var terms = new TreeMap<String, Term>();
        terms.put("a.md", term("a", "Alpha", "Cat", "question: \"What is Alpha?\"\n", ""));
        terms.put("b.md", term("b", "Beta", "Cat", "cta: \"Need help with Beta?\"\n", ""));
        terms.put("c.md", term("c", "Gamma", "Cat", "What is Gamma?", "Gamma, explained"));
        terms.put("d.md", term("d", "Delta", "Cat", "x", "x"));
        var problems = new ContentLint().check(terms);
        assertThat(problems)
                .containsExactly(
                        "a.md: needs a 'question' (the page heading, e.g. 'What is the EU AI Act?')",
                        "b.md: needs a 'cta' (e.g. 'Need help defending against jailbreaks?')",
                        "c.md: 'question' must be one question of at most 90 characters, ending in '?'");
    }

    @Test
    void the_lint_caps_citations_per_source_and_asks_for_one_about_the_term() {
        var terms = new TreeMap<String, Term>();
        var slugs = List.of("a", "b", "c", "d", "e", "f", "g");
        for (var slug : slugs) {
            // Seven terms cite the same general source; "a", "b" and "c" share their other one too.
            var others = slugs.stream().filter(o -> !o.equals(slug)).toList();
            var file = TermFiles.aTerm(slug, slug.toUpperCase() + "-term", "Cat", List.of(), others, "published")
                    .replace("https://example.com/other", "https://example.com/general");
            if (List.of("a", "b", "c").contains(slug)) {
                file = file.replace("https://example.com/ref/" + slug, "https://example.com/shared");
            }
            var t = new TermParser().parse(slug + ".md", file);
            terms.put(slug + ".md", t);
        }
        var problems = new ContentLint().check(terms);
        assertThat(problems)
                .contains("a.md: https://example.com/general is cited by 7 terms (at most 6): [a, b, c, d, e, f, g]");
        assertThat(problems)
                .filteredOn(p -> p.contains("needs a reference about this term itself"))
                .extracting(p -> p.substring(0, 4))
                .containsExactly("a.md", "b.md", "c.md");
    }

    @Test
    void once_the_region_has_a_category_every_member_state_has_a_page() {
        var terms = new TreeMap<String, Term>();
        terms.put("a.md", term("a", "Thailand's Data Law", ContentLint.REGION_CATEGORY, "x", "x"));
        terms.put("b.md", term("b", "Beta", "Cat", "x", "x"));
        terms.put("c.md", term("c", "Gamma", "Cat", "x", "x"));
        terms.put("d.md", term("d", "Delta", "Cat", "x", "x"));
        var problems = new ContentLint().check(terms);
        assertThat(problems)
                .filteredOn(p -> p.startsWith("category"))
                .hasSize(10)
                .noneMatch(p -> p.contains("Thailand"));
        terms.put("a.md", term("a", "Alpha", "Cat", "x", "x"));
        assertThat(new ContentLint().check(terms)).noneMatch(p -> p.startsWith("category"));
    }
}
