package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void folds_accents_case_and_punctuation_into_words() {
        assertThat(Slugs.words("Réseaux  Neuronaux!")).containsExactly("reseaux", "neuronaux");
        assertThat(Slugs.words("GPT-4o — what's new?")).containsExactly("gpt", "4o", "what", "s", "new");
        assertThat(Slugs.words(" --- ")).isEmpty();
        assertThat(Slugs.of("Retrieval-Augmented Generation (RAG)")).isEqualTo("retrieval-augmented-generation-rag");
    }

    @Test
    void the_ascii_shortcut_finds_the_same_words_as_the_unicode_way() {
        var random = new Random(7);
        var alphabet = "aZ09 -_.,'\"\t\n()[]/#*`~";
        for (int n = 0; n < 2_000; n++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(
                        random.nextBoolean()
                                ? (char) (' ' + random.nextInt(95))
                                : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            var ascii = text.toString();
            assertThat(Slugs.asciiWords(ascii)).as(ascii).containsExactly(Slugs.unicodeWords(ascii));
        }
    }
}
