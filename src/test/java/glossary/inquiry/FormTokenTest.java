package glossary.inquiry;

import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.count;
import static glossary.testing.Inquiries.idOf;
import static glossary.testing.Inquiries.spamReason;
import static glossary.testing.Inquiries.status;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The form token: a time trap counted from delivery, bound to its form, and good for one inquiry. */
class FormTokenTest {
    private static final String TERM_PAGE = "/glossary/retrieval-augmented-generation";
    private static final String TERM_FORM = TERM_PAGE + "/inquiries";

    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand();

    @Test
    void the_time_trap_counts_from_when_a_cached_term_page_was_delivered() throws InterruptedException {
        var app = apps.start(Map.of("GLOSSARY_FORM_MIN_SECONDS", "1"));
        var visitor = Client.of(app);
        visitor.get(TERM_PAGE); // someone else's visit puts the page in the cache
        var fields = aValidInquiry(visitor, TERM_PAGE);
        long fetched = System.nanoTime();
        // A person who takes the minimum time: the wait is the behaviour under test, not a missing condition.
        Thread.sleep(1_100 - Math.max(0, (System.nanoTime() - fetched) / 1_000_000));

        var response = visitor.post(TERM_FORM, fields);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(status(app, idOf(response))).isEqualTo("new");
    }

    @Test
    void each_delivery_of_a_cached_term_page_carries_its_own_token_plain_or_gzipped() throws IOException {
        var app = apps.start(Map.of());
        var visitor = Client.of(app);
        var first = tokenOf(visitor.get(TERM_PAGE).body());
        var cached = visitor.get(TERM_PAGE);
        var second = tokenOf(cached.body());
        // No ETag, so no 304 hands a browser back an old token; private, so no shared cache hands one token to many.
        assertThat(cached.headers().firstValue("ETag")).isEmpty();
        assertThat(cached.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        var gzipped = visitor.getBytes(TERM_PAGE, "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var third = tokenOf(unzipped);

        assertThat(first).isNotEqualTo(second).isNotEqualTo(third);
        assertThat(second).isNotEqualTo(third);
        assertThat(Jsoup.parse(unzipped).select("h1").text()).isNotEmpty();
        var fields = aValidInquiry(visitor, TERM_PAGE);
        fields.put("token", third);
        assertThat(status(app, idOf(visitor.post(TERM_FORM, fields)))).isEqualTo("new");
    }

    @Test
    void a_sign_in_token_is_refused_by_the_inquiry_form() {
        var app = apps.start(Map.of());
        var visitor = Client.of(app);
        var fields = aValidInquiry(visitor, "/contact");
        fields.put("token", tokenOf(visitor.get("/admin/login").body()));

        var response = visitor.post("/contact", fields);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count(app)).isZero();
    }

    @Test
    void sending_one_token_five_times_stores_one_lead_and_answers_each_with_its_reference() {
        var app = apps.start(Map.of());
        var visitor = Client.of(app);
        var fields = aValidInquiry(visitor, "/contact");
        var locations = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var response = visitor.post("/contact", fields);
            assertThat(response.statusCode()).isEqualTo(303);
            locations.add(response.headers().firstValue("Location").orElseThrow());
        }
        assertThat(locations).containsOnly(locations.get(0));
        assertThat(count(app)).isEqualTo(1);
    }

    @Test
    void two_posts_of_one_token_at_the_same_moment_store_one_lead() throws Exception {
        var app = apps.start(Map.of());
        var visitor = Client.of(app);
        var fields = aValidInquiry(visitor, TERM_PAGE);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var start = new CountDownLatch(1);
            var posts = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 4; i++) {
                Callable<HttpResponse<String>> post = () -> {
                    start.await();
                    return visitor.post(TERM_FORM, fields);
                };
                posts.add(pool.submit(post));
            }
            start.countDown();
            var locations = new ArrayList<String>();
            for (var post : posts) {
                var response = post.get();
                assertThat(response.statusCode()).isEqualTo(303);
                locations.add(response.headers().firstValue("Location").orElseThrow());
            }
            assertThat(locations).containsOnly(locations.get(0));
            assertThat(count(app)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_form_sent_back_for_a_correction_keeps_a_token_that_still_works() {
        var app = apps.start(Map.of());
        var visitor = Client.of(app);
        var fields = aValidInquiry(visitor, "/contact");
        var email = fields.put("email", "not an address");
        assertThat(visitor.post("/contact", fields).statusCode()).isEqualTo(422);
        fields.put("email", email);

        var response = visitor.post("/contact", fields);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(status(app, idOf(response))).isEqualTo("new");
    }

    @Test
    void a_used_token_sent_with_another_inquiry_is_kept_as_spam() {
        var app = apps.start(Map.of());
        var visitor = Client.of(app);
        var fields = aValidInquiry(visitor, "/contact");
        var first = idOf(visitor.post("/contact", fields));
        fields.put("message", "A different question, sent with the same form token.");

        var second = visitor.post("/contact", fields);

        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(idOf(second)).isNotEqualTo(first);
        assertThat(status(app, idOf(second))).isEqualTo("spam");
        assertThat(spamReason(app, idOf(second))).contains("token");
    }

    private static String tokenOf(String html) {
        return Jsoup.parse(html).select("input[name=token]").attr("value");
    }
}
