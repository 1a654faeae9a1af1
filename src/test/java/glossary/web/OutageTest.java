package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.admin.StaffClientForTests;
import glossary.inquiry.InquiriesForTests;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** /health and /ready, and what visitors get while the database is away. */
class OutageTest {
    @Test
    void without_its_database_the_app_is_alive_not_ready_still_serves_terms_and_refuses_inquiries_plainly() {
        try (var app = TestApp.start(Map.of(
                "GLOSSARY_FORM_MIN_SECONDS",
                "0",
                "GLOSSARY_ADMIN_EMAIL",
                "boss@firm.example",
                "GLOSSARY_ADMIN_PASSWORD",
                "correct horse battery staple 42"))) {
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            assertThat(app.get("/ready").statusCode()).isEqualTo(200);
            var form = glossary.inquiry.InquiriesForTests.formFor(app);
            var staff = new StaffClientForTests(app).signIn("boss@firm.example", "correct horse battery staple 42");

            app.database.close(); // the database goes away under the running app

            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            assertThat(app.get("/ready").statusCode()).isEqualTo(503);
            assertThat(app.get("/glossary/ai-agent").statusCode()).isEqualTo(200); // from memory
            assertThat(app.get("/search?q=agent").statusCode()).isEqualTo(200);
            assertThat(app.get("/search?q=nothing+matches+this").statusCode()).isEqualTo(200);
            var refused = InquiriesForTests.post(app, form);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Jsoup.parse(refused.body()).select("h1").text())
                    .isEqualTo("We could not take your inquiry just now");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            var inbox = staff.get("/admin/leads");
            assertThat(inbox.statusCode()).isEqualTo(503);
            assertThat(Jsoup.parse(inbox.body()).select("h1").text()).isEqualTo("We are having trouble just now");
        }
    }
}
