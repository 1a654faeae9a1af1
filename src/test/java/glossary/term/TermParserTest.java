package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermParserTest {
    private final TermParser parser = new TermParser();

    @Test
    void reads_every_field_of_a_term_file() {
        var term = parser.parse(
                "rag.md",
                TermFiles.aTerm(
                        "rag", "Retrieval", "Generative AI", List.of("RAG"), List.of("x", "y", "z"), "in-review"));
        assertThat(term.slug()).isEqualTo("rag");
        assertThat(term.title()).isEqualTo("Retrieval");
        assertThat(term.categorySlug()).isEqualTo("generative-ai");
        assertThat(term.aliases()).containsExactly("RAG");
        assertThat(term.status()).isEqualTo(Term.Status.IN_REVIEW);
        assertThat(term.lastReviewed()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(term.related()).containsExactly("x", "y", "z");
        assertThat(term.faq()).hasSize(2);
        assertThat(term.references().get(0))
                .isEqualTo(new Term.Reference("A Reference", "Test Press", 2024, "https://example.com/ref/rag"));
        assertThat(term.body()).startsWith("## Why it matters for business");
    }

    @Test
    void a_broken_file_is_reported_with_its_name_and_the_problem() {
        assertThatThrownBy(() -> parser.parse("broken.md", "no front matter"))
                .hasMessage("broken.md: must start with a '---' line opening the front matter");
        assertThatThrownBy(() ->
                        parser.parse("nostatus.md", "---\ntitle: X\nslug: x\ncategory: C\nstatus: live\n---\nbody"))
                .hasMessageStartingWith("nostatus.md: ");
        assertThatThrownBy(() -> parser.parse("yaml.md", "---\ntitle: [unclosed\n---\nbody"))
                .isInstanceOf(TermParser.InvalidTermFile.class)
                .hasMessageStartingWith("yaml.md: ");
        assertThatThrownBy(() -> parser.parse(
                        "typo.md",
                        TermFiles.aTerm("t", "T", "C", List.of(), List.of(), "published")
                                .replace("aliases:", "alises:")))
                .hasMessage("typo.md: unknown field 'alises'");
    }

    @Test
    void the_summary_is_the_first_sentence_of_the_definition() {
        var term = parser.parse(
                "t.md",
                TermFiles.aTerm("t", "T", "C", List.of(), List.of(), "published")
                        .replaceFirst(
                                "definition: \"[^\"]*\"",
                                "definition: \"An L.L.M. reads text, e.g. contracts. It writes too. Mostly.\""));
        assertThat(term.summary()).isEqualTo("An L.L.M. reads text, e.g. contracts.");
    }
}
