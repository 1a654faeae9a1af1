package glossary.term;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs and the accent-, case- and plural-blind form that search and lookups compare. */
public final class Slugs {
    // Compiled once: every search query and the whole text of every term go through words().
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Slugs() {}

    public static String of(String text) {
        return String.join("-", words(text));
    }

    /** Lower-case ASCII-folded words: "Réseaux  Neuronaux!" becomes ["reseaux", "neuronaux"]. */
    public static String[] words(String text) {
        return isAscii(text) ? asciiWords(text) : unicodeWords(text);
    }

    static String[] unicodeWords(String text) {
        var accentless =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        var folded = NOT_LETTERS
                .matcher(accentless.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }

    /**
     * The same words for plain ASCII text, which most term files are, in one pass instead of a
     * Unicode normalisation and two regular expressions over the whole text.
     */
    static String[] asciiWords(String text) {
        var words = new ArrayList<String>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letterOrDigit = i < text.length() && isAsciiLetterOrDigit(text.charAt(i));
            if (letterOrDigit && start < 0) {
                start = i;
            } else if (!letterOrDigit && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words.toArray(new String[0]);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Words reduced to a crude singular, so "models" finds "model" and "strategies" finds "strategy". */
    public static String normalized(String text) {
        var words = words(text);
        for (int i = 0; i < words.length; i++) {
            words[i] = singular(words[i]);
        }
        return String.join(" ", words);
    }

    static String singular(String word) {
        if (word.length() <= 3
                || !word.endsWith("s")
                || word.endsWith("ss")
                || word.endsWith("us")
                || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.substring(0, word.length() - 1);
    }
}
