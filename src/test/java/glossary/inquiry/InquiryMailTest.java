package glossary.inquiry;

import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Mailbox;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The two messages of an inquiry as their readers get them: parts, headers, and what they say. */
class InquiryMailTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass()
            .withMail()
            .env("GLOSSARY_TEAM_EMAIL", "leads@firm.example")
            .env("GLOSSARY_MAIL_FROM", "glossary@mail.firm.example")
            .env("GLOSSARY_TIMEZONE", "Asia/Jakarta");

    private static final String FIRM = "Example Advisory";
    private static final Pattern EMPTY_FIELD = Pattern.compile("(?m)^[\\p{L} ]{2,20}:[ \\t]*$");

    private final TestApp app = apps.app();
    private final Client visitor = Client.of(app);
    private final Mailbox mail = apps.mail();

    @BeforeEach
    void clearMail() {
        mail.purge();
    }

    private MimeMessage await(long id, String kind) {
        // On the sender's domain (GLOSSARY_MAIL_FROM), not the site's (glossary.example.com).
        return mail.await("<inquiry-" + id + "-" + kind + "@mail.firm.example>");
    }

    @Test
    void every_message_has_both_parts_the_headers_the_persons_name_and_the_firm() throws Exception {
        var fields = aValidInquiry(visitor, "/glossary/retrieval-augmented-generation?utm_source=linkedin");
        long id = idOf(visitor.post("/glossary/retrieval-augmented-generation/inquiries", fields));

        for (var kind : new String[] {"team", "ack"}) {
            var message = await(id, kind);
            var parts = Mailbox.parts(message);
            var from = (InternetAddress) message.getFrom()[0];
            assertThat(from.getPersonal()).as(kind).isEqualTo(FIRM);
            assertThat(from.getAddress()).isEqualTo("glossary@mail.firm.example");
            assertThat(message.getSentDate()).isNotNull();
            assertThat(message.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
            assertThat(parts.text()).as(kind).contains("Siti Rahman", FIRM);
            assertThat(Jsoup.parse(parts.html()).text()).as(kind).contains("Siti Rahman", FIRM);
            assertThat(parts.text()).as(kind).doesNotContainPattern(EMPTY_FIELD);
            assertThat(Jsoup.parse(parts.html()).select("td:empty")).as(kind).isEmpty();
            var html = Jsoup.parse(parts.html());
            assertThat(html.select("meta[name=viewport]")).hasSize(1);
            assertThat(html.select("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
            assertThat(html.select("img")).as("no image a client may block").isEmpty();
        }

        var team = await(id, "team");
        assertThat(team.getSubject())
                .matches("New inquiry: Retrieval-Augmented Generation — Kedai Data Sdn Bhd \\(GL-\\d{4}-\\d{6}\\)");
        assertThat(team.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(((InternetAddress) team.getReplyTo()[0]).getAddress()).isEqualTo("siti@example.com.my");
        var teamParts = Mailbox.parts(team);
        // The message and the person before where they came from.
        assertThat(teamParts.text().indexOf("policy documents"))
                .isLessThan(teamParts.text().indexOf("Email: siti@example.com.my"));
        assertThat(teamParts.text().indexOf("Email: siti@example.com.my"))
                .isLessThan(teamParts.text().indexOf("UTM source: linkedin"));
        assertThat(teamParts.text()).doesNotContain("UTM medium", "Referrer");
        var button = Jsoup.parse(teamParts.html()).select("a:contains(Open the lead)");
        assertThat(button).hasSize(1);
        assertThat(button.attr("href")).isEqualTo("https://glossary.example.com/admin/leads/" + id);

        var ack = await(id, "ack");
        assertThat(ack.getSubject())
                .matches("We have your inquiry about Retrieval-Augmented Generation \\(GL-\\d{4}-\\d{6}\\)");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(((InternetAddress) ack.getReplyTo()[0]).getAddress()).isEqualTo("leads@firm.example");
        var ackParts = Mailbox.parts(ack);
        assertThat(ackParts.text())
                .contains(
                        "Dear Siti Rahman,",
                        "Thank you for writing to Example Advisory about Retrieval-Augmented Generation",
                        "> We want to use retrieval-augmented generation on our policy documents.",
                        "Adviser One (Partner, AI strategy) or Adviser Two (Lead, data and AI governance) will reply",
                        "(Jakarta time)",
                        "RETRIEVAL-AUGMENTED GENERATION IN ONE LINE",
                        "THREE RELATED TERMS",
                        "hello@example.com",
                        "+65 6000 0000",
                        "Singapore: 1 Example Road, #00-00, Singapore 000000");
        assertThat(ackParts.text()).containsPattern("by the end of (Monday|Tuesday|Wednesday|Thursday|Friday) \\d+ ");
        var ackHtml = Jsoup.parse(ackParts.html());
        assertThat(ackHtml.select("li a")).hasSize(3);
        assertThat(ackHtml.select("a[href=tel:+6560000000]")).isNotEmpty();
    }

    @Test
    void a_general_inquiry_with_nothing_optional_shows_no_empty_field() throws Exception {
        var fields = aValidInquiry(visitor, "/contact");
        fields.putAll(Map.of("role", "", "phone", "", "timeline", ""));
        long id = idOf(visitor.post("/contact", fields));

        var team = await(id, "team");
        assertThat(team.getSubject()).matches("New inquiry: General — Kedai Data Sdn Bhd \\(GL-\\d{4}-\\d{6}\\)");
        var text = Mailbox.parts(team).text();
        assertThat(text).doesNotContainPattern(EMPTY_FIELD).doesNotContain("Role", "Phone", "Timeline", "UTM", "Term:");
        assertThat(text).contains("Country: Malaysia", "Page: https://glossary.example.com/contact");
        assertThat(Jsoup.parse(Mailbox.parts(team).html()).select("td:empty")).isEmpty();

        var ack = Mailbox.parts(await(id, "ack"));
        assertThat(ack.text())
                .contains(
                        "Thank you for writing to Example Advisory. This is what you asked:",
                        "THREE TERMS TO START WITH")
                .doesNotContain("IN ONE LINE", "about ,");
        assertThat(Jsoup.parse(ack.html()).select("li a")).hasSize(3);
    }

    @Test
    void a_definition_is_given_in_its_first_sentence() {
        assertThat(InquiryMessages.firstSentence("RAG answers from documents, e.g. policies. It cites them."))
                .isEqualTo("RAG answers from documents, e.g. policies.");
        assertThat(InquiryMessages.firstSentence("One sentence only")).isEqualTo("One sentence only");
    }

    /** Someone else's address in the form must not make it mail a stranger a clickable advertisement. */
    @Test
    void the_acknowledgement_quotes_a_short_excerpt_with_no_link_while_the_team_gets_it_all() throws Exception {
        var fields = aValidInquiry(visitor, "/contact");
        var message = "Great offer at cheap-pills.com/buy and https://spam.example/x - write to sales@spam.biz now. "
                + "Lorem ipsum dolor sit amet. ".repeat(20) + "THE END";
        fields.put("message", message);
        fields.put("name", "Winner visit prize.io");
        long id = idOf(visitor.post("/contact", fields));

        var ack = Mailbox.parts(await(id, "ack"));
        for (var part : new String[] {ack.text(), ack.html()}) {
            assertThat(part).doesNotContain("cheap-pills", "spam.example", "sales@spam", "prize.io", "THE END");
            assertThat(part).contains("[link removed]", "Dear Winner visit,");
        }
        assertThat(ack.text()).contains("The start of your message; the team has all of it.");
        for (var link : Jsoup.parse(ack.html()).select("a[href]")) {
            assertThat(link.attr("href"))
                    .matches("(https://glossary\\.example\\.com|mailto:hello@example\\.com|tel:).*");
        }
        var team = Mailbox.parts(await(id, "team"));
        assertThat(team.text()).contains("cheap-pills.com/buy", "https://spam.example/x", "THE END");
    }
}
