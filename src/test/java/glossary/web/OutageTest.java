package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /health and /ready, and what visitors get while the database is away. */
class OutageTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perTest().env(StaffClient.ENV); // each test takes its database away

    @Test
    void without_its_database_the_app_is_alive_not_ready_still_serves_terms_and_refuses_inquiries_plainly(
            TestApp app, Client visitor, StaffClient staff) {
        assertThat(visitor.get("/health").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/ready").statusCode()).isEqualTo(200);
        var form = Inquiries.aValidInquiry(visitor, "/contact");

        app.database.close(); // the database goes away under the running app

        assertThat(visitor.get("/health").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/ready").statusCode()).isEqualTo(503);
        assertThat(visitor.get("/glossary/ai-agent").statusCode()).isEqualTo(200); // from memory
        assertThat(visitor.get("/search?q=agent").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/search?q=nothing+matches+this").statusCode()).isEqualTo(200);
        var refused = visitor.post("/contact", form);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(refused.body()).select("h1").text())
                .isEqualTo("We could not take your inquiry just now");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        var inbox = staff.get("/admin/leads");
        assertThat(inbox.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(inbox.body()).select("h1").text()).isEqualTo("We are having trouble just now");
    }
}
