package glossary.term;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * In-memory search over the catalog. Ranks exact title, then alias, then title prefix, then the
 * definition, then the body and questions; every comparison is on {@link Slugs#normalized} text, so
 * case, accents and simple plurals do not matter. Built once per catalog; a query touches only the
 * posting lists of its own words.
 */
public final class TermSearch {
    public enum Tier { TITLE, ALIAS, TITLE_PREFIX, TITLE_WORDS, DEFINITION, BODY }

    public record Hit(Term term, Tier tier) {}

    private final List<Term> terms;
    private final String[] titles;
    private final String[] paddedTitles;
    private final String[][] names;
    private final Map<String, int[]> definitionIndex;
    private final Map<String, int[]> textIndex;

    TermSearch(List<Term> terms) {
        this.terms = List.copyOf(terms);
        int n = terms.size();
        titles = new String[n];
        paddedTitles = new String[n];
        names = new String[n][];
        var definition = new HashMap<String, List<Integer>>();
        var text = new HashMap<String, List<Integer>>();
        for (int i = 0; i < n; i++) {
            var term = terms.get(i);
            titles[i] = Slugs.normalized(term.title());
            paddedTitles[i] = " " + titles[i] + " ";
            names[i] = new String[term.aliases().size()];
            for (int a = 0; a < names[i].length; a++) {
                names[i][a] = Slugs.normalized(term.aliases().get(a));
            }
            index(definition, i, term.definition());
            var all = new StringBuilder(term.title()).append(' ').append(String.join(" ", term.aliases()))
                    .append(' ').append(term.definition()).append(' ').append(term.body());
            for (var faq : term.faq()) {
                all.append(' ').append(faq.question()).append(' ').append(faq.answer());
            }
            index(text, i, all.toString());
        }
        definitionIndex = freeze(definition);
        textIndex = freeze(text);
    }

    List<Hit> search(String query, int limit) {
        var normalized = Slugs.normalized(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        var words = normalized.split(" ");
        for (int w = 0; w < words.length; w++) {
            words[w] = " " + words[w] + " ";
        }
        var tiers = new Tier[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            tiers[i] = nameTier(i, normalized, words);
        }
        var plainWords = normalized.split(" ");
        for (int i : matchingAll(definitionIndex, plainWords)) {
            if (tiers[i] == null) {
                tiers[i] = Tier.DEFINITION;
            }
        }
        for (int i : matchingAll(textIndex, plainWords)) {
            if (tiers[i] == null) {
                tiers[i] = Tier.BODY;
            }
        }
        var hits = new ArrayList<Hit>();
        for (int i = 0; i < tiers.length; i++) {
            if (tiers[i] != null) {
                hits.add(new Hit(terms.get(i), tiers[i]));
            }
        }
        hits.sort(Comparator.comparing(Hit::tier).thenComparing(h -> h.term().title(), String.CASE_INSENSITIVE_ORDER));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    private Tier nameTier(int i, String query, String[] words) {
        if (titles[i].equals(query)) {
            return Tier.TITLE;
        }
        for (var alias : names[i]) {
            if (alias.equals(query)) {
                return Tier.ALIAS;
            }
        }
        if (titles[i].startsWith(query)) {
            return Tier.TITLE_PREFIX;
        }
        for (var word : words) {
            if (!paddedTitles[i].contains(word)) {
                return null;
            }
        }
        return Tier.TITLE_WORDS;
    }

    /** Close titles and aliases for a query that found nothing, nearest first. */
    List<Term> suggestions(String query, int limit) {
        var normalized = Slugs.normalized(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        int threshold = Math.max(2, normalized.length() * 2 / 5);
        var distance = new LevenshteinDistance(threshold);
        var scored = new ArrayList<Map.Entry<Term, Integer>>();
        for (int i = 0; i < terms.size(); i++) {
            int best = score(distance, normalized, titles[i]);
            for (var alias : names[i]) {
                best = Math.min(best, score(distance, normalized, alias));
            }
            if (best <= threshold) {
                scored.add(Map.entry(terms.get(i), best));
            }
        }
        scored.sort(Map.Entry.<Term, Integer>comparingByValue().thenComparing(e -> e.getKey().title()));
        var result = new ArrayList<Term>();
        for (var entry : scored) {
            if (result.size() == limit) {
                break;
            }
            result.add(entry.getKey());
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

    private static void index(Map<String, List<Integer>> index, int id, String text) {
        for (var word : Slugs.normalized(text).split(" ")) {
            var postings = index.computeIfAbsent(word, k -> new ArrayList<>());
            if (postings.isEmpty() || postings.get(postings.size() - 1) != id) {
                postings.add(id);
            }
        }
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> index) {
        var frozen = new HashMap<String, int[]>(index.size() * 2);
        index.forEach((word, ids) -> frozen.put(word, ids.stream().mapToInt(Integer::intValue).toArray()));
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
