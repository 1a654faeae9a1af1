package glossary;

import glossary.inquiry.InquiryRepository;
import glossary.mail.Outbox;
import glossary.mail.OutboxWorker;
import glossary.mail.SmtpMailer;
import glossary.term.TermImporter;
import glossary.web.FormTokens;
import io.javalin.Javalin;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, migrates, imports the content, wires the parts and starts serving. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** The running app and what must be closed after it, in order. */
    public record Running(Javalin app, OutboxWorker worker, Database database) implements AutoCloseable {
        /** Stops taking requests, lets the mail send in progress finish, then closes the database. */
        @Override
        public void close() {
            app.stop();
            worker.close();
            database.close();
        }
    }

    private Main() {}

    public static void main(String[] args) {
        var running = start(Config.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping");
            running.close();
        }, "shutdown"));
    }

    public static Running start(Config config) {
        var clock = Clock.systemUTC();
        var database = Database.migrateAndOpen(config);
        try {
            var catalog = new TermImporter(database.jdbi()).importAndLoad(config.contentDir());
            var outbox = new Outbox(database.jdbi(), clock);
            var worker = new OutboxWorker(outbox, new SmtpMailer(config.smtp(), config.mail().from()), config.mail(), clock);
            if (config.smtp().configured()) {
                worker.start();
            } else {
                log.warn("No SMTP server configured (GLOSSARY_SMTP_HOST): inquiries are stored and their mail waits "
                        + "in the outbox until one is configured; {} message(s) waiting now", outbox.count(Outbox.Status.QUEUED));
            }
            var inquiries = new InquiryRepository(database.jdbi(), outbox, clock);
            var tokens = FormTokens.load(database.jdbi(), clock);
            var app = App.create(config, catalog, database, tokens, inquiries, worker).start(config.port());
            log.info("Glossary is serving {} terms at {} (listening on port {})", catalog.terms().size(), config.baseUrl(), app.port());
            return new Running(app, worker, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
