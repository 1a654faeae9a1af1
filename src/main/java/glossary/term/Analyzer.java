package glossary.term;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one language's text becomes the words search compares: the forms in the index and in a
 * query, never what a page shows. One per language, obtained by its tag ({@code Analyzer.of("th")}).
 */
public sealed interface Analyzer permits Analyzer.English, Analyzer.Vietnamese, Analyzer.Thai, Analyzer.Indonesian {

    /** The analyzer for "en", "id", "vi" or "th". */
    static Analyzer of(String languageTag) {
        return switch (languageTag) {
            case "en" -> English.INSTANCE;
            case "vi" -> Vietnamese.INSTANCE;
            case "th" -> Thai.INSTANCE;
            case "id" -> new Indonesian(Set.of());
            default -> throw new IllegalArgumentException("no search analyzer for language '" + languageTag + "'");
        };
    }

    /** The text's words, case-folded (and accent-folded where the language allows), not yet reduced. */
    String[] words(String text);

    /** The words reduced to what matches (a singular, a stem), joined by single spaces. */
    String normalized(String text);

    /** Whether a query's unknown words may be replaced by the nearest catalog words. */
    default boolean correctsTypos() {
        return true;
    }

    /** This analyzer for a catalog of these terms (Indonesian learns which of their words are English). */
    default Analyzer forTerms(List<Term> terms) {
        return this;
    }

    /** Exactly {@link Slugs#normalized}: English search ranks as it always has. */
    final class English implements Analyzer {
        static final English INSTANCE = new English();

        private English() {}

        @Override
        public String[] words(String text) {
            return Slugs.words(text);
        }

        @Override
        public String normalized(String text) {
            return Slugs.normalized(text);
        }
    }

    /**
     * Tones and vowel marks folded away ("Quản trị dữ liệu" is searched as "quan tri du lieu"), and
     * đ read as d: it is a letter of its own in Unicode, so decomposing does not fold it. English
     * plurals fold as in English: no Vietnamese syllable ends in s.
     */
    final class Vietnamese implements Analyzer {
        static final Vietnamese INSTANCE = new Vietnamese();

        private Vietnamese() {}

        @Override
        public String[] words(String text) {
            return Slugs.words(withoutStroke(text));
        }

        @Override
        public String normalized(String text) {
            return Slugs.normalized(withoutStroke(text));
        }

        private static String withoutStroke(String text) {
            return text.replace('đ', 'd').replace('Đ', 'D');
        }
    }

    /**
     * Thai runs split into words by ICU's dictionary (Thai has no spaces between words), with their
     * vowel and tone marks kept; anything else, English names above all, read as English. Typo
     * correction is off: a misspelt run splits into different pieces, so editing word by word finds
     * nothing sensible.
     */
    final class Thai implements Analyzer {
        static final Thai INSTANCE = new Thai();

        private Thai() {}

        /** Loaded on first use, so that other languages never load ICU's data. */
        private static final class Breaks {
            static final BreakIterator WORDS = BreakIterator.getWordInstance(new ULocale("th"));
        }

        @Override
        public String[] words(String text) {
            if (!hasThai(text)) {
                return Slugs.words(text);
            }
            var breaks = (BreakIterator) Breaks.WORDS.clone(); // an iterator holds its position: one each
            breaks.setText(text);
            var words = new ArrayList<String>();
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                var piece = text.substring(start, end);
                if (hasThai(piece)) {
                    var word = lettersMarksAndDigits(piece);
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                } else {
                    words.addAll(List.of(Slugs.words(piece)));
                }
            }
            return words.toArray(new String[0]);
        }

        @Override
        public String normalized(String text) {
            var words = words(text);
            for (int i = 0; i < words.length; i++) {
                words[i] = Slugs.singular(words[i]); // a Thai word never ends in "s"
            }
            return String.join(" ", words);
        }

        @Override
        public boolean correctsTypos() {
            return false;
        }

        private static boolean hasThai(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '\u0E00' && c <= '\u0E7F') {
                    return true;
                }
            }
            return false;
        }

        private static String lettersMarksAndDigits(String piece) {
            var word = new StringBuilder(piece.length());
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                int type = Character.getType(c);
                if (Character.isLetterOrDigit(c)
                        || type == Character.NON_SPACING_MARK
                        || type == Character.COMBINING_SPACING_MARK) {
                    word.append(c);
                }
            }
            return word.toString();
        }
    }

    /**
     * Indonesian words reduced to a stem by {@link IndonesianStemmer}, so "pengelolaan" meets
     * "kelola". Rule for mixed text: a word that the catalog's English terms use (in the singular, as
     * English search reduces it) is read as English and never stemmed, so "digital" does not become
     * "gital". Which terms are English is told by Indonesian's commonest words ("yang", "dan",
     * "untuk" …): a text without two of them is English. Without terms ({@code of("id")}) every word
     * is stemmed.
     *
     * @param english singular forms of the words of the catalog's English terms
     */
    record Indonesian(Set<String> english) implements Analyzer {
        private static final Set<String> COMMON_WORDS =
                Set.of("yang", "dan", "adalah", "untuk", "dengan", "dari", "atau", "ini", "dalam", "pada");

        @Override
        public String[] words(String text) {
            return Slugs.words(text);
        }

        @Override
        public String normalized(String text) {
            var words = words(text);
            for (int i = 0; i < words.length; i++) {
                var singular = Slugs.singular(words[i]);
                words[i] = english.contains(singular) ? singular : IndonesianStemmer.stem(words[i]);
            }
            return String.join(" ", words);
        }

        @Override
        public Analyzer forTerms(List<Term> terms) {
            var englishWords = new HashSet<String>();
            for (var term : terms) {
                var text = new StringBuilder(term.title())
                        .append(' ')
                        .append(term.definition())
                        .append(' ')
                        .append(term.body());
                for (var faq : term.faq()) {
                    text.append(' ').append(faq.question()).append(' ').append(faq.answer());
                }
                var words = Slugs.words(text.toString());
                if (!isIndonesian(words)) {
                    for (var word : words) {
                        englishWords.add(Slugs.singular(word));
                    }
                }
            }
            return new Indonesian(Set.copyOf(englishWords));
        }

        private static boolean isIndonesian(String[] words) {
            var seen = new HashSet<String>();
            for (var word : words) {
                if (COMMON_WORDS.contains(word) && seen.add(word) && seen.size() == 2) {
                    return true;
                }
            }
            return false;
        }
    }
}
