package glossary.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {
    @Test
    void links_addresses_and_bare_host_names_are_removed_and_ordinary_words_kept() {
        assertThat(Quote.defused("See https://x.example/a?b=1, www.y.org, bit.ly/3abc and mail me@z.biz"))
                .isEqualTo("See [link removed] [link removed] [link removed] and mail [link removed]");
        assertThat(Quote.defused("We use Node.js, e.g. RAG v2.1 at 9.30 am; U.S. teams"))
                .isEqualTo("We use Node.js, e.g. RAG v2.1 at 9.30 am; U.S. teams");
        assertThat(Quote.defused("ftp://files.example/x and HTTP://LOUD.COM")).doesNotContain("files", "LOUD");
    }

    @Test
    void invisible_and_direction_controls_are_removed() {
        assertThat(Quote.defused("pay\u202Eevil\u202C here\u200B")).isEqualTo("payevil here");
    }

    @Test
    void a_long_message_is_cut_at_a_word_and_marked() {
        var excerpt = Quote.excerpt("word ".repeat(100));
        assertThat(excerpt.shortened()).isTrue();
        assertThat(excerpt.lines()).hasSize(1);
        assertThat(excerpt.lines().get(0)).endsWith("word …").hasSizeLessThanOrEqualTo(Quote.MAX_CHARS + 2);

        var many = Quote.excerpt("one\ntwo\n\n\n\nthree\nfour\nfive\nsix\nseven\neight");
        assertThat(many.lines()).containsExactly("one", "two", "", "three", "four", "five …");
        assertThat(many.shortened()).isTrue();

        var whole = Quote.excerpt("  Short question about RAG.\n\nThanks  ");
        assertThat(whole.lines()).containsExactly("Short question about RAG.", "", "Thanks");
        assertThat(whole.shortened()).isFalse();
    }

    @Test
    void a_name_keeps_its_words_but_not_its_links() {
        assertThat(Quote.name("Siti Rahman")).isEqualTo("Siti Rahman");
        assertThat(Quote.name("Win at prize.io")).isEqualTo("Win at");
        assertThat(Quote.name("www.spam.example")).isEmpty();
        assertThat(Quote.name("สมชาย ใจดี")).isEqualTo("สมชาย ใจดี");
    }
}
