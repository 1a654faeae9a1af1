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
        return search.search(query, 10).hits().stream()
                .map(h -> h.term().slug())
                .toList();
    }

    private TermSearch.Tier firstTier(String query) {
        return search.search(query, 10).hits().get(0).tier();
    }

    @Test
    void ranks_exact_title_then_alias_then_prefix_then_text() {
        assertThat(slugs("model")).startsWith("model", "model-drift");
        assertThat(firstTier("model")).isEqualTo(TermSearch.Tier.TITLE);
        assertThat(firstTier("model operations")).isEqualTo(TermSearch.Tier.ALIAS);
        assertThat(firstTier("model drift")).isEqualTo(TermSearch.Tier.TITLE);
        assertThat(firstTier("model dr")).isEqualTo(TermSearch.Tier.TITLE_PART);
        assertThat(slugs("drift")).containsExactly("model-drift", "mlops");
        assertThat(search.search("drift", 10).hits())
                .extracting(TermSearch.Hit::tier)
                .containsExactly(TermSearch.Tier.TITLE_WORDS, TermSearch.Tier.BODY);
    }

    @Test
    void a_title_match_ranks_above_an_alias_match_and_both_above_the_body() {
        assertThat(slugs("operations")).containsExactly("mlops");
        assertThat(firstTier("operations")).isEqualTo(TermSearch.Tier.ALIAS_WORDS);
        // "model" is in two titles, one alias and two bodies: titles first, the shorter one first.
        assertThat(slugs("model")).containsExactly("model", "model-drift", "mlops");
    }

    @Test
    void ignores_case_accents_and_plurals() {
        assertThat(slugs("CAFE ANALYTICS")).containsExactly("cafe");
        assertThat(slugs("café")).containsExactly("cafe");
        assertThat(slugs("model drifts")).first().isEqualTo("model-drift");
        assertThat(slugs("models")).isEqualTo(slugs("model"));
        assertThat(slugs("strategy")).containsExactly("policy");
    }

    @Test
    void counts_every_result_and_pages_through_them_in_a_stable_order() {
        var many = new java.util.ArrayList<Term>();
        for (int i = 0; i < 45; i++) {
            many.add(term("t" + (100 + i), "Topic " + (100 + i), List.of(), "About ledgers."));
        }
        var index = new TermSearch(many);
        var first = index.search("ledgers", 0, 20);
        var third = index.search("ledger", 40, 20);
        assertThat(first.total()).isEqualTo(45);
        assertThat(first.hits()).hasSize(20);
        assertThat(third.total()).isEqualTo(45);
        assertThat(third.hits())
                .extracting(h -> h.term().slug())
                .containsExactly("t140", "t141", "t142", "t143", "t144");
        assertThat(index.search("ledger", 60, 20).hits()).isEmpty();
    }

    @Test
    void corrects_one_or_two_typos_to_title_and_alias_words() {
        assertThat(slugs("modle drfit")).isEmpty();
        assertThat(search.correction("modle drfit")).hasValue(new TermSearch.Correction("model drift", true));
        assertThat(search.correction("analytcs")).hasValue(new TermSearch.Correction("analytic", true));
        assertThat(search.correction("engnie polcy")).hasValue(new TermSearch.Correction("engine policy", true));
        assertThat(search.correction("model")).isEmpty();
        assertThat(search.correction("kubernetes")).isEmpty();
        assertThat(search.correction("mdl")).as("too short to guess").isEmpty();
    }

    @Test
    void suggests_the_nearest_names_when_nothing_matches() {
        assertThat(search.suggestions("modle drfit", 3)).extracting(Term::slug).contains("model-drift");
        assertThat(search.suggestions("ml ops", 3))
                .extracting(Term::slug)
                .first()
                .isEqualTo("mlops");
        assertThat(search.suggestions("kubernetes drift", 3))
                .as("some of the words in a title")
                .extracting(Term::slug)
                .first()
                .isEqualTo("model-drift");
        assertThat(search.suggestions("polices", 3))
                .as("alike, though too far for a typo")
                .extracting(Term::slug)
                .contains("policy");
        assertThat(search.suggestions("zzzzzzzzzz", 3)).isEmpty();
    }

    @Test
    void the_damerau_levenshtein_distance_counts_a_swap_as_one_edit_and_stops_at_its_limit() {
        assertThat(Similarity.damerauLevenshtein("retreival", "retrieval", 2)).isEqualTo(1);
        assertThat(Similarity.damerauLevenshtein("halucination", "hallucination", 2))
                .isEqualTo(1);
        assertThat(Similarity.damerauLevenshtein("model", "model", 0)).isZero();
        assertThat(Similarity.damerauLevenshtein("kubernetes", "governance", 2)).isEqualTo(3);
        assertThat(Similarity.damerauLevenshtein("ab", "ba", 1)).isEqualTo(1);
    }
}
