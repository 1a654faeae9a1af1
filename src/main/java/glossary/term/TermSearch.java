package glossary.term;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * In-memory search over the catalog. Ranks exact title, then alias, then title prefix, then all
 * words in the title, then the definition, then the body and questions; every comparison is on
 * {@link Slugs#normalized} text, so case, accents and simple plurals do not matter. Built once per
 * catalog; a query only looks at the entries of its own words, never at every term.
 */
public final class TermSearch {
    public enum Tier {
        TITLE,
        ALIAS,
        TITLE_PREFIX,
        TITLE_WORDS,
        DEFINITION,
        BODY
    }

    public record Hit(Term term, Tier tier) {}

    /** Term ids are positions in the title-ordered list, so ascending ids are A-Z order. */
    private final List<Term> terms;

    private final Map<String, int[]> byTitle;
    private final Map<String, int[]> byAlias;
    private final String[] sortedTitles;
    private final int[] sortedTitleIds;
    private final Map<String, int[]> titleWords;
    private final Map<String, int[]> definitionWords;
    private final Map<String, int[]> allWords;
    private final String[] names; // every title and alias, normalised, for suggestions
    private final int[] nameIds;

    TermSearch(List<Term> termsByTitle) {
        this.terms = List.copyOf(termsByTitle);
        var title = new HashMap<String, List<Integer>>();
        var alias = new HashMap<String, List<Integer>>();
        var titleIndex = new HashMap<String, List<Integer>>();
        var definitionIndex = new HashMap<String, List<Integer>>();
        var textIndex = new HashMap<String, List<Integer>>();
        var nameList = new ArrayList<String>();
        var nameIdList = new ArrayList<Integer>();
        var titles = new String[terms.size()];
        for (int id = 0; id < terms.size(); id++) {
            var term = terms.get(id);
            titles[id] = Slugs.normalized(term.title());
            add(title, titles[id], id);
            nameList.add(titles[id]);
            nameIdList.add(id);
            for (var a : term.aliases()) {
                var normalized = Slugs.normalized(a);
                add(alias, normalized, id);
                nameList.add(normalized);
                nameIdList.add(id);
            }
            index(titleIndex, id, term.title());
            index(definitionIndex, id, term.definition());
            var all = new StringBuilder(term.title())
                    .append(' ')
                    .append(String.join(" ", term.aliases()))
                    .append(' ')
                    .append(term.definition())
                    .append(' ')
                    .append(term.body());
            for (var faq : term.faq()) {
                all.append(' ').append(faq.question()).append(' ').append(faq.answer());
            }
            index(textIndex, id, all.toString());
        }
        byTitle = freeze(title);
        byAlias = freeze(alias);
        titleWords = freeze(titleIndex);
        definitionWords = freeze(definitionIndex);
        allWords = freeze(textIndex);
        var order = new Integer[titles.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> titles[a].compareTo(titles[b]));
        sortedTitles = new String[titles.length];
        sortedTitleIds = new int[titles.length];
        for (int i = 0; i < order.length; i++) {
            sortedTitles[i] = titles[order[i]];
            sortedTitleIds[i] = order[i];
        }
        names = nameList.toArray(String[]::new);
        nameIds = nameIdList.stream().mapToInt(Integer::intValue).toArray();
    }

    List<Hit> search(String query, int limit) {
        var normalized = Slugs.normalized(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        var words = normalized.split(" ");
        var hits = new ArrayList<Hit>();
        var seen = new BitSet(terms.size());
        collect(hits, seen, limit, Tier.TITLE, byTitle.getOrDefault(normalized, new int[0]));
        collect(hits, seen, limit, Tier.ALIAS, byAlias.getOrDefault(normalized, new int[0]));
        collect(hits, seen, limit, Tier.TITLE_PREFIX, titlesStartingWith(normalized));
        collect(hits, seen, limit, Tier.TITLE_WORDS, matchingAll(titleWords, words));
        collect(hits, seen, limit, Tier.DEFINITION, matchingAll(definitionWords, words));
        collect(hits, seen, limit, Tier.BODY, matchingAll(allWords, words));
        return hits;
    }

    private void collect(List<Hit> hits, BitSet seen, int limit, Tier tier, int[] ids) {
        for (int id : ids) {
            if (hits.size() >= limit) {
                return;
            }
            if (!seen.get(id)) {
                seen.set(id);
                hits.add(new Hit(terms.get(id), tier));
            }
        }
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

    /** Close titles and aliases for a query that found nothing, nearest first. */
    List<Term> suggestions(String query, int limit) {
        var normalized = Slugs.normalized(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        int threshold = Math.max(2, normalized.length() * 2 / 5);
        var distance = new LevenshteinDistance(threshold);
        var best = new HashMap<Integer, Integer>();
        for (int i = 0; i < names.length; i++) {
            int score = score(distance, normalized, names[i]);
            if (score <= threshold) {
                best.merge(nameIds[i], score, Math::min);
            }
        }
        var ranked = new ArrayList<>(best.entrySet());
        ranked.sort(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry::getKey));
        var result = new ArrayList<Term>();
        for (var entry : ranked.subList(0, Math.min(limit, ranked.size()))) {
            result.add(terms.get(entry.getKey()));
        }
        return result;
    }

    /** Distance to the whole name, or to the name cut to the query's length (a typo in a prefix). */
    private static int score(LevenshteinDistance distance, String query, String name) {
        int whole = distance.apply(query, name);
        var prefix = name.length() > query.length() ? name.substring(0, query.length()) : name;
        int cut = distance.apply(query, prefix);
        whole = whole < 0 ? Integer.MAX_VALUE : whole;
        cut = cut < 0 ? Integer.MAX_VALUE : cut + 1; // a prefix match ranks just below a whole one
        return Math.min(whole, cut);
    }

    private static void add(Map<String, List<Integer>> map, String key, int id) {
        var ids = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (ids.isEmpty() || ids.get(ids.size() - 1) != id) {
            ids.add(id);
        }
    }

    private static void index(Map<String, List<Integer>> index, int id, String text) {
        for (var word : Slugs.normalized(text).split(" ")) {
            add(index, word, id);
        }
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> index) {
        var frozen = new HashMap<String, int[]>(index.size() * 2);
        index.forEach((word, ids) ->
                frozen.put(word, ids.stream().mapToInt(Integer::intValue).toArray()));
        return frozen;
    }

    /** Ids of the documents that contain every word, by intersecting sorted posting lists. */
    private static int[] matchingAll(Map<String, int[]> index, String[] words) {
        int[] result = null;
        for (var word : words) {
            var postings = index.get(word);
            if (postings == null) {
                return new int[0];
            }
            result = result == null ? postings : intersect(result, postings);
        }
        return result == null ? new int[0] : result;
    }

    private static int[] intersect(int[] a, int[] b) {
        var out = new int[Math.min(a.length, b.length)];
        int i = 0, j = 0, k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[k++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
