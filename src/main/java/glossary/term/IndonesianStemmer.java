package glossary.term;

/**
 * A light Indonesian stemmer without a dictionary, for search: one stem for the common forms of a
 * word ("pelatihan", "melatih", "dilatih", "latih"), not always its true root. It removes a particle
 * (-lah, -kah), a possessive (-nya), a prefix (meN- and peN- with their sound changes, di-, ter-,
 * ber-, se-, and ke- only together with -an), a second prefix after some (per-, ber-, ter-), a
 * suffix (-kan, -an), and a final -i, each only when what is left is still a word of two
 * syllables. Where a form is ambiguous both readings are given one stem: "mengelola" (kelola) and
 * "mengambil" (ambil) look alike, so a stem starting with k and a vowel drops the k ("kelola",
 * "mengelola" and "pengelolaan" all become "elola"); "mengawasi" (awas) and "evaluasi" look alike,
 * so a final i goes ("awas", "evaluas").
 */
final class IndonesianStemmer {
    private IndonesianStemmer() {}

    /** Prefixes and suffixes that do not go together (Nazief and Adriani): "menyimpan" keeps its -an. */
    private static final String[][] NOT_TOGETHER = {
        {"di", "an"}, {"ke", "kan"}, {"me", "an"}, {"se", "kan"}, {"ter", "an"}
    };

    static String stem(String word) {
        if (word.length() < 5 || !isLowerAsciiLetters(word)) {
            return word;
        }
        var base = word;
        for (var particle : new String[] {"lah", "kah"}) {
            if (base.endsWith(particle) && base.length() - 3 >= 5) {
                base = cut(base, 3);
                break;
            }
        }
        if (base.endsWith("nya") && isStem(cut(base, 3))) {
            base = cut(base, 3);
        }
        var rest = base;
        var prefix = "";
        var prefixed = withoutPrefix(base);
        if (prefixed != null) {
            prefix = prefixed[0];
            rest = prefixed[1];
            var second = secondPrefix(prefix, rest);
            if (second != null) {
                rest = second;
            }
        }
        boolean confix = false;
        for (var suffix : new String[] {"kan", "an"}) {
            if (rest.endsWith(suffix) && isStem(cut(rest, suffix.length())) && together(prefix, suffix)) {
                rest = cut(rest, suffix.length());
                confix = suffix.equals("an");
                break;
            }
        }
        if (prefix.equals("ke") && !confix) {
            rest = base; // ke- without -an is part of the word: "kelola", "kerja"
        }
        if (rest.endsWith("i") && isStem(cut(rest, 1))) {
            rest = cut(rest, 1);
        }
        return withoutK(rest);
    }

    /** [prefix, rest] for a first prefix whose rest is a stem, or null; meN- and peN- are "me" and "pe". */
    private static String[] withoutPrefix(String word) {
        for (var nasal : new String[] {"me", "pe"}) {
            if (word.startsWith(nasal)) {
                var rest = withoutNasal(nasal, word.substring(2));
                return rest != null && isStem(rest) ? new String[] {nasal, rest} : null;
            }
        }
        for (var prefix : new String[] {"di", "ter", "ber", "se", "ke"}) {
            if (word.startsWith(prefix)) {
                var rest = word.substring(prefix.length());
                if (prefix.equals("di") && rest.length() > 1 && rest.charAt(0) == 's' && !isVowel(rest.charAt(1))) {
                    return null; // "diskusi", "distribusi": not di-
                }
                return isStem(rest) ? new String[] {prefix, rest} : null;
            }
        }
        if (word.startsWith("belajar")) {
            return new String[] {"ber", word.substring(3)}; // irregular
        }
        if (word.startsWith("be") && word.length() > 5 && !isVowel(word.charAt(2)) && word.startsWith("er", 3)) {
            return new String[] {"ber", word.substring(2)}; // "bekerja"
        }
        return null;
    }

    /**
     * What follows "me" or "pe", with the sound change undone: meng-/peng- before a vowel, g or h;
     * meny- for s; men- for c, d, j, z, sy and (before a vowel) t; mem- for b, f, v and (before a
     * vowel) p; plain me- before l, r, w, y; and per-, pe- before another consonant (pekerja, pelatihan).
     */
    private static String withoutNasal(String nasal, String after) {
        if (after.startsWith("lajar")) {
            return after.substring(1); // pelajar, irregular
        }
        if (after.startsWith("ng")
                && after.length() > 2
                && (isVowel(after.charAt(2)) || "gh".indexOf(after.charAt(2)) >= 0)) {
            return after.substring(2);
        }
        if (after.startsWith("ny") && after.length() > 2 && isVowel(after.charAt(2))) {
            return "s" + after.substring(2);
        }
        if (after.startsWith("n") && after.length() > 1) {
            char next = after.charAt(1);
            if ("cdjz".indexOf(next) >= 0 || after.startsWith("sy", 1)) {
                return after.substring(1);
            }
            return isVowel(next) ? "t" + after.substring(1) : null;
        }
        if (after.startsWith("m") && after.length() > 1) {
            char next = after.charAt(1);
            if ("bfvp".indexOf(next) >= 0) {
                return after.substring(1); // "memperbaiki": per- follows
            }
            return isVowel(next) ? "p" + after.substring(1) : null;
        }
        if (after.isEmpty()) {
            return null;
        }
        char first = after.charAt(0);
        if (nasal.equals("me")) {
            return "lrwy".indexOf(first) >= 0 ? after : null;
        }
        if (first == 'r') {
            return after.substring(1); // per-
        }
        return isVowel(first) ? null : after;
    }

    /** The rest after a second prefix: per- after meN-, di- and ke-; ber- after peN- and ke-; ter- after ke-. */
    private static String secondPrefix(String first, String rest) {
        String second = null;
        if (rest.startsWith("per") && (first.equals("me") || first.equals("di") || first.equals("ke"))) {
            second = rest.substring(3);
        } else if (rest.startsWith("belajar") || rest.startsWith("pelajar")) {
            second = rest.substring(3);
        } else if (rest.startsWith("ber") && (first.equals("pe") || first.equals("ke"))) {
            second = rest.substring(3);
        } else if (rest.startsWith("ter") && first.equals("ke")) {
            second = rest.substring(3);
        }
        return second != null && isStem(second) ? second : null;
    }

    private static boolean together(String prefix, String suffix) {
        for (var pair : NOT_TOGETHER) {
            if (pair[0].equals(prefix) && pair[1].equals(suffix)) {
                return false;
            }
        }
        return true;
    }

    /** "kelola" and the "elola" of "mengelola" meet at "elola" (see the class comment). */
    private static String withoutK(String stem) {
        return stem.length() >= 5 && stem.charAt(0) == 'k' && isVowel(stem.charAt(1)) ? stem.substring(1) : stem;
    }

    /** At least four letters and two vowels: enough of a word to be worth matching on its own. */
    private static boolean isStem(String rest) {
        if (rest.length() < 4) {
            return false;
        }
        int vowels = 0;
        for (int i = 0; i < rest.length(); i++) {
            if (isVowel(rest.charAt(i))) {
                vowels++;
            }
        }
        return vowels >= 2;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isLowerAsciiLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static String cut(String word, int letters) {
        return word.substring(0, word.length() - letters);
    }
}
