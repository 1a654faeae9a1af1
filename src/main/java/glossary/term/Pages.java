package glossary.term;

import gg.jte.Content;
import glossary.web.PageMeta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** The model of each read-side page: one record per template. */
public final class Pages {
    private Pages() {}

    public record Home(
            PageMeta meta,
            List<TermCatalog.Category> categories,
            List<Term> featured,
            List<ReviewDay> recent,
            int termCount,
            int translatedCount) {}

    /** Terms reviewed on one day: many pages are checked together, so the date is said once. */
    public record ReviewDay(LocalDate date, List<Term> terms) {
        static List<ReviewDay> of(List<Term> terms) {
            var byDay = new LinkedHashMap<LocalDate, List<Term>>();
            terms.forEach(term -> byDay.computeIfAbsent(term.lastReviewed(), day -> new ArrayList<>())
                    .add(term));
            return byDay.entrySet().stream()
                    .map(day -> new ReviewDay(day.getKey(), List.copyOf(day.getValue())))
                    .toList();
        }
    }

    public record Letter(String letter, List<Term> terms) {}

    public record LetterLink(String letter, boolean present) {}

    public record Index(
            PageMeta meta, List<Letter> letters, List<LetterLink> alphabet, int termCount, int translatedCount) {}

    /** @param failed the visitor's submission failed: the form comes first, its errors in view */
    public record Show(PageMeta meta, TermCatalog.Entry entry, Content form, boolean failed) {}

    public record Category(PageMeta meta, TermCatalog.Category category, List<TermCatalog.Category> categories) {}

    /**
     * A search page: the query as typed, a heading that says how many terms match, one page of them,
     * and when the query was corrected, the corrected one ({@code showingFor}) or a suggestion
     * ({@code didYouMean}); when nothing matches, the nearest terms.
     */
    public record Search(
            PageMeta meta,
            String query,
            String heading,
            String range,
            List<Term> results,
            Link showingFor,
            Link searchInstead,
            Link didYouMean,
            List<Term> nearest,
            Paging paging) {
        public boolean hasQuery() {
            return !query.isEmpty();
        }
    }

    /** A link's text and where it goes. */
    public record Link(String text, String url) {}

    /** Links to the other pages of results; a {@code null} url in {@code pages} is a gap ("…"). */
    public record Paging(Link previous, List<PageLink> pages, Link next) {
        public boolean shown() {
            return previous != null || next != null;
        }
    }

    public record PageLink(String label, String url, boolean current) {}

    public record NotFound(PageMeta meta, List<Term> suggestions, List<TermCatalog.Category> categories) {}
}
