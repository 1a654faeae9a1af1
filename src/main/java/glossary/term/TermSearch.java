package glossary.term;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory search over the catalog. Every term that holds all the query's words (or whose title
 * starts with what was typed) is a result, ranked by {@link Tier}: the title, then an alias, then the
 * definition, then the body; within a tier shorter titles, then more mentions, first; then A-Z. All
 * comparisons are on text normalised by the catalog language's {@link Analyzer} (in English
 * {@link Slugs#normalized}), so case, accents and simple plurals do not matter. Built once per
 * catalog; a query reads only the posting lists of its own words, and the ranking of a single
 * catalog word is kept once made, so a broad query costs a slice of an array.
 */
public final class TermSearch {
    public enum Tier {
        /** The title is the query. */
        TITLE,
        /** An alias is the query. */
        ALIAS,
        /** The title begins with the query's words. */
        TITLE_PREFIX,
        /** Every word is in the title. */
        TITLE_WORDS,
        /** Every word is in one of the aliases. */
        ALIAS_WORDS,
        /** The title begins with what was typed, ending mid-word ("retriev"). */
        TITLE_PART,
        /** Every word is in the one-line definition. */
        DEFINITION,
        /** Every word is somewhere in the term. */
        BODY
    }

    public record Hit(Term term, Tier tier) {}

    /** One page of results and how many there are in all. */
    public record Results(int total, List<Hit> hits) {
        static final Results NONE = new Results(0, List.of());
    }

    /** A query with its unknown words replaced by the nearest title or alias words. */
    public record Correction(String query, boolean confident) {}

    private static final int IN_TITLE = 1;
    private static final int IN_ALIAS = 2;
    private static final int IN_DEFINITION = 4;
    private static final int MENTIONS_SHIFT = 8;
    private static final int MAX_MENTIONS = 0xffff;
    /** Longer queries are searched as typed: correcting them word by word costs more than it finds. */
    private static final int MAX_CORRECTED_WORDS = 8;

    /** A word's entries: term ids ascending, each with where the word occurs and how often. */
    private record Postings(int[] ids, int[] places) {}

    /** A query's results in rank order, with the tier of each. */
    private record Ranking(int[] ids, byte[] tiers) {}

    /** Term ids are positions in the title-ordered list, so ascending ids are A-Z order. */
    private final List<Term> terms;

    private final String[] titles;
    private final int[] titleWords;
    private final String[][] aliases;
    private final Map<String, Postings> words;
    private final String[] sortedTitles;
    private final int[] sortedTitleIds;
    /** Words of titles and aliases with how many terms use them: what a typo is corrected to. */
    private final String[] nameWords;

    private final int[] nameWordCounts;
    private final Names names;
    private final Analyzer analyzer;
    /** Rankings of single catalog words, made on first use: no reader's input is kept here. */
    private final Map<String, Ranking> rankedWords = new ConcurrentHashMap<>();

    TermSearch(List<Term> termsByTitle) {
        this(termsByTitle, Analyzer.of("en"));
    }

    TermSearch(List<Term> termsByTitle, Analyzer language) {
        this.terms = List.copyOf(termsByTitle);
        this.analyzer = language.forTerms(terms);
        int count = terms.size();
        titles = new String[count];
        titleWords = new int[count];
        aliases = new String[count][];
        var index = new HashMap<String, List<int[]>>();
        var nameWordCount = new TreeMap<String, Integer>();
        var nameList = new ArrayList<String>();
        var nameIdList = new ArrayList<Integer>();
        for (int id = 0; id < count; id++) {
            var term = terms.get(id);
            titles[id] = analyzer.normalized(term.title());
            titleWords[id] = titles[id].split(" ").length;
            nameList.add(titles[id]);
            nameIdList.add(id);
            aliases[id] = new String[term.aliases().size()];
            for (int a = 0; a < aliases[id].length; a++) {
                aliases[id][a] = analyzer.normalized(term.aliases().get(a));
                nameList.add(aliases[id][a]);
                nameIdList.add(id);
            }
            var places = new LinkedHashMap<String, Integer>();
            mark(places, titles[id], IN_TITLE);
            for (var alias : aliases[id]) {
                mark(places, alias, IN_ALIAS);
            }
            mark(places, analyzer.normalized(term.definition()), IN_DEFINITION);
            var text = new StringBuilder(term.body());
            for (var faq : term.faq()) {
                text.append(' ').append(faq.question()).append(' ').append(faq.answer());
            }
            mark(places, analyzer.normalized(text.toString()), 0);
            for (var entry : places.entrySet()) {
                index.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(new int[] {id, entry.getValue()});
                if ((entry.getValue() & (IN_TITLE | IN_ALIAS)) != 0) {
                    nameWordCount.merge(entry.getKey(), 1, Integer::sum);
                }
            }
        }
        words = new HashMap<>(index.size() * 2);
        index.forEach((word, entries) -> {
            var ids = new int[entries.size()];
            var places = new int[entries.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = entries.get(i)[0];
                places[i] = entries.get(i)[1];
            }
            words.put(word, new Postings(ids, places));
        });
        var order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> titles[a].compareTo(titles[b]));
        sortedTitles = new String[count];
        sortedTitleIds = new int[count];
        for (int i = 0; i < count; i++) {
            sortedTitles[i] = titles[order[i]];
            sortedTitleIds[i] = order[i];
        }
        nameWords = nameWordCount.keySet().toArray(String[]::new);
        nameWordCounts =
                nameWordCount.values().stream().mapToInt(Integer::intValue).toArray();
        names = new Names(
                nameList.toArray(String[]::new),
                nameIdList.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Counts each word of {@code text} once more, and notes the field it was found in. */
    private static void mark(Map<String, Integer> places, String text, int field) {
        if (text.isEmpty()) {
            return;
        }
        for (var word : text.split(" ")) {
            places.merge(word, field | (1 << MENTIONS_SHIFT), (old, add) -> {
                int mentions = Math.min(MAX_MENTIONS, (old >>> MENTIONS_SHIFT) + 1);
                return (old & 0xff) | field | (mentions << MENTIONS_SHIFT);
            });
        }
    }

    /** The query as this index compares it. */
    String normalized(String query) {
        return analyzer.normalized(query);
    }

    boolean hasWord(String normalizedWord) {
        return words.containsKey(normalizedWord);
    }

    /** The first {@code limit} results (for the first page) and their total. */
    Results search(String query, int limit) {
        return search(query, 0, limit);
    }

    /** The results from {@code offset} on, at most {@code limit} of them, and how many there are in all. */
    Results search(String query, int offset, int limit) {
        var normalized = analyzer.normalized(query);
        if (normalized.isEmpty()) {
            return Results.NONE;
        }
        var ranking =
                words.containsKey(normalized) ? rankedWords.computeIfAbsent(normalized, this::rank) : rank(normalized);
        var hits = new ArrayList<Hit>();
        var tiers = Tier.values();
        for (int i = Math.max(0, offset); i < ranking.ids().length && hits.size() < limit; i++) {
            hits.add(new Hit(terms.get(ranking.ids()[i]), tiers[ranking.tiers()[i]]));
        }
        return new Results(ranking.ids().length, hits);
    }

    private Ranking rank(String normalized) {
        var queryWords = new LinkedHashSet<>(Arrays.asList(normalized.split(" "))).toArray(String[]::new);
        var postings = new Postings[queryWords.length];
        for (int w = 0; w < queryWords.length; w++) {
            postings[w] = words.get(queryWords[w]);
        }
        var keys = new long[0];
        int count = 0;
        var found = new BitSet(terms.size());
        var phrase = normalized + " "; // a title that starts with this starts with the query's words
        if (Arrays.stream(postings).allMatch(p -> p != null)) {
            keys = new long
                    [Arrays.stream(postings).mapToInt(p -> p.ids().length).min().orElse(0)];
            var at = new int[postings.length];
            // Walk the shortest list; find each of its ids in the others (all ascending).
            int shortest = 0;
            for (int w = 1; w < postings.length; w++) {
                if (postings[w].ids().length < postings[shortest].ids().length) {
                    shortest = w;
                }
            }
            candidates:
            for (int id : postings[shortest].ids()) {
                int all = IN_TITLE | IN_ALIAS | IN_DEFINITION;
                int mentions = 0;
                for (int w = 0; w < postings.length; w++) {
                    var ids = postings[w].ids();
                    while (at[w] < ids.length && ids[at[w]] < id) {
                        at[w]++;
                    }
                    if (at[w] == ids.length || ids[at[w]] != id) {
                        continue candidates;
                    }
                    int places = postings[w].places()[at[w]];
                    all &= places;
                    mentions += places >>> MENTIONS_SHIFT;
                }
                keys[count++] = key(id, tierOf(id, normalized, phrase, all), mentions);
                found.set(id);
            }
        }
        var typed = titlesStartingWith(normalized);
        var extra = new long[typed.length];
        int extras = 0;
        for (int id : typed) {
            if (!found.get(id)) {
                extra[extras++] = key(id, Tier.TITLE_PART, 0);
            }
        }
        var all = Arrays.copyOf(keys, count + extras);
        System.arraycopy(extra, 0, all, count, extras);
        Arrays.sort(all);
        var ids = new int[all.length];
        var tiers = new byte[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = (int) (all[i] & 0xffffff);
            tiers[i] = (byte) (all[i] >>> 56);
        }
        return new Ranking(ids, tiers);
    }

    private Tier tierOf(int id, String normalized, String phrase, int places) {
        if ((places & (IN_TITLE | IN_ALIAS)) == 0) { // then the title or an alias cannot be the query
            return titles[id].startsWith(normalized)
                    ? Tier.TITLE_PART
                    : (places & IN_DEFINITION) != 0 ? Tier.DEFINITION : Tier.BODY;
        }
        if (titles[id].equals(normalized)) {
            return Tier.TITLE;
        }
        for (var alias : aliases[id]) {
            if (alias.equals(normalized)) {
                return Tier.ALIAS;
            }
        }
        if (titles[id].startsWith(phrase)) {
            return Tier.TITLE_PREFIX;
        }
        if ((places & IN_TITLE) != 0) {
            return Tier.TITLE_WORDS;
        }
        if ((places & IN_ALIAS) != 0) {
            return Tier.ALIAS_WORDS;
        }
        if (titles[id].startsWith(normalized)) {
            return Tier.TITLE_PART;
        }
        return (places & IN_DEFINITION) != 0 ? Tier.DEFINITION : Tier.BODY;
    }

    /**
     * The order of a result: its tier; then, for a match in a title, the title of fewer words
     * first; then the more mentions of the query's words; then A-Z (the id). One long, so that a
     * ranking is one primitive sort.
     */
    private long key(int id, Tier tier, int mentions) {
        long words = tier.compareTo(Tier.TITLE_PART) <= 0 ? Math.min(titleWords[id], 0xff) : 0;
        long fewerMentions = 0xffff - Math.min(mentions, 0xffff);
        return ((long) tier.ordinal() << 56) | (words << 48) | (fewerMentions << 24) | id;
    }

    /** Ids whose normalised title starts with the query, in A-Z order. */
    private int[] titlesStartingWith(String prefix) {
        int from = Arrays.binarySearch(sortedTitles, prefix);
        from = from < 0 ? -from - 1 : from;
        int to = from;
        while (to < sortedTitles.length && sortedTitles[to].startsWith(prefix)) {
            to++;
        }
        var ids = Arrays.copyOfRange(sortedTitleIds, from, to);
        Arrays.sort(ids);
        return ids;
    }

    /**
     * The query with each word the catalog does not hold replaced by the nearest word of a title or
     * alias (Damerau-Levenshtein: one edit in words of 4 to 7 letters, two from 8 on); empty when no
     * word needed it or one could not be corrected. Confident when each correction was the only word
     * at its distance. Off where the analyzer says typos cannot be corrected word by word (Thai).
     */
    Optional<Correction> correction(String query) {
        if (!analyzer.correctsTypos()) {
            return Optional.empty();
        }
        var normalized = analyzer.normalized(query);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        var queryWords = normalized.split(" ");
        if (queryWords.length > MAX_CORRECTED_WORDS) {
            return Optional.empty();
        }
        boolean changed = false;
        boolean confident = true;
        for (int w = 0; w < queryWords.length; w++) {
            if (words.containsKey(queryWords[w])) {
                continue;
            }
            int allowed = queryWords[w].length() < 4 ? 0 : queryWords[w].length() < 8 ? 1 : 2;
            int best = -1;
            int bestDistance = allowed + 1;
            boolean tie = false;
            for (int i = 0; i < nameWords.length; i++) {
                int d = Similarity.damerauLevenshtein(queryWords[w], nameWords[i], bestDistance);
                if (d < bestDistance) {
                    best = i;
                    bestDistance = d;
                    tie = false;
                } else if (d == bestDistance && best >= 0) {
                    tie = true;
                    if (nameWordCounts[i] > nameWordCounts[best]) {
                        best = i;
                    }
                }
            }
            if (best < 0) {
                return Optional.empty();
            }
            queryWords[w] = nameWords[best];
            changed = true;
            confident &= !tie;
        }
        return changed ? Optional.of(new Correction(String.join(" ", queryWords), confident)) : Optional.empty();
    }

    /**
     * Terms nearest a query that found nothing, nearest first: titles and aliases within a typo or
     * two of it (or of their start); then terms with some of its words in their title or an alias,
     * most words first; then titles and aliases sharing the most three-letter pieces with it.
     */
    List<Term> suggestions(String query, int limit) {
        var normalized = analyzer.normalized(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        var ids = new LinkedHashSet<Integer>();
        addUpTo(ids, names.close(normalized), limit);
        addUpTo(ids, someWordsInNames(normalized), limit);
        addUpTo(ids, names.alike(normalized), limit);
        var result = new ArrayList<Term>();
        ids.forEach(id -> result.add(terms.get(id)));
        return result;
    }

    private static void addUpTo(Set<Integer> ids, List<Integer> more, int limit) {
        for (int i = 0; i < more.size() && ids.size() < limit; i++) {
            ids.add(more.get(i));
        }
    }

    /** Terms with any of the query's words in a title or alias: most such words first, then shorter titles, then A-Z. */
    private List<Integer> someWordsInNames(String normalized) {
        var matched = new TreeMap<Integer, Integer>();
        for (var word : new LinkedHashSet<>(Arrays.asList(normalized.split(" ")))) {
            var postings = words.get(word);
            if (postings == null) {
                continue;
            }
            for (int i = 0; i < postings.ids().length; i++) {
                if ((postings.places()[i] & (IN_TITLE | IN_ALIAS)) != 0) {
                    matched.merge(postings.ids()[i], 1, Integer::sum);
                }
            }
        }
        var ids = new ArrayList<>(matched.keySet());
        ids.sort((a, b) -> matched.get(a).equals(matched.get(b))
                ? Integer.compare(titleWords[a], titleWords[b])
                : Integer.compare(matched.get(b), matched.get(a)));
        return ids;
    }
}
