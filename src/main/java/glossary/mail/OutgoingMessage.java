package glossary.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message as the outbox keeps it until it is sent: already composed, nothing left to look up.
 *
 * @param headers further header fields, e.g. {@code Auto-Submitted: auto-replied} on an automatic reply
 * @param inReplyTo the Message-ID this one answers (sent as In-Reply-To and References), or null
 */
public record OutgoingMessage(
        String kind,
        String messageId,
        List<String> recipients,
        String replyTo,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        String inReplyTo) {

    public OutgoingMessage {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A message that starts a conversation. */
    public OutgoingMessage(
            String kind,
            String messageId,
            List<String> recipients,
            String replyTo,
            String subject,
            String text,
            String html) {
        this(kind, messageId, recipients, replyTo, subject, text, html, Map.of(), null);
    }

    /** A message that answers another, so mail clients thread it under that one. */
    public OutgoingMessage(
            String kind,
            String messageId,
            List<String> recipients,
            String replyTo,
            String subject,
            String text,
            String html,
            String inReplyTo) {
        this(kind, messageId, recipients, replyTo, subject, text, html, Map.of(), inReplyTo);
    }

    /**
     * Marks a message sent by the app, not typed by a person, so that autoresponders (out of office,
     * vacation) do not answer it: RFC 3834's Auto-Submitted ("auto-replied" for an answer to
     * something, "auto-generated" otherwise) and Exchange's own X-Auto-Response-Suppress.
     */
    public OutgoingMessage automatic(boolean reply) {
        var more = new LinkedHashMap<>(headers);
        more.put("Auto-Submitted", reply ? "auto-replied" : "auto-generated");
        more.put("X-Auto-Response-Suppress", "All");
        return new OutgoingMessage(kind, messageId, recipients, replyTo, subject, text, html, more, inReplyTo);
    }
}
