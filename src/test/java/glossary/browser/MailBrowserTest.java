package glossary.browser;

import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Mailbox;
import glossary.testing.StaffClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTML of every message, as Chromium lays it out on a phone and at the 600 px of a mail
 * client's reading pane: one column, nothing wider than the screen. Screenshots are left in
 * target/mail-screenshots for a person to look at.
 */
class MailBrowserTest {
    @RegisterExtension
    static final AppExtension apps =
            AppExtension.perClass().env(StaffClient.ENV).withMail();

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Path SHOTS = Path.of("target/mail-screenshots");

    /** The team's and the prospect's messages for a term inquiry and a general one, by name. */
    private Map<String, String> messages() {
        var app = apps.app();
        var visitor = Client.of(app);
        var mail = apps.mail();
        var about = aValidInquiry(visitor, "/glossary/retrieval-augmented-generation?utm_source=linkedin");
        // What widens a column if anything does: a long unbroken address and a long name.
        about.put(
                "message",
                "We want to use retrieval-augmented generation on our policy documents, which live at "
                        + "https://intranet.kedai-data.example/sites/policies/Shared%20Documents/Forms/AllItems.aspx"
                        + "?viewid=8f1c2e4a-0b1d-4c9e-9a7f-3e2d1c0b9a8f\n\nWho would we talk to, and how long does a"
                        + " pilot usually take?");
        about.put("company", "Kedai Data Analytics and Intelligent Automation Solutions Sdn Bhd");
        long term = idOf(visitor.post("/glossary/retrieval-augmented-generation/inquiries", about));
        var general = aValidInquiry(visitor, "/contact");
        general.putAll(Map.of("role", "", "phone", "", "timeline", ""));
        long other = idOf(visitor.post("/contact", general));
        // A staff member's reply, as typed: long lines and a quote.
        StaffClient.signedIn(app)
                .act(
                        "/admin/leads/" + term + "/reply",
                        Map.of(
                                "body",
                                "Dear Siti,\n\nThank you. A pilot usually takes six to eight weeks; the first two go to "
                                        + "reading the policies with your team.\n\n> Who would we talk to?\n\nKind regards,\nBoss"));
        var reply = mail.awaitCount("<inquiry-" + term + "-reply-", 1).get(0);
        var html = new LinkedHashMap<String, String>();
        var names = Map.of(
                "reply",
                reply,
                "team",
                id(term, "team"),
                "ack",
                id(term, "ack"),
                "team-general",
                id(other, "team"),
                "ack-general",
                id(other, "ack"));
        for (var name : List.of("team", "ack", "team-general", "ack-general", "reply")) {
            var parts = Mailbox.parts(mail.await(names.get(name)));
            html.put(name, parts.html());
            // Both parts beside the screenshots, to read and to open in a browser or mail client.
            write(SHOTS.resolve(name + ".txt"), parts.text());
            write(SHOTS.resolve(name + ".html"), parts.html());
        }
        return html;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(long inquiry, String kind) {
        return "<inquiry-" + inquiry + "-" + kind + "@glossary.example.com>";
    }

    @Test
    void every_message_fits_from_320_to_600_pixels_in_light_and_dark() {
        for (var message : messages().entrySet()) {
            for (int width : List.of(320, 375, 600)) {
                for (var scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                    var page = browser.page(width, 800, scheme);
                    page.setContent(message.getValue());
                    var name = message.getKey() + "-" + width + (scheme == ColorScheme.DARK ? "-dark" : "");
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(SHOTS.resolve(name + ".png"))
                            .setFullPage(true));
                    assertThat(Browser.scrollsSideways(page)).as(name).isFalse();
                    // The card fills the screen on a phone, and stops at 600 px on anything wider.
                    double card = ((Number) page.evaluate(
                                    "() => document.querySelector('.mail-card').getBoundingClientRect().width"))
                            .doubleValue();
                    assertThat(card).as(name).isLessThanOrEqualTo(600).isGreaterThan(width - 40);
                    assertThat((String) page.evaluate(
                                    "() => getComputedStyle(document.querySelector('.mail-card')).fontFamily"))
                            .as(name)
                            .doesNotContain("Times")
                            .contains("sans-serif");
                    page.context().close();
                }
            }
        }
        assertThat(browser.consoleErrors).isEmpty();
    }

    @Test
    void the_team_message_has_one_button_big_enough_to_tap_on_a_phone() {
        var page = browser.page(375, 800);
        page.setContent(messages().get("team"));
        var buttons = page.locator("a:has-text('Open the lead')");
        assertThat(buttons.count()).isEqualTo(1);
        var box = buttons.boundingBox();
        assertThat(box.height).isGreaterThanOrEqualTo(44);
        assertThat(box.x + box.width).isLessThanOrEqualTo(375);
        page.context().close();
    }
}
