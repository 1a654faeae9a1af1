package glossary.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import glossary.TestApp;
import glossary.testing.AppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The glossary's other languages in a real browser: they fit a phone, pass axe, and switch without script. */
class LanguagesBrowserTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.readOnly();

    @RegisterExtension
    static final Browser browser = new Browser();

    private final TestApp app = apps.app();

    @Test
    void each_language_s_pages_fit_a_phone_and_pass_axe() {
        for (var page : new Page[] {browser.phone(), browser.desktop()}) {
            for (var path : new String[] {
                "/th/glossary/machine-learning",
                "/th/glossary/thailand-pdpa",
                "/th",
                "/th/glossary",
                "/th/contact",
                "/vi/glossary/vietnam-personal-data-protection-law",
                "/vi/glossary",
                "/id/glossary/indonesia-pdp-law",
                "/id/search?q=data"
            }) {
                page.navigate(app.url(path));
                assertThat(page.locator("html").getAttribute("lang")).isEqualTo(path.substring(1, 3));
                assertThat(Browser.scrollsSideways(page))
                        .as("horizontal scroll on " + path)
                        .isFalse();
                assertThat(Browser.accessibilityViolations(page)).as(path).isEmpty();
            }
        }
        assertThat(browser.consoleErrors).isEmpty();
    }

    @Test
    void a_reader_switches_to_thai_and_stays_on_the_same_term_without_script() {
        var page = browser.phone();
        page.navigate(app.url("/glossary/machine-learning"));
        page.locator("details.languages summary").click();
        page.locator("details.languages a[hreflang=th]").click();
        page.waitForURL("**/th/glossary/machine-learning");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("th");
        assertThat(page.locator("h1").textContent()).contains("การเรียนรู้ของเครื่อง");
        // The firm and its call to action are still in the first screen in Thai.
        assertThat(Browser.inViewport(page, ".brand-name")).isTrue();
        assertThat(Browser.inViewport(page, ".header-cta")).isTrue();
        // And back to English from the footer's list, no script needed either.
        page.locator(".footer-languages a[hreflang=en]").click();
        page.waitForURL("**/glossary/machine-learning");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    }
}
