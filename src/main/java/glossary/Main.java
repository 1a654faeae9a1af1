package glossary;

import glossary.admin.Admin;
import glossary.admin.Leads;
import glossary.admin.LoginThrottle;
import glossary.admin.PageViews;
import glossary.admin.Passwords;
import glossary.admin.Sessions;
import glossary.admin.Staff;
import glossary.admin.StaffCommand;
import glossary.inquiry.InquiryMessages;
import glossary.inquiry.InquiryRepository;
import glossary.inquiry.InquiryWriter;
import glossary.mail.Outbox;
import glossary.mail.OutboxWorker;
import glossary.mail.SmtpMailer;
import glossary.ops.Metrics;
import glossary.term.TermImporter;
import glossary.web.FormTokens;
import glossary.web.Health;
import glossary.web.Templates;
import io.javalin.Javalin;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, migrates, imports the content, wires the parts and starts serving. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** The running app and what must be closed after it, in order. */
    public record Running(
            Javalin app,
            Health health,
            InquiryWriter writer,
            OutboxWorker worker,
            PageViews views,
            Database database,
            Metrics metrics)
            implements AutoCloseable {
        /**
         * Stops taking requests and finishes those in flight, stores inquiries already handed over,
         * lets the mail send in progress finish, then closes the database.
         */
        @Override
        public void close() {
            health.stopping();
            app.stop();
            writer.close();
            worker.close();
            views.close();
            database.close();
            metrics.close();
        }
    }

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(StaffCommand.run(args, Config.fromEnvironment()));
        }
        Running running;
        try {
            running = start(Config.fromEnvironment());
        } catch (RuntimeException e) {
            // Exit rather than linger with the mail and writer threads running, so a service
            // manager sees the failure and can restart or alert.
            log.error("Glossary could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping");
                            running.close();
                        },
                        "shutdown"));
    }

    /** The first account, from GLOSSARY_ADMIN_EMAIL and GLOSSARY_ADMIN_PASSWORD, when there is none yet. */
    static void createFirstAccount(Config config, Staff staff) {
        if (config.admin().email().isEmpty() || staff.count() > 0) {
            return;
        }
        var problem = Passwords.problem(config.admin().password());
        if (problem.isPresent()) {
            throw new IllegalStateException("GLOSSARY_ADMIN_PASSWORD is not acceptable: " + problem.get());
        }
        staff.add(config.admin().email(), config.admin().password());
        log.info("Created the first staff account from GLOSSARY_ADMIN_EMAIL");
    }

    public static Running start(Config config) {
        var clock = Clock.systemUTC();
        var metrics = new Metrics();
        var database = Database.migrateAndOpen(config, metrics.registry());
        try {
            var catalog = new TermImporter(database.jdbi()).importAndLoad(config.contentDir());
            var templates = new Templates();
            var messages = new InquiryMessages(config, templates, catalog);
            var outbox = new Outbox(database.jdbi(), clock);
            metrics.watch(outbox);
            var inquiries = new InquiryRepository(database.jdbi(), outbox, messages::messageId, clock);
            OutboxWorker.Composer composer = (inquiryId, kind, messageId) -> messages.compose(
                    inquiries
                            .find(inquiryId)
                            .orElseThrow(() -> new IllegalStateException("inquiry " + inquiryId + " no longer exists")),
                    kind);
            var worker = new OutboxWorker(
                    outbox,
                    composer,
                    new SmtpMailer(config.smtp(), config.mail().from()),
                    config.mail(),
                    clock);
            if (config.smtp().configured()) {
                worker.start();
            } else {
                log.warn(
                        "No SMTP server configured (GLOSSARY_SMTP_HOST): inquiries are stored and their mail waits "
                                + "in the outbox until one is configured; {} message(s) waiting now",
                        outbox.count(Outbox.Status.QUEUED));
            }
            var writer = new InquiryWriter(
                    inquiries,
                    new InquiryRepository.RateLimit(
                            config.forms().submissionsPerClient(),
                            config.forms().rateWindow()),
                    messages.kinds());
            var tokens = FormTokens.load(database.jdbi(), clock);
            var staff = new Staff(database.jdbi(), clock);
            createFirstAccount(config, staff);
            var views = new PageViews(database.jdbi(), clock);
            var admin = new Admin(
                    staff,
                    new Sessions(database.jdbi(), clock),
                    new LoginThrottle(database.jdbi(), clock),
                    new Leads(database.jdbi(), inquiries, clock),
                    outbox,
                    views);
            var health = new Health(database.jdbi());
            // Before the app starts, so a metrics port already taken stops the start with nothing left running.
            config.ops().metricsPort().ifPresent(metrics::serveOnLoopback);
            var app = App.create(config, catalog, database, templates, tokens, writer, worker, admin, health, metrics)
                    .start(config.port());
            log.info(
                    "Glossary is serving {} terms at {} (listening on port {})",
                    catalog.terms().size(),
                    config.baseUrl(),
                    app.port());
            return new Running(app, health, writer, worker, views, database, metrics);
        } catch (RuntimeException e) {
            database.close();
            metrics.close();
            throw e;
        }
    }
}
