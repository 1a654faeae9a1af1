package glossary.mail;

/** Hands a message to a mail server; throws when the server did not take it. */
public interface Mailer {
    void send(OutgoingMessage message) throws Exception;
}
