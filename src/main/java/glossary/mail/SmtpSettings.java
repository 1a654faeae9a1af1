package glossary.mail;

import java.time.Duration;

/** Where mail goes out. An empty host means: keep messages in the outbox until one is set. */
public record SmtpSettings(String host, int port, String user, String password, Tls tls, Duration timeout) {
    public enum Tls {
        STARTTLS,
        SSL,
        NONE
    }

    public boolean configured() {
        return !host.isBlank();
    }
}
