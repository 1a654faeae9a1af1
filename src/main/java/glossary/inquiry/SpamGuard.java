package glossary.inquiry;

import glossary.web.FormTokens;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a valid-looking submission is spam, without a CAPTCHA: a honeypot field people
 * never see, a time trap (no person fills the form in a couple of seconds), a per-client rate
 * limit (see InquiryRepository), and too many links. A flagged inquiry is still stored, with the reason.
 */
final class SpamGuard {
    static final int MAX_LINKS = 2;
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|\\[url)");

    /**
     * The signs that need no database; the rate limit is counted where the inquiry is stored.
     *
     * @param honeypot the hidden field's value, null when the field was not sent at all
     */
    Optional<String> reason(InquiryForm form, String honeypot, FormTokens.Verdict token) {
        if (honeypot == null) {
            return Optional.of("honeypot field missing");
        }
        if (!honeypot.isEmpty()) {
            return Optional.of("honeypot field filled in");
        }
        if (token == FormTokens.Verdict.TOO_FAST) {
            return Optional.of("sent too fast after the form was shown");
        }
        if (links(form.name()) + links(form.company()) + links(form.role()) > 0) {
            return Optional.of("link in name, company or role");
        }
        int links = links(form.message());
        if (links > MAX_LINKS) {
            return Optional.of(links + " links in the message");
        }
        return Optional.empty();
    }

    private static int links(String text) {
        var matcher = LINK.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
