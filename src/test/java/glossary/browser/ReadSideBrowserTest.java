package glossary.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import glossary.TestApp;
import glossary.testing.AppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only a browser can prove: the pages work, fit a phone, and pass axe-core. */
class ReadSideBrowserTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.readOnly();

    @RegisterExtension
    static final Browser browser = new Browser();

    private final TestApp app = apps.app();

    private static void assertPageIsSound(Page page) {
        assertThat(Browser.scrollsSideways(page))
                .as("horizontal scroll on " + page.url())
                .isFalse();
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
    }

    @Test
    void a_reader_searches_opens_a_term_and_follows_a_related_link_on_a_phone() {
        var page = browser.phone();
        page.navigate(app.url("/"));
        assertThat(page.title()).contains("AI Glossary");
        assertPageIsSound(page);

        page.locator("#home-q").fill("RAG");
        page.locator("main form[role=search] button").click();
        page.waitForURL("**/search?q=RAG");
        assertPageIsSound(page);

        page.locator(".term-list > li > a").first().click();
        page.waitForURL("**/glossary/retrieval-augmented-generation");
        assertThat(page.locator("h1").textContent()).startsWith("What is retrieval-augmented generation");
        assertPageIsSound(page);

        var related = page.locator(".related a").first();
        var target = related.getAttribute("href");
        related.click();
        page.waitForURL("**" + target);
        assertThat(page.locator("h1").textContent()).startsWith("What is ");
        assertPageIsSound(page);

        assertThat(browser.consoleErrors).isEmpty();
    }

    @Test
    void index_category_no_result_and_not_found_pages_pass_on_a_desktop_and_a_phone() {
        for (var page : new Page[] {browser.desktop(), browser.phone()}) {
            for (var path : new String[] {
                "/",
                "/glossary/eu-ai-act",
                "/glossary",
                "/categories/ai-governance-risk-and-ethics",
                "/search?q=zzzz",
                "/contact",
                "/privacy",
                "/glossary/reasoning-model"
            }) {
                page.navigate(app.url(path));
                assertPageIsSound(page);
            }
            assertThat(browser.consoleErrors).isEmpty();
            var response = page.navigate(app.url("/glossary/nothing-here"));
            assertThat(response.status()).isEqualTo(404);
            assertPageIsSound(page);
            // The browser reports the 404 of the page itself; anything else would be a real error.
            assertThat(browser.consoleErrors).singleElement().asString().contains("status of 404");
            browser.consoleErrors.clear();
        }
    }

    @Test
    void a_reader_from_a_search_engine_sees_the_firm_and_a_call_to_action_without_scrolling() {
        for (var page : new Page[] {browser.desktop(), browser.phone()}) {
            // Among the longest definitions, so the headroom is the least.
            for (var path : new String[] {"/glossary/eu-ai-act", "/glossary/model-parameters", "/glossary/ai-agent"}) {
                page.navigate(app.url(path));
                assertThat(Browser.inViewport(page, ".brand-name"))
                        .as("firm on " + path)
                        .isTrue();
                var cta = page.viewportSize().width < 900 ? ".header-cta" : ".term-aside .cta-card .button";
                assertThat(Browser.inViewport(page, cta))
                        .as(cta + " on " + path)
                        .isTrue();
                // Beside the article, the call to action stays in view while the reader scrolls.
                page.evaluate("() => window.scrollTo(0, 2000)");
                if (page.viewportSize().width >= 900) {
                    assertThat(Browser.inViewport(page, ".term-aside .cta-card .button"))
                            .as("sticky CTA on " + path)
                            .isTrue();
                }
                page.evaluate("() => window.scrollTo(0, 0)");
            }
        }
        assertThat(browser.consoleErrors).isEmpty();
    }

    @Test
    void search_pages_have_one_search_box_and_fit_a_phone() {
        var page = browser.phone();
        for (var path : new String[] {
            "/", "/search?q=model", "/search?q=model&page=2", "/search?q=retreival", "/search?q=kubernetes"
        }) {
            page.navigate(app.url(path));
            assertThat(page.locator("input[type=search]:visible").count())
                    .as(path)
                    .isEqualTo(1);
            assertPageIsSound(page);
        }
        page.navigate(app.url("/search?q=model"));
        page.locator(".pagination a[rel=next]").click();
        page.waitForURL("**/search?q=model&page=2");
        assertThat(page.locator(".pagination [aria-current=page]").textContent())
                .isEqualTo("2");
        assertThat(browser.consoleErrors).isEmpty();
    }

    @Test
    void the_letter_navigation_jumps_to_its_section() {
        var page = browser.phone();
        page.navigate(app.url("/glossary"));
        page.locator(".letters a[href='#letter-M']").click();
        assertThat(page.url()).endsWith("#letter-M");
        assertThat(
                        (Boolean)
                                page.evaluate(
                                        "() => { const r = document.getElementById('letter-M').getBoundingClientRect(); return r.top >= -1 && r.top < 200; }"))
                .isTrue();
        // The bar stays at the top of the screen, with the letter jumped to marked.
        assertThat(Browser.inViewport(page, ".letters")).isTrue();
        var marked = page.locator(".letters a[href='#letter-M']").evaluate("a => getComputedStyle(a).backgroundColor");
        var plain = page.locator(".letters a[href='#letter-A']").evaluate("a => getComputedStyle(a).backgroundColor");
        assertThat(marked).isNotEqualTo(plain);
        page.locator("#letter-M .back-to-top a").click();
        assertThat(Browser.inViewport(page, "h1")).isTrue();
    }

    @Test
    void the_checks_themselves_catch_a_broken_page() {
        var page = browser.phone();
        page.setContent("<html><body><img src='data:,'><div style='width:2000px'>wide</div></body></html>");
        assertThat(Browser.accessibilityViolations(page)).anyMatch(v -> v.contains("image-alt"));
        assertThat(Browser.scrollsSideways(page)).isTrue();
    }
}
