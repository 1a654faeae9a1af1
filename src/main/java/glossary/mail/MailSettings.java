package glossary.mail;

import java.time.Duration;
import java.util.List;

/** Who is told, who it comes from, and how hard the outbox tries. */
public record MailSettings(
        List<String> teamAddresses, String from, boolean acknowledge, Duration retryBase, int maxAttempts) {}
