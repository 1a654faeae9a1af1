package glossary.term;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
    private final int termCount;

    Names(String[] names, int[] termIds) {
        this.names = names;
        this.termIds = termIds;
        termCount = Arrays.stream(termIds).max().orElse(-1) + 1;
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

    /** [term id, edits] for names within one edit (two from 8 letters on), sorted. */
    private List<int[]> edits(String query) {
        int threshold = query.length() < 8 ? 1 : 2;
        var best = new Best(termCount);
        for (int i = 0; i < names.length; i++) {
            int whole = Similarity.damerauLevenshtein(query, names[i], threshold);
            int start = Math.min(names[i].length(), query.length());
            int cut = Similarity.damerauLevenshtein(query, names[i], start, threshold) + 1; // below a whole match
            int score = Math.min(whole, cut);
            if (score <= threshold) {
                best.offer(termIds[i], score);
            }
        }
        return best.sorted();
    }

    /** [term id, minus the similarity in thousandths] for names sharing enough three-letter pieces, most alike first. */
    private List<int[]> pieces(String query) {
        var pieces = Similarity.trigrams(query);
        var shared = new int[names.length];
        for (var piece : pieces) {
            for (int name : byTrigram.getOrDefault(piece, new int[0])) {
                shared[name]++;
            }
        }
        var best = new Best(termCount);
        for (int name = 0; name < names.length; name++) {
            if (shared[name] == 0) {
                continue;
            }
            double dice = 2.0 * shared[name] / (pieces.size() + trigramCounts[name]);
            if (dice >= MIN_SIMILARITY) {
                best.offer(termIds[name], -(int) Math.round(dice * 1000));
            }
        }
        return best.sorted();
    }

    /** The lowest value offered for each term. */
    private static final class Best {
        private final int[] values;
        private final BitSet offered;

        Best(int terms) {
            values = new int[terms];
            offered = new BitSet(terms);
        }

        void offer(int id, int value) {
            if (!offered.get(id) || value < values[id]) {
                values[id] = value;
                offered.set(id);
            }
        }

        /** Entries as [id, value], by value, then id. */
        List<int[]> sorted() {
            var entries = new ArrayList<int[]>();
            for (int id = offered.nextSetBit(0); id >= 0; id = offered.nextSetBit(id + 1)) {
                entries.add(new int[] {id, values[id]});
            }
            entries.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
            return entries;
        }
    }
}
