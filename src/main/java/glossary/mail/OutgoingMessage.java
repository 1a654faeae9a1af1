package glossary.mail;

import java.util.List;

/**
 * A message as the outbox keeps it until it is sent: already composed, nothing left to look up.
 * inReplyTo: the Message-ID this one answers (sent as In-Reply-To and References), or null.
 */
public record OutgoingMessage(
        String kind,
        String messageId,
        List<String> recipients,
        String replyTo,
        String subject,
        String text,
        String html,
        String inReplyTo) {

    /** A message that starts a conversation. */
    public OutgoingMessage(
            String kind,
            String messageId,
            List<String> recipients,
            String replyTo,
            String subject,
            String text,
            String html) {
        this(kind, messageId, recipients, replyTo, subject, text, html, null);
    }
}
