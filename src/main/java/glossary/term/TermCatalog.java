package glossary.term;

import com.ibm.icu.text.AlphabeticIndex;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import glossary.web.Language;
import glossary.web.SafeHtml;
import glossary.web.Text;
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
    /** @param label the category's name in the catalog's language */
    public record Category(String name, String slug, String label, List<Term> terms) {}

    /**
     * A term with everything its page needs that is not in the file itself.
     *
     * @param moreQuestions questions other pages answer, for readers whose question this page does not
     * @param needsReview a translation whose English page has changed since it was last checked
     */
    public record Entry(
            Term term,
            SafeHtml why,
            SafeHtml considerations,
            List<SafeHtml> faqAnswers,
            List<Term> related,
            Category category,
            List<MoreQuestion> moreQuestions,
            boolean needsReview) {}

    /** A question answered on another term's page, as its n-th common question (from 1). */
    public record MoreQuestion(String question, Term answeredBy, int number) {
        public String href() {
            return answeredBy.path() + "#question-" + number;
        }
    }

    static final int MORE_QUESTIONS = 6;

    private final Language language;
    private final List<Term> terms;
    private final Map<String, Entry> bySlug = new HashMap<>();
    private final Map<String, TermRenderer.Rendered> rendered = new HashMap<>();
    private final Map<String, String> redirects = new HashMap<>();
    private final List<Category> categories;
    private final TermSearch search;

    private TermCatalog(
            List<Term> visibleTerms,
            Language language,
            Analyzer analyzer,
            Map<String, Boolean> needsReview,
            TermCatalog english) {
        this.language = language;
        var sorted = new ArrayList<>(visibleTerms);
        sorted.sort(Comparator.comparing(Term::title, collator(language)));
        this.terms = List.copyOf(sorted);
        var termsBySlug = new HashMap<String, Term>();
        var byCategory = new TreeMap<String, List<Term>>(String.CASE_INSENSITIVE_ORDER);
        for (var term : terms) {
            termsBySlug.put(term.slug(), term);
            byCategory.computeIfAbsent(term.category(), k -> new ArrayList<>()).add(term);
        }
        var categoryList = new ArrayList<Category>();
        var categoryByName = new HashMap<String, Category>();
        var text = Text.of(language);
        byCategory.forEach((name, members) -> {
            var slug = Slugs.of(name);
            var label = text.has("category." + slug) ? text.get("category." + slug) : name;
            var category = new Category(name, slug, label, List.copyOf(members));
            categoryList.add(category);
            categoryByName.put(name, category);
        });
        this.categories = List.copyOf(categoryList);

        var renderer = new TermRenderer();
        var linker = new AutoLinker(terms);
        for (var term : terms) {
            // An untranslated term is shown on its English page only: its English rendering serves.
            var rendering = english != null && term.language() != language
                    ? english.rendered.get(term.slug())
                    : renderer.render(term, linker);
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
                            moreQuestions(term, related, categoryByName.get(term.category())),
                            needsReview.getOrDefault(term.slug(), false)));
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
        return of(terms, Language.EN, Map.of(), null);
    }

    /** A catalog whose search reads its terms and every query as {@code analyzer}'s language does. */
    public static TermCatalog of(List<Term> terms, Analyzer analyzer) {
        return new TermCatalog(visible(terms), Language.EN, analyzer, Map.of(), null);
    }

    /**
     * A language's catalog: its terms (translated or English) sorted, grouped and searched the way
     * that language's readers expect.
     *
     * @param needsReview by slug, the translations whose English page changed since they were checked
     * @param english the English catalog, whose renderings the untranslated terms reuse; null for English
     */
    public static TermCatalog of(
            List<Term> terms, Language language, Map<String, Boolean> needsReview, TermCatalog english) {
        return new TermCatalog(visible(terms), language, Analyzer.of(language.tag()), needsReview, english);
    }

    private static List<Term> visible(List<Term> terms) {
        var visible = new ArrayList<Term>();
        for (var term : terms) {
            if (term.status().visible()) {
                visible.add(term);
            }
        }
        return visible;
    }

    public Language language() {
        return language;
    }

    /** How many of the catalog's terms are written in its language. */
    public int translatedCount() {
        return (int) terms.stream().filter(t -> t.language() == language).count();
    }

    /**
     * English keeps its simple case-blind order; the others sort by the language's collation (Thai
     * skips leading vowels, Vietnamese orders its marked letters), with English names among them.
     */
    private static Comparator<String> collator(Language language) {
        if (language.isDefault()) {
            return String.CASE_INSENSITIVE_ORDER;
        }
        var collator = Collator.getInstance(ULocale.forLocale(language.locale()));
        collator.setStrength(Collator.SECONDARY);
        return collator::compare;
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

    /**
     * Terms grouped by their first letter, in index order: A-Z then "#" in English; in the other
     * languages the buckets of that language's alphabet (ก ข ค … in Thai; A Ă Â B … Đ … in
     * Vietnamese) from ICU's alphabetic index, with A-Z for the English names among them.
     */
    public Map<String, List<Term>> byLetter() {
        var letters = new LinkedHashMap<String, List<Term>>();
        if (language.isDefault()) {
            for (var term : terms) {
                letters.computeIfAbsent(letterOf(term), k -> new ArrayList<>()).add(term);
            }
            return letters;
        }
        var index = new AlphabeticIndex<Term>(ULocale.forLocale(language.locale())).addLabels(ULocale.ENGLISH);
        for (var term : terms) {
            index.addRecord(term.title(), term);
        }
        for (var bucket : index) {
            if (bucket.size() == 0) {
                continue;
            }
            var label = bucket.getLabelType() == AlphabeticIndex.Bucket.LabelType.NORMAL ? bucket.getLabel() : "#";
            var members = letters.computeIfAbsent(label, k -> new ArrayList<>());
            for (var record : bucket) {
                members.add(record.getData());
            }
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
