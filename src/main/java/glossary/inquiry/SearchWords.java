package glossary.inquiry;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The words an inquiry can be found by: lower-case, accents folded, split at anything not a letter or digit. */
public final class SearchWords {
    public static final int MAX_LENGTH = 60;

    private SearchWords() {}

    public static Set<String> of(String... texts) {
        var words = new LinkedHashSet<String>();
        for (var text : texts) {
            if (text == null) {
                continue;
            }
            var folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "")
                    .toLowerCase(Locale.ROOT);
            for (var word : folded.split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
                }
            }
        }
        return words;
    }
}
