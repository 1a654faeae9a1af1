package glossary.mail;

import java.util.List;
import java.util.Map;

/**
 * A message as the outbox keeps it until it is sent: already composed, nothing left to look up.
 *
 * @param headers further header fields, e.g. {@code Auto-Submitted: auto-replied} on an automatic reply
 */
public record OutgoingMessage(
        String kind,
        String messageId,
        List<String> recipients,
        String replyTo,
        String subject,
        String text,
        String html,
        Map<String, String> headers) {

    public OutgoingMessage {
        headers = Map.copyOf(headers);
    }

    public OutgoingMessage(
            String kind,
            String messageId,
            List<String> recipients,
            String replyTo,
            String subject,
            String text,
            String html) {
        this(kind, messageId, recipients, replyTo, subject, text, html, Map.of());
    }

    /** RFC 3834: sent automatically in answer to something, so autoresponders must not answer it. */
    public OutgoingMessage autoReplied() {
        var more = new java.util.LinkedHashMap<>(headers);
        more.put("Auto-Submitted", "auto-replied");
        return new OutgoingMessage(kind, messageId, recipients, replyTo, subject, text, html, more);
    }
}
