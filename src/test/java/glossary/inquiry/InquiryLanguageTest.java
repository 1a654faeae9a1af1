package glossary.inquiry;

import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Mailbox;
import glossary.testing.StaffClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An inquiry from a Thai, Vietnamese or Indonesian page: answered in the reader's language, shown to staff. */
class InquiryLanguageTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass().withMail().env(StaffClient.ENV);

    private final TestApp app = apps.app();
    private final Client visitor = Client.of(app);
    private final Mailbox mail = apps.mail();

    @Test
    void a_thai_submission_is_acknowledged_in_thai_and_staff_see_its_language() throws Exception {
        var fields = aValidInquiry(visitor, "/th/glossary/machine-learning");
        fields.put("message", "เราต้องการใช้การเรียนรู้ของเครื่องเพื่อคาดการณ์ยอดขายของสาขาในกรุงเทพฯ");
        var response = visitor.post("/th/glossary/machine-learning", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        var location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/th/inquiries/thanks?ref=");
        var thanks = visitor.page(location);
        assertThat(thanks.select("html").attr("lang")).isEqualTo("th");
        assertThat(thanks.select("h1").text()).isNotEqualTo("Thank you: we have your inquiry");
        long id = idOf(response);

        var ack = mail.await("<inquiry-" + id + "-ack@glossary.example.com>");
        var parts = Mailbox.parts(ack);
        var html = Jsoup.parse(parts.html());
        assertThat(html.select("html").attr("lang")).isEqualTo("th");
        assertThat(ack.getSubject()).contains("การเรียนรู้ของเครื่อง").doesNotContain("We have your inquiry");
        assertThat(parts.text()).contains("เรียน").contains("/th/glossary/machine-learning");
        assertThat(html.text()).doesNotContain("What happens next", "Kind regards");

        var team = Mailbox.parts(mail.await("<inquiry-" + id + "-team@glossary.example.com>"));
        assertThat(team.text()).contains("ไทย (Thai)");

        var staff = StaffClient.signedIn(app);
        var lead = staff.page("/admin/leads/" + id);
        assertThat(lead.select("dt:containsOwn(Language) + dd").text()).isEqualTo("ไทย (Thai)");
        var csv = staff.get("/admin/leads.csv").body().lines().toList();
        assertThat(csv.get(0)).contains(",language,");
        assertThat(csv).anyMatch(line -> line.contains(",th,"));
    }

    @Test
    void a_vietnamese_form_with_mistakes_explains_them_in_vietnamese_and_keeps_the_input() {
        var fields = aValidInquiry(visitor, "/vi/contact");
        fields.put("email", "not-an-address");
        fields.put("message", "Ngắn");
        var response = visitor.post("/vi/contact", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        var page = Jsoup.parse(response.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("vi");
        assertThat(page.title()).doesNotStartWith("Error:");
        assertThat(page.select("#f-email-error").text()).isNotBlank().doesNotContain("Enter an email address");
        assertThat(page.select("#f-message-error").text()).contains("10").doesNotContain("Tell us");
        assertThat(page.select("#f-email").val()).isEqualTo("not-an-address");
        assertThat(page.select("#f-message").text()).isEqualTo("Ngắn");
        // Country names and timelines in Vietnamese, ASEAN first.
        assertThat(page.select("#f-country option[value=VN]").text()).isEqualTo("Việt Nam");
        assertThat(page.select("#f-timeline option[value=exploring]").text()).doesNotContain("Just exploring");
    }

    @Test
    void an_english_inquiry_stays_english() throws Exception {
        var response = visitor.post("/contact", aValidInquiry(visitor, "/contact"));
        long id = idOf(response);
        var ack = mail.await("<inquiry-" + id + "-ack@glossary.example.com>");
        assertThat(ack.getSubject()).startsWith("We have your inquiry");
        assertThat(Jsoup.parse(Mailbox.parts(ack).html()).select("html").attr("lang"))
                .isEqualTo("en");
    }
}
