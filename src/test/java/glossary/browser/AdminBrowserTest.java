package glossary.browser;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.inquiry.InquiriesForTests;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A staff member signs in, filters, opens a lead, works it and downloads the CSV, in Chromium. */
class AdminBrowserTest {
    private static TestApp app;
    private static Browser browser;

    @BeforeAll
    static void start() {
        var env = new HashMap<String, String>(Map.of(
                "GLOSSARY_ADMIN_EMAIL", "boss@firm.example",
                "GLOSSARY_ADMIN_PASSWORD", "correct horse battery staple 42",
                "GLOSSARY_FORM_MIN_SECONDS", "0",
                "GLOSSARY_BASE_URL", "http://localhost"));
        app = TestApp.start(env);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void a_staff_member_works_a_lead_from_sign_in_to_csv() throws Exception {
        InquiriesForTests.submit(app, Map.of("company", "Other Holdings"));
        long id = InquiriesForTests.submit(app, Map.of("company", "Lion City Analytics"));
        var page = browser.desktop();
        page.navigate(app.url("/admin/leads"));
        assertThat(page.url()).endsWith("/admin/login");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.getByLabel("Email").fill("boss@firm.example");
        page.getByLabel("Password").fill("correct horse battery staple 42");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/admin");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.navigate(app.url("/admin/leads"));
        page.getByLabel("Search name, email, company, message").fill("Lion City");
        page.locator("form.filters button").click();
        page.waitForURL("**/admin/leads?**q=Lion+City**");
        assertThat(page.locator("table.leads tbody tr").count()).isEqualTo(1);
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.locator("table.leads tbody a").first().click();
        page.waitForURL("**/admin/leads/" + id);
        assertThat(page.locator(".f-company").textContent()).isEqualTo("Lion City Analytics");
        page.locator("#next-status").selectOption("contacted");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Change status"))
                .click();
        page.waitForURL("**/admin/leads/" + id);
        assertThat(page.locator(".lead-status").textContent()).isEqualTo("contacted");
        page.getByLabel("Add a note").fill("Called; sending a proposal on Monday.");
        page.locator("form.note-form button:has-text('Add note')").click();
        page.waitForURL("**/admin/leads/" + id);
        assertThat(page.locator(".note-body").textContent()).isEqualTo("Called; sending a proposal on Monday.");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.navigate(app.url("/admin/leads?q=Lion+City"));
        var download = page.waitForDownload(() -> page.getByText("Download CSV").click());
        var csv = Files.readString(download.path());
        assertThat(csv)
                .startsWith("reference,received,status")
                .contains("Lion City Analytics")
                .contains("contacted")
                .doesNotContain("Other Holdings");
        assertThat(browser.consoleErrors).isEmpty();
    }
}
