package glossary.mail;

import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed mail verifies with Apache James jDKIM, an implementation other than the one that signs,
 * against the DNS record that {@code mail dkim-record} prints.
 */
class DkimTest {
    private static final Path KEY = writeKey();

    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass()
            .withMail()
            .env("GLOSSARY_MAIL_FROM", "glossary@firm.example")
            .env("GLOSSARY_DKIM_DOMAIN", "firm.example")
            .env("GLOSSARY_DKIM_SELECTOR", "glossary2026")
            .env("GLOSSARY_DKIM_KEY_FILE", KEY.toString());

    private final Mailbox mail = apps.mail();

    /** A key as `openssl genpkey -algorithm RSA` writes it: PKCS #8 in PEM. */
    private static Path writeKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(
                                    generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            var file = Files.createTempFile("dkim", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DkimSettings settings() {
        return new DkimSettings("firm.example", "glossary2026", Optional.of(KEY));
    }

    /** What `mail dkim-record` prints, and the TXT value a resolver would return for it. */
    private static String publishedRecord() {
        var out = new ByteArrayOutputStream();
        int status = MailCommand.run(
                new String[] {"mail", "dkim-record"},
                settings(),
                "glossary@firm.example",
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        var printed = out.toString(StandardCharsets.UTF_8);
        var line = printed.lines()
                .filter(l -> l.startsWith("glossary2026._domainkey.firm.example. 3600 IN TXT ( \""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no DKIM record in:\n" + printed));
        assertThat(printed).contains("_dmarc.firm.example. 3600 IN TXT \"v=DMARC1; p=none;", "v=spf1");
        // A resolver joins the quoted strings of one TXT record without a separator.
        return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'))
                .strip()
                .replaceAll("\"\\s*\"", "")
                .replace("\"", "");
    }

    private static List<?> verify(byte[] raw, String record) throws Exception {
        var verifier = new DKIMVerifier((method, selector, domain) -> {
            assertThat(selector.toString()).isEqualTo("glossary2026");
            assertThat(domain.toString()).isEqualTo("firm.example");
            return List.of(record);
        });
        return verifier.verify(new ByteArrayInputStream(raw));
    }

    private static byte[] raw(MimeMessage message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void both_messages_are_signed_and_verify_against_the_printed_record() throws Exception {
        var app = apps.app();
        var visitor = Client.of(app);
        long id = idOf(visitor.post(
                "/glossary/retrieval-augmented-generation/inquiries",
                aValidInquiry(visitor, "/glossary/retrieval-augmented-generation")));
        var record = publishedRecord();
        assertThat(record).startsWith("v=DKIM1; k=rsa; p=MIIBIjAN");

        for (var kind : List.of("team", "ack")) {
            var message = mail.await("<inquiry-" + id + "-" + kind + "@firm.example>");
            var signature = message.getHeader("DKIM-Signature", null);
            assertThat(signature).as(kind).contains("d=firm.example", "s=glossary2026", "a=rsa-sha256");
            assertThat(signature.replaceAll("\\s", "")).contains("h=").containsIgnoringCase("from");
            var raw = raw(message);
            assertThat(verify(raw, record)).as(kind).hasSize(1);

            // The test can fail: a changed subject, or another key, does not verify.
            var tampered = new String(raw, StandardCharsets.ISO_8859_1)
                    .replaceFirst("Subject: ", "Subject: Re: ")
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> verify(tampered, record)).isInstanceOf(FailException.class);
        }
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        var wrong = "v=DKIM1; k=rsa; p="
                + Base64.getEncoder()
                        .encodeToString(other.generateKeyPair().getPublic().getEncoded());
        var team = raw(mail.await("<inquiry-" + id + "-team@firm.example>"));
        assertThatThrownBy(() -> verify(team, wrong)).isInstanceOf(FailException.class);
    }

    @Test
    void the_command_explains_a_missing_configuration_a_pkcs1_key_and_a_sender_off_the_domain() throws Exception {
        var out = new ByteArrayOutputStream();
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(MailCommand.run(new String[] {"mail", "dkim-record"}, DkimSettings.off(), "a@b.example", print))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("openssl genpkey");

        var pkcs1 = Files.createTempFile("dkim-pkcs1", ".pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        out.reset();
        assertThat(MailCommand.run(
                        new String[] {"mail", "dkim-record"},
                        new DkimSettings("firm.example", "s", Optional.of(pkcs1)),
                        "a@firm.example",
                        print))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PKCS #1", "openssl pkcs8 -topk8");
        Files.delete(pkcs1);

        out.reset();
        assertThat(MailCommand.run(
                        new String[] {"mail", "dkim-record"}, settings(), "glossary@elsewhere.example", print))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("WARNING", "elsewhere.example");
        assertThat(MailCommand.aligned("mail.firm.example", "firm.example")).isTrue();
        assertThat(MailCommand.aligned("notfirm.example", "firm.example")).isFalse();
    }
}
