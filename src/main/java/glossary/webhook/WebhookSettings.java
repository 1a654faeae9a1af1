package glossary.webhook;

import java.net.URI;
import java.util.Optional;

/**
 * Where new leads are POSTed (GLOSSARY_WEBHOOK_URL) and the secret their signature is made with
 * (GLOSSARY_WEBHOOK_SECRET); off when no URL is set. Config checks both before anything starts.
 */
public record WebhookSettings(Optional<URI> url, String secret) {
    /** A receiver's secret this short could be guessed, and with it any payload forged. */
    public static final int MIN_SECRET_LENGTH = 16;

    public static WebhookSettings off() {
        return new WebhookSettings(Optional.empty(), "");
    }

    public boolean enabled() {
        return url.isPresent();
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=" + (secret.isEmpty() ? "" : "(set)") + "]";
    }
}
