package glossary.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, one for the tests of a class: register it in a static
 * field with {@code @RegisterExtension}. Nothing is downloaded: the browser must be installed
 * (.ci/run does it), and a missing browser fails the test rather than skipping it.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GLOSSARY_TEST_CHROMIUM", "/usr/bin/chromium"));

    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;
    final List<String> consoleErrors = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A page the size of a phone, with console errors and uncaught exceptions collected. */
    Page phone() {
        return page(375, 740);
    }

    Page desktop() {
        return page(1280, 900);
    }

    Page page(int width, int height) {
        return page(width, height, ColorScheme.LIGHT);
    }

    /** A page of this size whose {@code prefers-color-scheme} is the one given. */
    Page page(int width, int height, ColorScheme scheme) {
        var page = browser.newContext(
                        new NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))
                .newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));
        return page;
    }

    /** WCAG 2.2 A and AA violations that axe-core finds on the page as it is now. */
    static List<String> accessibilityViolations(Page page) {
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze();
        var violations = new ArrayList<String>();
        for (var violation : results.getViolations()) {
            violations.add(page.url() + ": " + violation.getId() + " ("
                    + violation.getNodes().size() + " nodes): " + violation.getHelp());
        }
        return violations;
    }

    /** Whether the element is wholly inside the viewport as the page is scrolled now. */
    static boolean inViewport(Page page, String selector) {
        return (Boolean) page.evaluate(
                "s => { const r = document.querySelector(s).getBoundingClientRect();"
                        + " return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }",
                selector);
    }

    static boolean scrollsSideways(Page page) {
        return (Boolean)
                page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
