package glossary.inquiry;

import static glossary.inquiry.Inquiries.aValidInquiry;
import static glossary.inquiry.Inquiries.idOf;
import static glossary.inquiry.Inquiries.post;
import static glossary.inquiry.Inquiries.status;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The time trap and the per-client rate limit, which a forged X-Forwarded-For cannot get round. */
class SpamTest {
    @Test
    void a_form_sent_faster_than_a_person_could_fill_it_is_spam_and_gets_the_same_answer() {
        try (var app = TestApp.start(Map.of("GLOSSARY_FORM_MIN_SECONDS", "30"))) {
            var response = post(app, "/contact", aValidInquiry(app, "/contact"));
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/inquiries/thanks?ref=GL-");
            long id = idOf(response);
            assertThat(status(app, id)).isEqualTo("spam");
        }
    }

    @Test
    void the_rate_limit_holds_whatever_x_forwarded_for_claims() {
        try (var app = TestApp.start(Map.of("GLOSSARY_FORM_MIN_SECONDS", "0", "GLOSSARY_RATE_LIMIT", "2"))) {
            assertThat(status(app, idOf(post(app, "/contact", aValidInquiry(app, "/contact")))))
                    .isEqualTo("new");
            assertThat(status(
                            app,
                            idOf(post(
                                    app,
                                    "/contact",
                                    aValidInquiry(app, "/contact"),
                                    "X-Forwarded-For",
                                    "203.0.113.7"))))
                    .isEqualTo("new");
            // Third from the same address, pretending to be someone else: still the same client.
            var third = post(app, "/contact", aValidInquiry(app, "/contact"), "X-Forwarded-For", "198.51.100.23");
            assertThat(third.statusCode()).isEqualTo(303);
            assertThat(status(app, idOf(third))).isEqualTo("spam");
            var reason = app.database
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT spam_reason FROM inquiry WHERE id = :id")
                            .bind("id", idOf(third))
                            .mapTo(String.class)
                            .one());
            assertThat(reason).startsWith("rate limit");
        }
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
        try (var app = TestApp.start(Map.of(
                "GLOSSARY_FORM_MIN_SECONDS",
                "0",
                "GLOSSARY_RATE_LIMIT",
                "1",
                "GLOSSARY_TRUSTED_PROXIES",
                "127.0.0.1, ::1"))) {
            var first = post(app, "/contact", aValidInquiry(app, "/contact"), "X-Forwarded-For", "203.0.113.7");
            var second = post(app, "/contact", aValidInquiry(app, "/contact"), "X-Forwarded-For", "198.51.100.23");
            var again =
                    post(app, "/contact", aValidInquiry(app, "/contact"), "X-Forwarded-For", "6.6.6.6, 203.0.113.7");
            assertThat(status(app, idOf(first))).isEqualTo("new");
            assertThat(status(app, idOf(second))).isEqualTo("new");
            assertThat(status(app, idOf(again)))
                    .isEqualTo("spam"); // the proxy saw 203.0.113.7; the 6.6.6.6 part is the client's own claim
        }
    }
}
