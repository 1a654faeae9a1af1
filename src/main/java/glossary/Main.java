package glossary;

import glossary.admin.Digest;
import glossary.admin.LeadWorkflow;
import glossary.admin.Passwords;
import glossary.admin.Replies;
import glossary.admin.Retention;
import glossary.admin.Staff;
import glossary.admin.StaffCommand;
import glossary.inquiry.InquiryMessages;
import glossary.inquiry.InquiryRepository;
import glossary.inquiry.InquiryWriter;
import glossary.mail.DkimKey;
import glossary.mail.MailCommand;
import glossary.mail.Outbox;
import glossary.mail.OutboxWorker;
import glossary.mail.SmtpMailer;
import glossary.ops.Daily;
import glossary.ops.Metrics;
import glossary.term.PageViews;
import glossary.term.TermImporter;
import glossary.web.Firm;
import glossary.web.FormTokens;
import glossary.web.Health;
import glossary.web.Templates;
import glossary.webhook.Webhook;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, migrates, imports the content, wires the parts and starts serving. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** The running app and what must be closed after it. */
    public record Running(Javalin app, Health health, Database database, Metrics metrics, Daily daily, Parts parts)
            implements AutoCloseable {
        /**
         * Stops taking requests and finishes those in flight, stores inquiries already handed over,
         * lets the mail send in progress finish, then closes the database.
         */
        @Override
        public void close() {
            health.stopping();
            parts.close();
        }
    }

    /** What has been started so far; closed in reverse order, whether the start failed or the app stops. */
    static final class Parts implements AutoCloseable {
        private final Deque<AutoCloseable> started = new ArrayDeque<>();

        <T extends AutoCloseable> T add(T part) {
            started.push(part);
            return part;
        }

        @Override
        public void close() {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    log.warn("Stopping a part failed: {}", e.toString());
                }
            }
        }
    }

    private Main() {}

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (IllegalArgumentException e) {
            // A setting that cannot be used: say which, without a stack trace.
            System.err.println("Glossary cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args, config, System.out));
        }
        if (args.length > 0 && args[0].equals("mail")) {
            System.exit(MailCommand.run(args, config.dkim(), config.mail().from(), System.out));
        }
        if (args.length > 0) {
            System.exit(StaffCommand.run(args, () -> openStaff(config)));
        }
        Running running;
        try {
            running = start(config);
        } catch (RuntimeException e) {
            // Exit rather than linger, so a service manager sees the failure and can restart or alert.
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

    private static StaffCommand.Store openStaff(Config config) {
        var database = Database.migrateAndOpen(config);
        var staff = new Staff(database.jdbi(), Clock.systemUTC());
        return new StaffCommand.Store() {
            @Override
            public Staff staff() {
                return staff;
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }

    /** The first account, from GLOSSARY_ADMIN_EMAIL and GLOSSARY_ADMIN_PASSWORD, when there is none yet. */
    static void createFirstAccount(Config config, Staff staff) {
        if (config.admin().email().isEmpty() || staff.count() > 0) {
            return;
        }
        var problem =
                Passwords.problem(config.admin().password(), config.admin().email(), null);
        if (problem.isPresent()) {
            throw new IllegalStateException("GLOSSARY_ADMIN_PASSWORD is not acceptable: " + problem.get());
        }
        try {
            staff.add(config.admin().email(), config.admin().password());
            log.info("Created the first staff account from GLOSSARY_ADMIN_EMAIL");
        } catch (RuntimeException e) {
            if (staff.count() == 0) {
                throw e;
            }
            // Instances starting together: another one created it between our count and our insert.
        }
    }

    /** Starts everything; when any part fails, stops what was already started and rethrows. */
    public static Running start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** Tests pass a clock they move, to pace attempts over minutes without waiting for them. */
    static Running start(Config config, Clock clock) {
        long began = System.nanoTime();
        var parts = new Parts();
        try {
            var firm = Firm.load(config.siteFile());
            if (firm.placeholder()) {
                log.warn("The site file still holds example.com addresses: set the firm's own in db/site.yml "
                        + "or point GLOSSARY_SITE_FILE at a copy");
            }
            var metrics = parts.add(new Metrics());
            var database = parts.add(Database.migrateAndOpen(config, metrics.registry()));
            var prepared = TermImporter.prepare(config.contentDir());
            var glossary = TermImporter.glossary(prepared, new TermImporter(database.jdbi()).store(prepared));
            var templates = new Templates();
            var messages = new InquiryMessages(
                    config.baseUrl(), config.mail(), templates, glossary, firm, config.time(), clock);
            // Read before anything is sent, so a bad key stops the start rather than every message.
            var dkim = config.dkim().enabled() ? Optional.of(DkimKey.load(config.dkim())) : Optional.<DkimKey>empty();
            var outbox = new Outbox(database.jdbi(), clock);
            outbox.registerMetrics(metrics.registry());
            var inquiries = new InquiryRepository(database.jdbi(), outbox, messages::messageId, clock);
            var replies = new Replies(database.jdbi(), messages, outbox, templates, firm);
            var digest = new Digest(
                    database.jdbi(),
                    outbox,
                    messages,
                    config.mail(),
                    templates,
                    glossary.english(),
                    config.baseUrl(),
                    config.time(),
                    config.digest(),
                    clock);
            OutboxWorker.Composer composer = (inquiryId, kind, messageId) -> {
                if (kind.equals(Digest.KIND)) {
                    return digest.compose(messageId);
                }
                var inquiry = inquiries
                        .find(inquiryId)
                        .orElseThrow(() -> new IllegalStateException("inquiry " + inquiryId + " no longer exists"));
                return kind.equals(Replies.KIND)
                        ? replies.compose(inquiry, messageId)
                        : messages.compose(inquiry, kind);
            };
            var staff = new Staff(database.jdbi(), clock);
            createFirstAccount(config, staff);
            var views = parts.add(new PageViews(database.jdbi(), clock));
            var worker = parts.add(new OutboxWorker(
                    outbox,
                    composer,
                    config.smtp().configured()
                            ? Optional.of(
                                    new SmtpMailer(config.smtp(), config.mail().from(), firm.name(), dkim))
                            : Optional.empty(),
                    config.mail(),
                    clock));
            // What each inquiry causes: its mail and, with a webhook configured, a call to it.
            var kinds = new ArrayList<>(messages.kinds());
            if (config.webhook().enabled()) {
                worker.deliverWith(
                        Webhook.KIND,
                        new Webhook(config.webhook(), inquiries, glossary.english(), config.baseUrl(), clock));
                kinds.add(Webhook.KIND);
            }
            if (!config.smtp().configured()) {
                log.warn(
                        "No SMTP server configured (GLOSSARY_SMTP_HOST): inquiries are stored and their mail waits "
                                + "in the outbox until one is configured; {} message(s) waiting now",
                        outbox.count(Outbox.Status.QUEUED));
            }
            if (worker.hasWork()) {
                worker.start();
            }
            var writer = parts.add(new InquiryWriter(
                    inquiries,
                    new InquiryRepository.RateLimit(
                            config.forms().submissionsPerClient(),
                            config.forms().rateWindow()),
                    List.copyOf(kinds)));
            var retention = new Retention(
                    database.jdbi(),
                    new LeadWorkflow(database.jdbi(), inquiries, outbox, clock, metrics.registry()),
                    config.retentionMonths(),
                    clock);
            var daily = parts.add(new Daily(database.jdbi(), clock));
            daily.add("retention", () -> retention.eraseDue(daily::stopping));
            if (config.digest().enabled()) {
                daily.add("digest", config.time().zone(), config.digest().hour(), digest::queue);
            }
            if (config.db().embedded()) {
                var backups = new Backups(database.jdbi(), config.backups(), clock);
                BackupSocket.open(config.dataDir(), backups).ifPresent(parts::add);
                if (config.backups().dir().isPresent()) {
                    daily.add("backup", backups::daily);
                }
            } else if (config.backups().dir().isPresent()) {
                log.warn("GLOSSARY_BACKUP_DIR is for the embedded database only: back PostgreSQL up with pg_dump");
            }
            var health = new Health(database.jdbi());
            // Before the app starts, so a metrics port already taken stops the start with nothing left running.
            config.ops().metricsPort().ifPresent(metrics::serveOnLoopback);
            var app = App.create(new App.Parts(
                    config,
                    firm,
                    glossary,
                    database,
                    templates,
                    FormTokens.load(database.jdbi(), clock),
                    inquiries,
                    writer,
                    worker,
                    outbox,
                    staff,
                    replies,
                    views,
                    health,
                    metrics,
                    retention,
                    clock));
            parts.add(app::stop);
            app.start(config.port());
            // The other languages are built in the background from now on; a page in one of them waits for it.
            glossary.start();
            daily.start();
            log.info(
                    "Glossary is serving {} terms at {} (listening on port {}), started in {} ms ({} ms since the JVM started)",
                    glossary.english().terms().size(),
                    config.baseUrl(),
                    app.port(),
                    (System.nanoTime() - began) / 1_000_000,
                    ManagementFactory.getRuntimeMXBean().getUptime());
            return new Running(app, health, database, metrics, daily, parts);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }
}
