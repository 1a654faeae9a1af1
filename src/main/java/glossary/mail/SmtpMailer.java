package glossary.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends through an SMTP server with Jakarta Mail (Eclipse Angus), with every timeout set. */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings smtp;
    private final String from;
    private final Session session;

    public SmtpMailer(SmtpSettings smtp, String from) {
        this.smtp = smtp;
        this.from = from;
        var props = new Properties();
        var protocol = smtp.tls() == SmtpSettings.Tls.SSL ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", smtp.host());
        props.put("mail." + protocol + ".port", String.valueOf(smtp.port()));
        // Jakarta Mail waits forever by default; a silent server must not hold the worker.
        var millis = String.valueOf(smtp.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        props.put("mail." + protocol + ".auth", String.valueOf(!smtp.user().isBlank()));
        if (smtp.tls() == SmtpSettings.Tls.STARTTLS) {
            // Required, not merely enabled: never fall back to sending in clear text.
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (smtp.tls() == SmtpSettings.Tls.SSL) {
            props.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(OutgoingMessage outgoing) throws MessagingException {
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Deterministic, so a resend after a crash can be recognised as the same message.
                setHeader("Message-ID", outgoing.messageId());
            }
        };
        message.setFrom(new InternetAddress(from, true));
        for (var recipient : outgoing.recipients()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        }
        if (outgoing.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(outgoing.replyTo(), true)});
        }
        if (outgoing.inReplyTo() != null) {
            // Both, so that every mail client threads the answer under the message it answers.
            message.setHeader("In-Reply-To", outgoing.inReplyTo());
            message.setHeader("References", outgoing.inReplyTo());
        }
        setSubject(message, outgoing.subject());
        message.setSentDate(new Date());
        var text = new MimeBodyPart();
        text.setText(outgoing.text(), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(outgoing.html(), StandardCharsets.UTF_8.name(), "html");
        var alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        try (var transport = session.getTransport()) {
            if (smtp.user().isBlank()) {
                transport.connect();
            } else {
                transport.connect(smtp.user(), smtp.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * A subject holds what visitors typed. Text that looks like an RFC 2047 encoded word would be
     * decoded by mail clients and shown as something else ("=?UTF-8?B?...?=" becoming "Bcc: ..."),
     * so such a subject is sent encoded as a whole: clients decode it once and show the rest literally.
     */
    static void setSubject(MimeMessage message, String subject) throws MessagingException {
        var oneLine = subject.replaceAll("[\\r\\n\\t]+", " ");
        if (!oneLine.contains("=?")) {
            message.setSubject(oneLine, StandardCharsets.UTF_8.name());
            return;
        }
        try {
            var encoded = MimeUtility.encodeWord(oneLine, StandardCharsets.UTF_8.name(), "B");
            message.setHeader("Subject", MimeUtility.fold("Subject: ".length(), encoded));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
