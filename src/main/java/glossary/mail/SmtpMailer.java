package glossary.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * Sends through an SMTP server with Jakarta Mail (Eclipse Angus), with every timeout set, from the
 * firm's name, DKIM-signed when a key is configured.
 */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings smtp;
    private final InternetAddress from;
    private final DkimSigner signer;
    private final Session session;

    public SmtpMailer(SmtpSettings smtp, String from) {
        this(smtp, from, "", Optional.empty());
    }

    /**
     * @param senderName shown as the sender when {@code from} has no name of its own ("Firm &lt;glossary@firm&gt;")
     */
    public SmtpMailer(SmtpSettings smtp, String from, String senderName, Optional<DkimKey> dkim) {
        this.smtp = smtp;
        this.from = sender(from, senderName);
        this.signer = dkim.map(SmtpMailer::signer).orElse(null);
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
        message.setFrom(from);
        for (var recipient : outgoing.recipients()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        }
        if (outgoing.replyTo() != null) {
            message.setReplyTo(InternetAddress.parse(outgoing.replyTo(), true));
        }
        if (outgoing.inReplyTo() != null) {
            // Both, so that every mail client threads the answer under the message it answers.
            message.setHeader("In-Reply-To", outgoing.inReplyTo());
            message.setHeader("References", outgoing.inReplyTo());
        }
        setSubject(message, outgoing.subject());
        for (var header : outgoing.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
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
        // The signature covers the message as it leaves: DkimMessage signs while it is written out.
        var sent = signer == null ? message : new DkimMessage(message, signer);
        try (var transport = session.getTransport()) {
            if (smtp.user().isBlank()) {
                transport.connect();
            } else {
                transport.connect(smtp.user(), smtp.password());
            }
            transport.sendMessage(sent, message.getAllRecipients());
        }
    }

    private static InternetAddress sender(String from, String name) {
        try {
            var address = new InternetAddress(from, true);
            if ((address.getPersonal() == null || address.getPersonal().isBlank()) && !name.isBlank()) {
                address.setPersonal(name, StandardCharsets.UTF_8.name());
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("GLOSSARY_MAIL_FROM is not an address: " + from, e);
        }
    }

    /**
     * Relaxed canonicalisation of header and body, so that a relay refolding a header or trimming
     * trailing spaces does not break the signature (RFC 6376, 3.4).
     */
    private static DkimSigner signer(DkimKey key) {
        try {
            var signer = new DkimSigner(key.settings().domain(), key.settings().selector(), key.privateKey());
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
            signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
            signer.setLengthParam(false); // l= would let anyone append to the body
            signer.setCheckDomainKey(false); // DNS may not have the record yet; receivers check it
            signer.addHeaderToSign("Auto-Submitted");
            return signer;
        } catch (DkimException e) {
            throw new IllegalArgumentException("The DKIM key cannot sign: " + e.getMessage(), e);
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
