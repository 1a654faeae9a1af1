package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermSearchTest {
    private static Term term(String slug, String title, List<String> aliases, String body) {
        return new TermParser()
                .parse(
                        slug + ".md",
                        TermFiles.aTerm(
                                slug,
                                title,
                                "Cat",
                                aliases,
                                List.of(),
                                "published",
                                "## Why it matters for business\n\n" + body + "\n\n## Key considerations\n\n- a\n"));
    }

    private final TermSearch search = new TermSearch(List.of(
            term("model", "Model", List.of(), "Nothing to see."),
            term("model-drift", "Model Drift", List.of("concept drift"), "When a model decays."),
            term("mlops", "MLOps", List.of("model operations"), "Running models in production; drift monitoring."),
            term("cafe", "Café Analytics", List.of(), "Espresso metrics."),
            term("policy", "Policy Engine", List.of(), "Strategies for governance.")));

    private List<String> slugs(String query) {
        return search.search(query, 10).stream().map(h -> h.term().slug()).toList();
    }

    @Test
    void ranks_exact_title_then_alias_then_prefix_then_text() {
        assertThat(slugs("model")).startsWith("model", "model-drift");
        assertThat(search.search("model", 10).get(0).tier()).isEqualTo(TermSearch.Tier.TITLE);
        assertThat(search.search("model operations", 10).get(0).tier()).isEqualTo(TermSearch.Tier.ALIAS);
        assertThat(search.search("model dr", 10).get(0).tier()).isEqualTo(TermSearch.Tier.TITLE_PREFIX);
        assertThat(slugs("drift")).containsExactly("model-drift", "mlops");
    }

    @Test
    void ignores_case_accents_and_plurals() {
        assertThat(slugs("CAFE ANALYTICS")).containsExactly("cafe");
        assertThat(slugs("café")).containsExactly("cafe");
        assertThat(slugs("model drifts")).first().isEqualTo("model-drift");
        assertThat(slugs("strategy")).containsExactly("policy");
    }

    @Test
    void suggests_close_names_when_nothing_matches() {
        assertThat(slugs("modle drfit")).isEmpty();
        assertThat(search.suggestions("modle drfit", 3)).extracting(Term::slug).contains("model-drift");
        assertThat(search.suggestions("zzzzzzzzzz", 3)).isEmpty();
    }
}
