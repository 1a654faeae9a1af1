package glossary.inquiry;

import glossary.term.Slugs;
import java.util.LinkedHashSet;
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
            for (var word : Slugs.words(text)) {
                words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
            }
        }
        return words;
    }
}
