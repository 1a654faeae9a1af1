package glossary.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What reached the test's SMTP server (GreenMail), and waiting for a message to arrive. */
public final class Mailbox {
    private final GreenMail server;

    Mailbox(GreenMail server) {
        this.server = server;
    }

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    public List<String> messageIds() {
        var ids = new ArrayList<String>();
        for (var message : server.getReceivedMessages()) {
            ids.add(messageId(message));
        }
        return ids;
    }

    /** A copy of the message with this Message-ID, once one has arrived. */
    public MimeMessage await(String messageId) {
        return Await.await("a message " + messageId)
                .until(() -> find(messageId, null), Optional::isPresent)
                .orElseThrow();
    }

    /** The copy of the message with this Message-ID that was sent to this address, once it has arrived. */
    public MimeMessage await(String messageId, String address) {
        return Await.await("a message " + messageId + " to " + address)
                .until(() -> find(messageId, address), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until this many messages whose Message-ID starts with the prefix have arrived; returns their ids. */
    public List<String> awaitCount(String messageIdPrefix, int count) {
        return Await.await(count + " messages " + messageIdPrefix + "…")
                .until(
                        () -> messageIds().stream()
                                .filter(id -> id.startsWith(messageIdPrefix))
                                .toList(),
                        ids -> ids.size() >= count);
    }

    /** A message's plain-text and HTML parts. */
    public record Parts(String text, String html) {}

    /** The two parts of a multipart/alternative message; fails when it is not one or a part is missing. */
    public static Parts parts(MimeMessage message) {
        try {
            if (!(message.getContent() instanceof MimeMultipart multipart)
                    || !multipart.getContentType().startsWith("multipart/alternative")) {
                throw new AssertionError("not multipart/alternative: " + message.getContentType());
            }
            String text = null;
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            if (text == null || html == null) {
                throw new AssertionError("a part is missing: text " + (text != null) + ", html " + (html != null));
            }
            return new Parts(text, html);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("GreenMail would not purge its mailboxes", e);
        }
    }

    private Optional<MimeMessage> find(String messageId, String address) throws MessagingException {
        var candidates = address == null
                ? server.getReceivedMessages()
                : server.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1));
        for (var message : candidates) {
            if (messageId.equals(message.getMessageID())
                    && (address == null
                            || Arrays.stream(message.getAllRecipients())
                                    .anyMatch(a -> a.toString().equals(address)))) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
