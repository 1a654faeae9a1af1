package glossary.browser;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A staff member signs in, filters, opens a lead, works it and downloads the CSV, in Chromium. */
class AdminBrowserTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass()
            .env(StaffClient.ENV)
            .env("GLOSSARY_BASE_URL", "http://localhost"); // so the session cookie is not Secure-only

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void a_staff_member_works_a_lead_from_sign_in_to_csv(TestApp app, Client visitor) throws Exception {
        Inquiries.submit(visitor, Map.of("company", "Other Holdings"));
        long id = Inquiries.submit(visitor, Map.of("company", "Lion City Analytics"));
        var page = browser.desktop();
        page.navigate(app.url("/admin/leads"));
        assertThat(page.url()).endsWith("/admin/login?next=%2Fadmin%2Fleads");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.getByLabel("Email").fill(StaffClient.EMAIL);
        page.getByLabel("Password").fill(StaffClient.PASSWORD);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/admin/leads"); // back where the link pointed
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

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
