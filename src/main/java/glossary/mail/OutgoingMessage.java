package glossary.mail;

import java.util.List;

/** A message as the outbox keeps it until it is sent: already composed, nothing left to look up. */
public record OutgoingMessage(
        String kind,
        String messageId,
        List<String> recipients,
        String replyTo,
        String subject,
        String text,
        String html) {}
