package glossary.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.testing.AppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A prospect on a phone makes mistakes in the form, reads the messages, fixes them and is thanked. */
class InquiryBrowserTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass();

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void a_failed_submission_shows_its_errors_first_and_its_address_can_be_reopened(TestApp app) {
        for (var page : new com.microsoft.playwright.Page[] {browser.phone(), browser.desktop()}) {
            page.navigate(app.url("/glossary/eu-ai-act"));
            page.locator("#f-name").fill("Siti Rahmah");
            page.locator("#help button[type=submit]").click();
            page.waitForLoadState();
            assertThat(page.title()).startsWith("Error: ");
            assertThat(Browser.inViewport(page, ".error-summary")).isTrue();
            assertThat((Boolean) page.evaluate("() => document.activeElement.classList.contains('error-summary')"))
                    .isTrue();
            assertThat(page.locator("#f-name").inputValue()).isEqualTo("Siti Rahmah");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            assertThat(Browser.scrollsSideways(page)).isFalse();

            var response = page.navigate(page.url());
            assertThat(response.status()).isEqualTo(200);
            assertThat(page.title()).doesNotStartWith("Error");
            assertThat(page.locator("h1").textContent()).isEqualTo("What is the EU AI Act?");
            var old = page.navigate(app.url("/glossary/eu-ai-act/inquiries"));
            assertThat(old.status()).isEqualTo(200);
            assertThat(page.url()).endsWith("/glossary/eu-ai-act#help");
        }
        assertThat(browser.consoleErrors).allMatch(error -> error.contains("status of 422"));
        browser.consoleErrors.clear();
    }

    @Test
    void a_prospect_corrects_their_mistakes_and_reaches_the_thank_you_page(TestApp app) {
        var page = browser.phone();
        page.navigate(app.url("/glossary/ai-governance?utm_source=browser-test&utm_campaign=governance"));
        page.getByLabel("Name").fill("Nguyễn Thị Lan");
        page.getByLabel("Work email").fill("lan@example");
        page.getByLabel("Company").fill("Công ty Dữ liệu Sài Gòn");
        page.getByLabel("How can we help?").fill("Help");
        page.locator("#f-country").selectOption("VN");
        page.getByText("Send inquiry").click();

        var summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary.locator("li a"))
                .containsText(new String[] {"email address", "at least 10 characters", "agree"});
        assertThat(page.locator("#f-email-error").textContent()).contains("email address");
        assertThat(page.locator("#f-message-error").textContent()).contains("at least 10 characters");
        assertThat(page.locator("#f-consent-error").textContent()).contains("agree");
        assertThat(page.locator("#f-name").inputValue()).isEqualTo("Nguyễn Thị Lan");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        assertThat(Browser.scrollsSideways(page)).isFalse();
        // Chromium reports the 422 answer itself; any other console error would be a real one.
        assertThat(browser.consoleErrors).singleElement().asString().contains("status of 422");
        browser.consoleErrors.clear();

        page.getByLabel("Work email").fill("lan@example.vn");
        page.getByLabel("How can we help?").fill("We want a governance framework for our first AI projects.");
        page.locator("#f-consent").check();
        page.getByText("Send inquiry").click();
        page.waitForURL("**/inquiries/thanks?ref=GL-*");
        assertThat(page.locator(".reference").textContent()).matches("GL-\\d{4}-\\d{6}");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        var stored = app.database
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT name || '|' || status || '|' || term_slug || '|' || utm_source || '|' || utm_campaign FROM inquiry")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo("Nguyễn Thị Lan|new|ai-governance|browser-test|governance");
        assertThat(browser.consoleErrors).isEmpty();
    }
}
