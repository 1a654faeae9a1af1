package glossary.term;

import glossary.web.SafeHtml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The published glossary in memory: every page is served from here, never from the database.
 * Built once from the imported terms (auto-links and search index included) and then only read.
 */
public final class TermCatalog {
    public record Category(String name, String slug, List<Term> terms) {}

    /**
     * A term with everything its page needs that is not in the file itself.
     *
     * @param moreQuestions questions other pages answer, for readers whose question this page does not
     */
    public record Entry(
            Term term,
            SafeHtml why,
            SafeHtml considerations,
            List<SafeHtml> faqAnswers,
            List<Term> related,
            Category category,
            List<MoreQuestion> moreQuestions) {}

    /** A question answered on another term's page, as its n-th common question (from 1). */
    public record MoreQuestion(String question, Term answeredBy, int number) {
        public String href() {
            return answeredBy.path() + "#question-" + number;
        }
    }

    static final int MORE_QUESTIONS = 6;

    private final List<Term> terms;
    private final Map<String, Entry> bySlug = new HashMap<>();
    private final Map<String, TermRenderer.Rendered> rendered = new HashMap<>();
    private final Map<String, String> redirects = new HashMap<>();
    private final List<Category> categories;
    private final TermSearch search;

    private TermCatalog(List<Term> visibleTerms, Analyzer analyzer) {
        var sorted = new ArrayList<>(visibleTerms);
        sorted.sort(Comparator.comparing(Term::title, String.CASE_INSENSITIVE_ORDER));
        this.terms = List.copyOf(sorted);
        var termsBySlug = new HashMap<String, Term>();
        var byCategory = new TreeMap<String, List<Term>>(String.CASE_INSENSITIVE_ORDER);
        for (var term : terms) {
            termsBySlug.put(term.slug(), term);
            byCategory.computeIfAbsent(term.category(), k -> new ArrayList<>()).add(term);
        }
        var categoryList = new ArrayList<Category>();
        var categoryByName = new HashMap<String, Category>();
        byCategory.forEach((name, members) -> {
            var category = new Category(name, Slugs.of(name), List.copyOf(members));
            categoryList.add(category);
            categoryByName.put(name, category);
        });
        this.categories = List.copyOf(categoryList);

        var renderer = new TermRenderer();
        var linker = new AutoLinker(terms);
        for (var term : terms) {
            var rendering = renderer.render(term, linker);
            rendered.put(term.slug(), rendering);
            var related = new ArrayList<Term>();
            for (var slug : term.related()) {
                var other = termsBySlug.get(slug);
                if (other != null && !other.slug().equals(term.slug())) {
                    related.add(other);
                }
            }
            bySlug.put(
                    term.slug(),
                    new Entry(
                            term,
                            rendering.why(),
                            rendering.considerations(),
                            rendering.faqAnswers(),
                            List.copyOf(related),
                            categoryByName.get(term.category()),
                            moreQuestions(term, related, categoryByName.get(term.category()))));
        }
        for (var term : terms) {
            for (var former : term.formerSlugs()) {
                redirects.putIfAbsent(former, term.slug());
            }
            for (var alias : term.aliases()) {
                redirects.putIfAbsent(Slugs.of(alias), term.slug());
            }
            redirects.putIfAbsent(Slugs.of(term.title()), term.slug());
        }
        redirects.keySet().removeAll(bySlug.keySet()); // a real page always wins over a redirect
        this.search = new TermSearch(terms, analyzer);
    }

    /**
     * The first question of each related term, then of the category's next terms after this one, so
     * every page of a category points at different neighbours.
     */
    private static List<MoreQuestion> moreQuestions(Term term, List<Term> related, Category category) {
        var candidates = new ArrayList<Term>(related);
        var peers = category.terms();
        int at = peers.indexOf(term);
        for (int i = 1; i < peers.size(); i++) {
            candidates.add(peers.get((at + i) % peers.size()));
        }
        var questions = new ArrayList<MoreQuestion>();
        var seen = new HashSet<String>();
        seen.add(term.slug());
        for (var other : candidates) {
            if (questions.size() == MORE_QUESTIONS) {
                break;
            }
            if (!other.faq().isEmpty() && seen.add(other.slug())) {
                questions.add(new MoreQuestion(other.faq().get(0).question(), other, 1));
            }
        }
        return List.copyOf(questions);
    }

    /** An English catalog. */
    public static TermCatalog of(List<Term> terms) {
        return of(terms, Analyzer.of("en"));
    }

    /** A catalog whose search reads its terms and every query as {@code analyzer}'s language does. */
    public static TermCatalog of(List<Term> terms, Analyzer analyzer) {
        var visible = new ArrayList<Term>();
        for (var term : terms) {
            if (term.status().visible()) {
                visible.add(term);
            }
        }
        return new TermCatalog(visible, analyzer);
    }

    /** How a term of this catalog rendered, for the lint to check without rendering it again. */
    TermRenderer.Rendered rendered(Term term) {
        var rendering = rendered.get(term.slug());
        if (rendering == null || bySlug.get(term.slug()).term() != term) {
            throw new IllegalArgumentException("not a term of this catalog: " + term.slug());
        }
        return rendering;
    }

    /** Every visible term, A to Z. */
    public List<Term> terms() {
        return terms;
    }

    public Optional<Entry> entry(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** Where an alias, a former slug or a title-as-slug should be sent permanently. */
    public Optional<String> redirect(String slug) {
        return Optional.ofNullable(redirects.get(slug));
    }

    public List<Category> categories() {
        return categories;
    }

    public Optional<Category> category(String slug) {
        return categories.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public List<Term> featured() {
        return terms.stream().filter(Term::featured).toList();
    }

    public List<Term> recentlyReviewed(int limit) {
        return terms.stream()
                .sorted(Comparator.comparing(Term::lastReviewed).reversed().thenComparing(Term::title))
                .limit(limit)
                .toList();
    }

    /** Terms grouped by their first letter (A-Z, then "#" for anything else), in index order. */
    public Map<String, List<Term>> byLetter() {
        var letters = new LinkedHashMap<String, List<Term>>();
        for (var term : terms) {
            letters.computeIfAbsent(letterOf(term), k -> new ArrayList<>()).add(term);
        }
        return letters;
    }

    public static String letterOf(Term term) {
        var words = Slugs.words(term.title());
        char first = words.length == 0 ? '#' : Character.toUpperCase(words[0].charAt(0));
        return first >= 'A' && first <= 'Z' ? String.valueOf(first) : "#";
    }

    public TermSearch.Results search(String query, int offset, int limit) {
        return search.search(query, offset, limit);
    }

    /** A query as this catalog's search compares it. */
    String normalized(String query) {
        return search.normalized(query);
    }

    /** Whether a normalised word occurs in some term. */
    boolean hasWord(String normalizedWord) {
        return search.hasWord(normalizedWord);
    }

    public Optional<TermSearch.Correction> correction(String query) {
        return search.correction(query);
    }

    public List<Term> suggestions(String query, int limit) {
        return search.suggestions(query, limit);
    }
}
