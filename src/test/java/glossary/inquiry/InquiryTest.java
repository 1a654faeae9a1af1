package glossary.inquiry;

import static glossary.testing.Await.await;
import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.count;
import static glossary.testing.Inquiries.idOf;
import static glossary.testing.Inquiries.messageId;
import static glossary.testing.Inquiries.outbox;
import static glossary.testing.Inquiries.outboxCount;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.mail.Outbox;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Form;
import glossary.testing.Inquiries;
import glossary.testing.Mailbox;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The inquiry form end to end: HTTP in, H2 rows, and mail out through a real SMTP server (GreenMail). */
class InquiryTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass()
            .withMail()
            .env("GLOSSARY_TEAM_EMAIL", "leads@firm.example, partner@firm.example")
            .env("GLOSSARY_MAIL_FROM", "glossary@glossary.example.com");

    private static final String TERM_PAGE = "/glossary/retrieval-augmented-generation";

    private final TestApp app = apps.app();
    private final Client visitor = Client.of(app);
    private final Mailbox mail = apps.mail();

    @BeforeEach
    void clearMail() {
        mail.purge();
    }

    private Map<String, String> valid() {
        return aValidInquiry(
                visitor, "/contact?topic=retrieval-augmented-generation&utm_source=newsletter&utm_campaign=rag-week");
    }

    @Test
    void a_valid_inquiry_from_a_term_page_is_stored_once_and_both_messages_go_out() throws Exception {
        var before = count(app);
        var fields = aValidInquiry(visitor, TERM_PAGE + "?utm_source=linkedin&utm_medium=social");
        var response = visitor.post("/glossary/retrieval-augmented-generation/inquiries", fields);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .matches("/inquiries/thanks\\?ref=GL-\\d{4}-\\d{6}");
        assertThat(count(app)).isEqualTo(before + 1);
        long id = idOf(response);
        var stored = new InquiryRepository(app.database.jdbi(), null, null, Clock.systemUTC())
                .find(id)
                .orElseThrow();
        assertThat(stored.form().term()).isEqualTo("retrieval-augmented-generation");
        assertThat(stored.form().utmSource()).isEqualTo("linkedin");
        assertThat(stored.form().page()).isEqualTo(TERM_PAGE);
        assertThat(stored.status()).isEqualTo(LeadStatus.NEW);

        var team = mail.await(messageId(id, "team"), "leads@firm.example");
        mail.await(messageId(id, "team"), "partner@firm.example");
        assertThat(team.getSubject()).contains("Retrieval-Augmented Generation").contains("Kedai Data Sdn Bhd");
        assertThat(addresses(team.getFrom())).containsExactly("Example Advisory <glossary@glossary.example.com>");
        assertThat(addresses(team.getReplyTo())).containsExactly("siti@example.com.my");
        assertThat(addresses(team.getAllRecipients()))
                .containsExactlyInAnyOrder("leads@firm.example", "partner@firm.example");
        assertThat(team.getMessageID()).isEqualTo("<inquiry-" + id + "-team@glossary.example.com>");
        var teamParts = parts(team);
        assertThat(teamParts.text())
                .contains(
                        "Siti Rahman",
                        "siti@example.com.my",
                        "Kedai Data Sdn Bhd",
                        "Head of Operations",
                        "Malaysia",
                        "+60 3-1234 5678",
                        "policy documents",
                        "Within 3 months",
                        "linkedin",
                        "social",
                        "https://glossary.example.com/admin/leads/" + id);
        assertThat(Jsoup.parse(teamParts.html()).select("a[href=https://glossary.example.com/admin/leads/" + id + "]"))
                .hasSize(1);

        var ack = mail.await(messageId(id, "ack"), "siti@example.com.my");
        assertThat(ack.getSubject()).contains(stored.reference());
        assertThat(ack.getMessageID()).isEqualTo("<inquiry-" + id + "-ack@glossary.example.com>");
        var ackParts = parts(ack);
        assertThat(ackParts.text())
                .contains(stored.reference(), "Dear Siti Rahman,", "> We want to use retrieval-augmented generation");
        assertThat(Jsoup.parse(ackParts.html()).select("li a[href^=https://glossary.example.com/glossary/]"))
                .hasSize(3);
        assertThat(addresses(ack.getReplyTo())).containsExactly("leads@firm.example", "partner@firm.example");
        // What the acknowledgement repeats is the name and the message; nothing else typed.
        for (var typed : new String[] {"Kedai", "Head of Operations", "+60 3-1234 5678"}) {
            assertThat(ackParts.text()).doesNotContain(typed);
            assertThat(ackParts.html()).doesNotContain(typed);
        }
        await("both messages recorded as sent at the first attempt")
                .untilAsserted(() -> assertThat(outbox(app, id))
                        .hasSize(2)
                        .allMatch(e -> e.status() == Outbox.Status.SENT && e.attempts() == 1));
    }

    @Test
    void the_thank_you_page_shows_the_reference_and_what_happens_next() {
        var response = visitor.post("/contact", valid());
        var page = visitor.page(response.headers().firstValue("Location").orElseThrow());
        assertThat(page.select(".reference").text()).matches("GL-\\d{4}-\\d{6}");
        assertThat(page.select("h2").text()).contains("What happens next");
        assertThat(visitor.get("/inquiries/thanks?ref=%3Cscript%3E").statusCode())
                .isEqualTo(404);
    }

    @Test
    void scripts_of_every_language_are_accepted_and_kept_exactly() throws Exception {
        var fields = valid();
        fields.put("name", "สมชาย ใจดี");
        fields.put("company", "Công ty Cổ phần Dữ liệu Việt");
        fields.put("role", "Pengurus Besar");
        fields.put("message", "我们想了解检索增强生成。Kami ingin memahami RAG untuk dokumen kami.");
        var response = visitor.post("/contact", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        var stored = new InquiryRepository(app.database.jdbi(), null, null, Clock.systemUTC())
                .find(idOf(response))
                .orElseThrow();
        assertThat(stored.form().name()).isEqualTo("สมชาย ใจดี");
        assertThat(stored.form().company()).isEqualTo("Công ty Cổ phần Dữ liệu Việt");
        assertThat(stored.form().message()).startsWith("我们想了解检索增强生成");
        assertThat(mail.await(messageId(idOf(response), "team"), "leads@firm.example")
                        .getSubject())
                .contains("Công ty Cổ phần Dữ liệu Việt");
    }

    /** A company typed as an RFC 2047 encoded word is shown as typed, not decoded into something else. */
    @Test
    void encoded_word_syntax_in_the_company_is_shown_literally_in_the_subject() throws Exception {
        var spoof = "=?UTF-8?B?"
                + java.util.Base64.getEncoder()
                        .encodeToString("Bcc: victim@example.com".getBytes(StandardCharsets.UTF_8))
                + "?=";
        var fields = valid();
        fields.put("company", spoof);
        var response = visitor.post("/contact", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        var team = mail.await(messageId(idOf(response), "team"), "leads@firm.example");
        assertThat(team.getSubject()).contains(spoof).doesNotContain("victim@example.com");
        assertThat(team.getSubject())
                .matches("New inquiry: .+ — " + java.util.regex.Pattern.quote(spoof) + " \\(GL-\\d{4}-\\d{6}\\)");
        assertThat(team.getHeader("Bcc")).isNull();
    }

    static java.util.stream.Stream<Arguments> invalidInputs() {
        return java.util.stream.Stream.of(
                invalid("missing name", f -> f.put("name", ""), "name"),
                invalid("name of 101 characters", f -> f.put("name", "n".repeat(101)), "name"),
                invalid("company of 151 characters", f -> f.put("company", "c".repeat(151)), "company"),
                invalid("missing company", f -> f.remove("company"), "company"),
                invalid("message too short", f -> f.put("message", "Help us!"), "message"),
                invalid("message of 5,001 characters", f -> f.put("message", "m".repeat(5001)), "message"),
                invalid("no email", f -> f.put("email", ""), "email"),
                invalid("email without domain", f -> f.put("email", "siti@"), "email"),
                invalid("two email addresses", f -> f.put("email", "a@example.com, b@example.com"), "email"),
                invalid("email with a display name", f -> f.put("email", "Siti <siti@example.com>"), "email"),
                invalid("NUL in the name", f -> f.put("name", "Siti\u0000Rahman"), "name"),
                invalid("header injection in the name", f -> f.put("name", "Siti\r\nBcc: victim@example.com"), "name"),
                invalid(
                        "header injection in the company",
                        f -> f.put("company", "ACME\r\nBcc: victim@example.com"),
                        "company"),
                invalid(
                        "header injection in the email",
                        f -> f.put("email", "siti@example.com\r\nBcc: victim@example.com"),
                        "email"),
                invalid("header injection with a bare LF", f -> f.put("company", "ACME\nSubject: hi"), "company"),
                invalid("unknown country", f -> f.put("country", "XX"), "country"),
                invalid("no country", f -> f.put("country", ""), "country"),
                invalid("phone with letters", f -> f.put("phone", "call me maybe"), "phone"),
                invalid("unknown timeline", f -> f.put("timeline", "yesterday"), "timeline"),
                invalid("no consent", f -> f.remove("consent"), "consent"));
    }

    private static Arguments invalid(String what, Consumer<Map<String, String>> change, String field) {
        return Arguments.of(what, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void invalid_input_is_shown_again_with_a_message_beside_the_field_and_nothing_is_stored(
            String what, Consumer<Map<String, String>> change, String field) throws Exception {
        var before = count(app);
        var outboxBefore = outboxCount(app);
        var fields = valid();
        change.accept(fields);
        var response = visitor.post("/contact", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        var page = Jsoup.parse(response.body());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select("#f-" + field + "-error").text()).isNotBlank();
        assertThat(page.select("#f-" + field).attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".error-summary a[href=#f-" + field + "]")).hasSize(1);
        if (!field.equals("email")) {
            assertThat(page.select("#f-email").val()).isEqualTo("siti@example.com.my"); // the rest of the input is kept
        }
        if (!field.equals("message")) {
            assertThat(page.select("#f-message").text()).isEqualTo(fields.get("message"));
        }
        assertThat(count(app)).isEqualTo(before);
        assertThat(outboxCount(app)).isEqualTo(outboxBefore); // so nothing can ever be mailed for it
    }

    @Test
    void invalid_input_on_a_term_page_shows_the_term_page_again() {
        var fields = aValidInquiry(visitor, TERM_PAGE);
        fields.put("email", "nope");
        var response = visitor.post("/glossary/retrieval-augmented-generation", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        var page = Jsoup.parse(response.body());
        assertThat(page.title()).startsWith("Error: What is retrieval-augmented generation (RAG)?");
        // The form comes first, so its error summary is the first thing on the page.
        assertThat(page.select("main > *").get(1).id()).isEqualTo("help");
        assertThat(page.select(".error-summary[tabindex=-1][autofocus]")).hasSize(1);
        assertThat(page.select("form.inquiry-form").attr("action"))
                .isEqualTo("/glossary/retrieval-augmented-generation");
        assertThat(page.select("h1").text()).isEqualTo("What is retrieval-augmented generation (RAG)?");
        assertThat(page.select("#f-email").val()).isEqualTo("nope");
        assertThat(page.select("#f-email-error").text()).contains("email address");
        // The hint stays in the description next to the error.
        fields.put("message", "short");
        var again = Jsoup.parse(
                visitor.post("/glossary/retrieval-augmented-generation", fields).body());
        assertThat(again.select("#f-message").attr("aria-describedby")).isEqualTo("f-message-hint f-message-error");
    }

    @Test
    void the_address_a_term_form_used_to_post_to_still_takes_inquiries_and_leads_back_to_the_page() {
        var fields = aValidInquiry(visitor, TERM_PAGE);
        var response = visitor.post("/glossary/retrieval-augmented-generation/inquiries", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        var reopened = visitor.get("/glossary/retrieval-augmented-generation/inquiries");
        assertThat(reopened.statusCode()).isEqualTo(303);
        assertThat(Client.header(reopened, "Location")).hasValue("/glossary/retrieval-augmented-generation#help");
    }

    @Test
    void a_missing_forged_or_cross_site_token_is_refused_and_nothing_is_stored() {
        var before = count(app);
        var missing = valid();
        missing.remove("token");
        assertThat(visitor.post("/contact", missing).statusCode()).isEqualTo(403);

        var forged = valid();
        forged.put("token", "9999999999.forgedsignature");
        assertThat(visitor.post("/contact", forged).statusCode()).isEqualTo(403);

        var tampered = valid();
        var token = tampered.get("token");
        tampered.put(
                "token",
                (Long.parseLong(token.substring(0, token.indexOf('.'))) - 60) + token.substring(token.indexOf('.')));
        assertThat(visitor.post("/contact", tampered).statusCode()).isEqualTo(403);

        var crossSite = visitor.post("/contact", valid(), "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(crossSite.body()).select("h1").text()).isEqualTo("We could not accept that form");

        assertThat(visitor.post("/contact", valid(), "Origin", "https://glossary.example.com")
                        .statusCode())
                .isEqualTo(303);
        assertThat(count(app)).isEqualTo(before + 1);
    }

    @Test
    void an_oversized_body_gets_413_with_a_friendly_page() {
        var before = count(app);
        var fields = valid();
        fields.put("message", "x".repeat(200_000));
        var response = visitor.post("/contact", fields);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("That was too much to send");
        assertThat(count(app)).isEqualTo(before);
    }

    @Test
    void thousands_of_form_keys_are_refused() {
        var before = count(app);
        var body = new StringBuilder(Form.encode(valid()));
        for (int i = 0; i < 5000; i++) {
            body.append("&k").append(i).append("=v");
        }
        var response = visitor.postRaw("/contact", body.toString());
        assertThat(response.statusCode()).isBetween(400, 413);
        assertThat(count(app)).isEqualTo(before);
    }

    @Test
    void a_filled_honeypot_is_stored_as_spam_and_not_mailed_with_the_same_answer() throws Exception {
        var fields = valid();
        fields.put("website", "http://cheap-pills.example");
        var response = visitor.post("/contact", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/inquiries/thanks?ref=GL-");
        assertSpam(idOf(response), "honeypot");

        var missing = valid();
        missing.remove("website");
        assertSpam(idOf(visitor.post("/contact", missing)), "honeypot field missing");
    }

    @Test
    void a_message_full_of_links_is_stored_as_spam() {
        var fields = valid();
        fields.put("message", "Visit http://a.example http://b.example and www.c.example now!");
        assertSpam(idOf(visitor.post("/contact", fields)), "links");
    }

    private void assertSpam(long id, String reason) {
        assertThat(Inquiries.status(app, id)).isEqualTo("spam");
        assertThat(Inquiries.spamReason(app, id)).contains(reason);
        assertThat(outbox(app, id)).isNotEmpty().allMatch(e -> e.status() == Outbox.Status.HELD);
        // The worker sends in the order messages were queued, so once the mail of a later inquiry
        // is out, the spam's would have gone before it, had it not been held.
        long later = Inquiries.submit(visitor, Map.of());
        mail.await(messageId(later, "team"));
        assertThat(mail.messageIds()).noneMatch(m -> m.contains("inquiry-" + id + "-"));
    }

    private static java.util.List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    record Parts(String text, String html) {}

    private static Parts parts(MimeMessage message) throws Exception {
        var multipart = (MimeMultipart) message.getContent();
        assertThat(multipart.getContentType()).startsWith("multipart/alternative");
        String text = null;
        String html = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        assertThat(text).isNotNull();
        assertThat(html).isNotNull();
        return new Parts(text, html);
    }
}
