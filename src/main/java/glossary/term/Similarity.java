package glossary.term;

import java.util.LinkedHashSet;
import java.util.Set;

/** How alike two normalised strings are: edits apart, and the three-letter pieces they share. */
final class Similarity {
    private Similarity() {}

    /**
     * The Damerau-Levenshtein distance (optimal string alignment: insert, delete, replace, swap two
     * neighbours) between {@code a} and {@code b}, or {@code limit + 1} as soon as it must exceed
     * {@code limit}: a typo check needs no more, and stopping early keeps a scan of every name cheap.
     */
    static int damerauLevenshtein(String a, String b, int limit) {
        return damerauLevenshtein(a, b, b.length(), limit);
    }

    /** The same, to the first {@code bLength} characters of {@code b} (no substring made). */
    static int damerauLevenshtein(String a, String b, int bLength, int limit) {
        if (Math.abs(a.length() - bLength) > limit) {
            return limit + 1;
        }
        int n = a.length();
        int m = bLength;
        var before = new int[m + 1];
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.min(previous[m], limit + 1);
    }

    /** The three-letter pieces of each word, padded as PostgreSQL's pg_trgm does: "ai" gives "  a", " ai", "ai ". */
    static Set<String> trigrams(String normalized) {
        var pieces = new LinkedHashSet<String>();
        for (var word : normalized.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            var padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                pieces.add(padded.substring(i, i + 3));
            }
        }
        return pieces;
    }
}
