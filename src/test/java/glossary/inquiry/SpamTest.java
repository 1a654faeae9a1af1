package glossary.inquiry;

import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.idOf;
import static glossary.testing.Inquiries.spamReason;
import static glossary.testing.Inquiries.status;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The time trap and the per-client rate limit, which a forged X-Forwarded-For cannot get round. */
class SpamTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand(); // each test sets the trap or the limit its own way

    @Test
    void a_form_sent_faster_than_a_person_could_fill_it_is_spam_and_gets_the_same_answer() {
        var app = apps.start(Map.of("GLOSSARY_FORM_MIN_SECONDS", "30"));
        var visitor = Client.of(app);
        var response = visitor.post("/contact", aValidInquiry(visitor, "/contact"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/inquiries/thanks?ref=GL-");
        assertThat(status(app, idOf(response))).isEqualTo("spam");
    }

    @Test
    void the_rate_limit_holds_whatever_x_forwarded_for_claims() {
        var app = apps.start(Map.of("GLOSSARY_RATE_LIMIT", "2"));
        var visitor = Client.of(app);
        assertThat(status(app, idOf(visitor.post("/contact", aValidInquiry(visitor, "/contact")))))
                .isEqualTo("new");
        assertThat(status(
                        app,
                        idOf(visitor.post(
                                "/contact", aValidInquiry(visitor, "/contact"), "X-Forwarded-For", "203.0.113.7"))))
                .isEqualTo("new");
        // Third from the same address, pretending to be someone else: still the same client.
        var third = visitor.post("/contact", aValidInquiry(visitor, "/contact"), "X-Forwarded-For", "198.51.100.23");
        assertThat(third.statusCode()).isEqualTo(303);
        assertThat(status(app, idOf(third))).isEqualTo("spam");
        assertThat(spamReason(app, idOf(third))).startsWith("rate limit");
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
        var app = apps.start(Map.of("GLOSSARY_RATE_LIMIT", "1", "GLOSSARY_TRUSTED_PROXIES", "127.0.0.1, ::1"));
        var visitor = Client.of(app);
        var first = visitor.post("/contact", aValidInquiry(visitor, "/contact"), "X-Forwarded-For", "203.0.113.7");
        var second = visitor.post("/contact", aValidInquiry(visitor, "/contact"), "X-Forwarded-For", "198.51.100.23");
        var again =
                visitor.post("/contact", aValidInquiry(visitor, "/contact"), "X-Forwarded-For", "6.6.6.6, 203.0.113.7");
        assertThat(status(app, idOf(first))).isEqualTo("new");
        assertThat(status(app, idOf(second))).isEqualTo("new");
        assertThat(status(app, idOf(again)))
                .isEqualTo("spam"); // the proxy saw 203.0.113.7; the 6.6.6.6 part is the client's own claim
    }
}
