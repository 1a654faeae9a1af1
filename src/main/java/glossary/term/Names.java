package glossary.term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every title and alias, normalised, for finding the terms nearest a query that found nothing. */
final class Names {
    /**
     * Below this share of three-letter pieces in common a name is not near at all. Low on purpose:
     * this is the last resort for a query like "kubernetes" that is close to no name.
     */
    private static final double MIN_SIMILARITY = 0.05;

    private final String[] names;
    private final int[] termIds;
    private final int[] trigramCounts;
    private final Map<String, int[]> byTrigram;

    Names(String[] names, int[] termIds) {
        this.names = names;
        this.termIds = termIds;
        trigramCounts = new int[names.length];
        var index = new HashMap<String, List<Integer>>();
        for (int i = 0; i < names.length; i++) {
            var pieces = Similarity.trigrams(names[i]);
            trigramCounts[i] = pieces.size();
            for (var piece : pieces) {
                index.computeIfAbsent(piece, k -> new ArrayList<>()).add(i);
            }
        }
        byTrigram = new HashMap<>(index.size() * 2);
        index.forEach((piece, list) ->
                byTrigram.put(piece, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Term ids of the names within a typo or two of the query or of their own start, fewest edits first. */
    List<Integer> close(String query) {
        return ids(edits(query));
    }

    /** Term ids of the names sharing the most three-letter pieces with the query (the Dice coefficient). */
    List<Integer> alike(String query) {
        return ids(pieces(query));
    }

    private static List<Integer> ids(List<int[]> entries) {
        var ids = new ArrayList<Integer>();
        entries.forEach(entry -> ids.add(entry[0]));
        return ids;
    }

    /** [term id, edits] for names within max(2, 2/5 of the query's length) edits, sorted. */
    private List<int[]> edits(String query) {
        int threshold = Math.max(2, query.length() * 2 / 5);
        var best = new HashMap<Integer, Integer>();
        for (int i = 0; i < names.length; i++) {
            int whole = Similarity.damerauLevenshtein(query, names[i], threshold);
            var start = names[i].length() > query.length() ? names[i].substring(0, query.length()) : names[i];
            int cut = Similarity.damerauLevenshtein(query, start, threshold) + 1; // below a whole match
            int score = Math.min(whole, cut);
            if (score <= threshold) {
                best.merge(termIds[i], score, Math::min);
            }
        }
        return sorted(best);
    }

    /** [term id, minus the similarity in thousandths] for names sharing enough three-letter pieces, most alike first. */
    private List<int[]> pieces(String query) {
        var pieces = Similarity.trigrams(query);
        var shared = new HashMap<Integer, Integer>();
        for (var piece : pieces) {
            for (int name : byTrigram.getOrDefault(piece, new int[0])) {
                shared.merge(name, 1, Integer::sum);
            }
        }
        var best = new HashMap<Integer, Integer>();
        shared.forEach((name, count) -> {
            double dice = 2.0 * count / (pieces.size() + trigramCounts[name]);
            if (dice >= MIN_SIMILARITY) {
                best.merge(termIds[name], -(int) Math.round(dice * 1000), Math::min);
            }
        });
        return sorted(best);
    }

    /** Entries as [id, value], by value, then id. */
    private static List<int[]> sorted(Map<Integer, Integer> values) {
        var entries = new ArrayList<int[]>();
        values.forEach((id, value) -> entries.add(new int[] {id, value}));
        entries.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
        return entries;
    }
}
