package glossary.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Await;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.Mailbox;
import glossary.testing.StaffClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Monday morning: the link in the team's mail, sign-in, the lead, a reply that threads, in Chromium. */
class StaffWorkspaceBrowserTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass()
            .env(StaffClient.ENV)
            .env("GLOSSARY_BASE_URL", "http://localhost") // so the session cookie is not Secure-only
            .withMail();

    @RegisterExtension
    static final Browser browser = new Browser();

    private static void signIn(Page page) {
        page.getByLabel("Email").fill(StaffClient.EMAIL);
        page.getByLabel("Password").fill(StaffClient.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    @Test
    void the_link_in_the_team_mail_leads_through_sign_in_to_the_lead_and_a_reply_threads(
            TestApp app, Client visitor, Mailbox mail) throws Exception {
        long id = Inquiries.submit(visitor, Map.of("email", "monday@example.com", "company", "Monday Morning Pte Ltd"));
        var ack = mail.await(Inquiries.outbox(app, id).stream()
                .filter(e -> e.kind().equals("ack"))
                .findFirst()
                .orElseThrow()
                .messageId());
        var page = browser.desktop();
        page.navigate(app.url("/admin/leads/" + id));
        assertThat(page.url()).contains("/admin/login?next=");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        signIn(page);
        page.waitForURL("**/admin/leads/" + id);
        assertThat(page.locator(".f-company").textContent()).isEqualTo("Monday Morning Pte Ltd");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        var reply = page.getByLabel("Your reply");
        assertThat(reply.inputValue()).contains("> We want to use retrieval-augmented generation");
        reply.fill("Dear Siti,\n\nYes, we can help. Are you free on Tuesday at 10:00?\n\nKind regards,\nBoss");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))
                .click();
        page.waitForURL("**/admin/leads/" + id);
        assertThat(page.locator("[role=status] .flash").textContent()).contains("Reply queued");
        assertThat(page.locator(".lead-status").textContent()).isEqualTo("contacted");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        var answer = Await.await("the reply at the prospect")
                .until(
                        () -> mail.received().stream()
                                .filter(m -> inReplyTo(m).isPresent())
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(inReplyTo(answer)).hasValue(ack.getMessageID());
        assertThat(answer.getAllRecipients()[0].toString()).isEqualTo("monday@example.com");
        assertThat(answer.getSubject()).isEqualTo("Re: " + ack.getSubject());

        page.reload();
        assertThat(page.locator("[role=status] .flash").count()).isZero(); // said once
        assertThat(browser.consoleErrors).isEmpty();
    }

    @Test
    void sign_in_ignores_a_return_address_off_the_admin_area(TestApp app) {
        for (var next : List.of("//evil.com", "/\\evil.com", "https://evil.com", "/admin/../x", "/admin%2F..%2Fx")) {
            var page = browser.desktop();
            page.navigate(app.url("/admin/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            signIn(page);
            page.waitForURL("**/admin");
            assertThat(page.url()).as(next).isEqualTo(app.url("/admin"));
            page.context().close();
        }
    }

    @Test
    void admin_pages_pass_axe_and_never_scroll_sideways_at_375_and_1280_px(TestApp app, Client visitor) {
        long id = Inquiries.submit(visitor, Map.of("company", "A Company With A Rather Long Name Sdn Bhd"));
        Inquiries.submit(visitor, Map.of("website", "filled by a bot"));
        var problems = new ArrayList<String>();
        for (var page : List.of(browser.phone(), browser.desktop())) {
            page.navigate(app.url("/admin/login"));
            problems.addAll(Browser.accessibilityViolations(page));
            signIn(page);
            page.waitForURL("**/admin");
            for (var path : List.of(
                    "/admin",
                    "/admin/leads",
                    "/admin/leads?status=spam",
                    "/admin/leads/" + id,
                    "/admin/outbox",
                    "/admin/password")) {
                page.navigate(app.url(path));
                problems.addAll(Browser.accessibilityViolations(page));
                if (Browser.scrollsSideways(page)) {
                    problems.add(path + " scrolls sideways at " + page.viewportSize().width + " px: "
                            + page.evaluate(WIDEST) + " / " + page.evaluate(CHAIN));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(browser.consoleErrors).isEmpty();
    }

    @Test
    void the_inbox_order_list_shows_its_longest_option_whole_at_1280_px(TestApp app) {
        var page = browser.desktop();
        page.navigate(app.url("/admin/login?next=%2Fadmin%2Fleads"));
        signIn(page);
        page.waitForURL("**/admin/leads");
        // The list's own width (as wide as its longest option) against the width it is given.
        @SuppressWarnings("unchecked")
        var widths = (List<Number>) page.evaluate("() => { const s = document.querySelector('#flt-sort');"
                + " const free = s.cloneNode(true); free.style.cssText = 'width:auto;position:absolute;visibility:hidden';"
                + " document.body.appendChild(free); const natural = free.getBoundingClientRect().width; free.remove();"
                + " return [natural, s.getBoundingClientRect().width]; }");
        assertThat(widths.get(1).doubleValue())
                .as("width given to the Order list, which needs %s px", widths.get(0))
                .isGreaterThanOrEqualTo(widths.get(0).doubleValue() - 0.5);
        assertThat(page.locator("#flt-sort option").first().textContent())
                .isEqualTo("Needs reply first, longest waiting");
    }

    /** The elements that stick out on the right without a scrolling box around them. */
    private static final String WIDEST = "() => { const cw = document.documentElement.clientWidth;"
            + " const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)"
            + " { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };"
            + " return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > cw"
            + " && !clipped(e)).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"
            + ".join(', '); }";

    private static final String CHAIN =
            "() => [...document.querySelectorAll('main *')].filter(e => e.scrollWidth > e.clientWidth + 1"
                    + " && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0).slice(0, 8)"
                    + ".map(e => e.tagName + '.' + e.className + ':' + e.scrollWidth + '/' + e.clientWidth).join(', ')";

    private static Optional<String> inReplyTo(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getHeader("In-Reply-To", null));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
