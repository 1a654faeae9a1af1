package glossary.admin;

import glossary.inquiry.Inquiry;
import glossary.inquiry.InquiryMessages;
import glossary.mail.Letterhead;
import glossary.mail.Outbox;
import glossary.mail.OutgoingMessage;
import glossary.web.Firm;
import glossary.web.Templates;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Replies from staff to a prospect: the draft the lead page offers, the replies sent so far, and the
 * message the outbox worker sends for each, threaded under the acknowledgement the prospect got.
 * The rows are written by {@link LeadWorkflow#reply}, in the transaction that queues the message.
 */
public final class Replies {
    public static final String KIND = "reply";
    static final int MAX_LENGTH = 10_000;

    public record Reply(String author, OffsetDateTime at, String body) {}

    /**
     * The model of the reply mail (admin/replyMail.jte, html and text), in the layout all mail shares.
     *
     * @param preview the reply's first line, for the line a mail client shows under the subject
     */
    public record ReplyMail(
            Letterhead head, String subject, String preview, String body, String reference, String reason) {}

    private final Jdbi jdbi;
    private final InquiryMessages messages;
    private final Outbox outbox;
    private final Templates templates;
    private final Firm firm;
    private final SecureRandom random = new SecureRandom();

    public Replies(Jdbi jdbi, InquiryMessages messages, Outbox outbox, Templates templates, Firm firm) {
        this.jdbi = jdbi;
        this.messages = messages;
        this.outbox = outbox;
        this.templates = templates;
        this.firm = firm;
    }

    /** A short start that quotes what they asked and names the term; staff edit it before sending. */
    String draft(Inquiry inquiry, String topic, String signature) {
        var form = inquiry.form();
        var text = new StringBuilder();
        text.append("Dear ").append(form.name()).append(",\n\n");
        text.append("Thank you for your question about ")
                .append(topic)
                .append(" (")
                .append(inquiry.reference())
                .append("). You wrote:\n\n");
        for (var line : form.message().split("\\R")) {
            text.append("> ").append(line).append('\n');
        }
        text.append("\n\n\nKind regards,\n").append(signature).append('\n').append(firm.name());
        return text.toString();
    }

    /** The subject of every reply: the acknowledgement's, so that the two are one conversation. */
    String subject(Inquiry inquiry) {
        return "Re: " + messages.ackSubject(inquiry);
    }

    /** A new Message-ID for a reply to this inquiry, on the same host as the inquiry's other mail. */
    String newMessageId(long inquiryId) {
        var bytes = new byte[6];
        random.nextBytes(bytes);
        return messages.messageId(inquiryId, KIND + "-" + HexFormat.of().formatHex(bytes));
    }

    public List<Reply> of(long inquiryId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT s.email AS author, r.created_at AS at, r.body FROM lead_reply r "
                                + "JOIN staff s ON s.id = r.staff_id WHERE r.inquiry_id = :id ORDER BY r.id")
                        .bind("id", inquiryId)
                        .map(ConstructorMapper.of(Reply.class))
                        .list());
    }

    /** The reply as it goes out, composed when the worker sends it: from the firm, answers to its author. */
    public OutgoingMessage compose(Inquiry inquiry, String messageId) {
        record Row(String body, String author) {}
        var row = jdbi.withHandle(h -> h.createQuery("SELECT r.body, s.email AS author FROM lead_reply r "
                        + "JOIN staff s ON s.id = r.staff_id WHERE r.message_id = :mid")
                .bind("mid", messageId)
                .map(ConstructorMapper.of(Row.class))
                .findOne()
                .orElseThrow(() -> new IllegalStateException("reply " + messageId + " no longer exists")));
        var ack = messages.ackMessageId(inquiry.id());
        boolean acknowledged = outbox.forInquiry(inquiry.id()).stream()
                .anyMatch(e -> e.messageId().equals(ack));
        var model = new ReplyMail(
                messages.letterhead(),
                subject(inquiry),
                row.body().strip().split("\\R", 2)[0],
                row.body(),
                inquiry.reference(),
                "You receive this because you wrote to " + firm.name() + " (reference " + inquiry.reference()
                        + "). Reply to this message to answer " + row.author() + ".");
        return new OutgoingMessage(
                KIND,
                messageId,
                List.of(inquiry.form().email()),
                row.author(),
                subject(inquiry),
                templates.renderText("admin/replyMail.jte", model),
                templates.renderString("admin/replyMail.jte", model),
                acknowledged ? ack : null);
    }
}
