package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoLinkerTest {
    private static Term term(String slug, String title, List<String> aliases, String body) {
        return new TermParser()
                .parse(slug + ".md", TermFiles.aTerm(slug, title, "Cat", aliases, List.of(), "published", body));
    }

    private static String render(String body, Term... others) {
        var self = term("self", "Self Term", List.of(), body);
        var all = new java.util.ArrayList<>(List.of(others));
        all.add(self);
        return new TermRenderer().render(self, new AutoLinker(all)).why().html();
    }

    private static String why(String text) {
        return "## Why it matters for business\n\n" + text + "\n\n## Key considerations\n\n- a\n";
    }

    @Test
    void links_the_first_mention_only_preferring_the_longest_name() {
        var html = render(
                why("A large language model is a language model. Another large language model here."),
                term("llm", "Large Language Model", List.of("LLM"), ""),
                term("lm", "Language Model", List.of(), ""));
        assertThat(html)
                .contains(
                        "A <a href=\"/glossary/llm\">large language model</a> is a <a href=\"/glossary/lm\">language model</a>.");
        assertThat(html).contains("Another large language model here.");
    }

    @Test
    void matches_whole_words_any_case_aliases_and_plurals() {
        var html = render(
                why("Teams use LLMs daily; ragged edges are not RAG."),
                term("llm", "Large Language Model", List.of("LLM"), ""),
                term("rag", "Retrieval-Augmented Generation", List.of("RAG"), ""));
        assertThat(html).contains("<a href=\"/glossary/llm\">LLMs</a>");
        assertThat(html).contains("ragged edges are not <a href=\"/glossary/rag\">RAG</a>.");
    }

    @Test
    void never_links_inside_headings_links_or_code_nor_to_itself() {
        var html = render(
                "## Why it matters for business\n\n### About Drift\n\nSee [model drift](https://example.com) and `drift` and Self Term.\n\n"
                        + "    drift in code\n\n## Key considerations\n\n- Drift at last.\n",
                term("drift", "Drift", List.of(), ""));
        assertThat(html).contains("<h3>About Drift</h3>");
        assertThat(html).contains("rel=\"nofollow\" href=\"https://example.com\">model drift</a>");
        assertThat(html).contains("<code>drift</code>");
        assertThat(html).doesNotContain("/glossary/self");
        var considerations = new TermRenderer()
                .render(
                        term(
                                "self",
                                "Self Term",
                                List.of(),
                                "## Why it matters for business\n\n`Drift`\n\n## Key considerations\n\n- Drift at last.\n"),
                        new AutoLinker(List.of(term("drift", "Drift", List.of(), ""))))
                .considerations()
                .html();
        assertThat(considerations).contains("<a href=\"/glossary/drift\">Drift</a> at last.");
    }

    @Test
    void raw_html_in_content_is_escaped() {
        var html = render(why("<script>alert(1)</script> and [x](javascript:alert) <img src=x onerror=alert(1)>"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).doesNotContain("href=\"javascript").doesNotContain("<img");
    }
}
