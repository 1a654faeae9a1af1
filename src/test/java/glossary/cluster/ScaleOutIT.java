package glossary.cluster;

import static glossary.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the packaged app on one fresh PostgreSQL, behind nginx (round-robin, the
 * README's configuration), with a real SMTP server: what scaling out promises, checked end to end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    static final String STAFF_EMAIL = "ops@firm.example";
    static final String STAFF_PASSWORD = "two instances, one truth 7";

    static Path logs;
    static PgServer pg;
    static GreenMail smtp;
    static AppProcess a;
    static AppProcess b;
    static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        logs = Files.createTempDirectory("glossary-scale");
        pg = PgServer.create();
        pg.createDatabase("glossary");
        smtp = new GreenMail(new ServerSetup(PgServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        var env = new java.util.HashMap<>(Map.of(
                "GLOSSARY_DATABASE_URL", pg.url("glossary"),
                "GLOSSARY_DATABASE_USER", "postgres",
                "GLOSSARY_DATABASE_PASSWORD", "",
                "GLOSSARY_DATA_DIR", logs.toString(),
                "GLOSSARY_TEAM_EMAIL", "team@firm.example",
                "GLOSSARY_MAIL_RETRY_SECONDS", "1",
                "GLOSSARY_FORM_MIN_SECONDS", "0",
                "GLOSSARY_RATE_LIMIT", "1000000",
                "GLOSSARY_TRUSTED_PROXIES", "127.0.0.1"));
        env.putAll(AppExtension.smtpAt(smtp.getSmtp().getPort()));
        env.putAll(Map.of("GLOSSARY_ADMIN_EMAIL", STAFF_EMAIL, "GLOSSARY_ADMIN_PASSWORD", STAFF_PASSWORD));
        a = AppProcess.onFreePort(with(env, "GLOSSARY_METRICS_PORT", String.valueOf(PgServer.freePort())), logs);
        b = AppProcess.onFreePort(with(env, "GLOSSARY_METRICS_PORT", String.valueOf(PgServer.freePort())), logs);
        // Started together: migrations and the content import must not trip over each other.
        a.launch();
        b.launch();
        a.awaitReady();
        b.awaitReady();
        nginx = Nginx.start(List.of(a.port, b.port));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part :
                new AutoCloseable[] {nginx, a == null ? null : a::stop, b == null ? null : b::stop, pg}) {
            if (part != null) {
                part.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void each_inquiry_is_stored_once_and_its_notification_mailed_once() throws Exception {
        var visitor = new Client(nginx.url(""));
        // Each form from instance A (through nginx, round robin would send every post to B): tokens work anywhere.
        var formsFromA = visitor.at(a.url(""));
        var ids = new HashSet<Long>();
        for (int i = 0; i < 40; i++) {
            var response =
                    visitor.postRaw("/contact", Load.inquiry(Load.freshToken(formsFromA), "Inquiry number " + i));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
            ids.add(Inquiries.idOf(response));
        }
        assertThat(ids).hasSize(40);
        assertThat(storedInquiries()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(metric(a, "http_server_requests_seconds_count{method=\"POST\",route=\"/contact\",status=\"303\"}"))
                .as("nginx spreads the posts over both instances")
                .isGreaterThan(0);
        assertThat(metric(b, "http_server_requests_seconds_count{method=\"POST\",route=\"/contact\",status=\"303\"}"))
                .isGreaterThan(0);

        await("every message in the outbox sent")
                .atMost(Duration.ofSeconds(60))
                .until(() -> scalar("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'") == 0);
        var messageIds = new ArrayList<String>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            messageIds.add(message.getMessageID());
        }
        var teamNotifications =
                messageIds.stream().filter(id -> id.contains("-team@")).toList();
        assertThat(new HashSet<>(messageIds)).as("no message is sent twice").hasSize(messageIds.size());
        assertThat(teamNotifications).hasSize(ids.size());
        assertThat(teamNotifications.stream()
                        .map(id -> Long.parseLong(id.replaceAll("\\D*?(\\d+)-team@.*", "$1")))
                        .collect(Collectors.toSet()))
                .isEqualTo(ids);
        System.out.printf(
                "Scale-out: %d inquiries through nginx, %d stored, %d messages received, %d distinct Message-IDs%n",
                ids.size(), storedInquiries().size(), messageIds.size(), new HashSet<>(messageIds).size());
    }

    @Test
    @Order(2)
    void a_staff_session_begun_on_one_instance_works_on_the_other() throws Exception {
        var onA = new StaffClient(a.url("")).signedIn(STAFF_EMAIL, STAFF_PASSWORD);
        var onB = onA.at(b.url("")); // the same browser, its session cookie from instance A

        var inbox = onB.page("/admin/leads");
        assertThat(inbox.select("table.leads tbody tr")).isNotEmpty();
        var lead = inbox.select("table.leads tbody tr a[href^=/admin/leads/]")
                .first()
                .attr("href");
        // The CSRF token from a page of instance A is good on instance B.
        var note = onB.post(lead + "/notes", Map.of("csrf", onA.csrf(), "note", "Written through instance B."));
        assertThat(note.statusCode()).isEqualTo(303);
        assertThat(onA.get(lead).body()).contains("Written through instance B.");
    }

    @Test
    @Order(3)
    void restarting_an_instance_under_load_fails_no_request_and_loses_no_inquiry() throws Exception {
        Load load;
        try (var running = Load.start(nginx.url(""), 4, 2)) {
            load = running;
            awaitMoreInquiriesAcknowledged(running, "under load");
            assertThat(a.stop())
                    .as("SIGTERM ends the process once it has drained")
                    .isEqualTo(143);
            assertThat(a.log()).contains("Stopping");
            awaitMoreInquiriesAcknowledged(running, "while instance A is down");
            a.start();
            awaitMoreInquiriesAcknowledged(running, "after instance A is back");
        }
        System.out.println("Restart of one instance under load: " + load.answers());
        assertThat(load.failures).isEmpty();
        assertThat(load.answers().keySet()).containsOnly("GET page 200", "POST inquiry 303");
        assertThat(load.acknowledged).hasSizeGreaterThan(10);
        assertThat(storedInquiries()).containsAll(load.acknowledged);
        assertThat(inquiriesStoredTwice()).as("no inquiry is stored twice").isZero();
    }

    @Test
    @Order(4)
    void restarting_postgresql_under_load_gives_503s_then_recovers_and_loses_no_inquiry() throws Exception {
        Load load;
        try (var running = Load.start(nginx.url(""), 2, 2)) {
            load = running;
            awaitMoreInquiriesAcknowledged(running, "under load");
            pg.stop();
            await("an inquiry refused with 503 while PostgreSQL is down")
                    .until(() -> running.count("POST inquiry 503") > 0);
            int pagesDuringOutage = running.count("GET page 200");
            await("term pages still served from memory while PostgreSQL is down")
                    .until(() -> running.count("GET page 200") > pagesDuringOutage + 10);
            pg.start();
            awaitMoreInquiriesAcknowledged(running, "after PostgreSQL is back");
        }
        System.out.println("Restart of PostgreSQL under load: " + load.answers());
        assertThat(load.failures).isEmpty();
        assertThat(load.count("POST inquiry 503"))
                .as("inquiries during the outage get the 503 page")
                .isGreaterThan(0);
        assertThat(load.answers().keySet()).containsOnly("GET page 200", "POST inquiry 303", "POST inquiry 503");
        assertThat(storedInquiries()).containsAll(load.acknowledged);
        assertThat(inquiriesStoredTwice()).as("no inquiry is stored twice").isZero();
        for (var app : List.of(a, b)) {
            assertThat(new Client(app.url("")).get("/ready").statusCode())
                    .as("recovered without a restart")
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void page_views_counted_on_both_instances_add_up_through_a_rolling_restart() throws Exception {
        var reader = new Client(nginx.url(""));
        for (int i = 0; i < 20; i++) {
            assertThat(reader.get("/glossary/tokenization").statusCode()).isEqualTo(200);
        }
        // One instance at a time, as the README says: each adds its counts to the database as it stops.
        for (var app : List.of(a, b)) {
            app.stop();
            app.start();
        }
        assertThat(scalar("SELECT SUM(views) FROM page_view WHERE slug = 'tokenization'"))
                .isEqualTo(20);
    }

    @Test
    @Order(6)
    void failed_sign_ins_are_counted_across_instances() throws Exception {
        // Six failures spread over both instances make one count of six, which locks the account
        // (for 1 s, doubling with each further failure). Last, since it locks the account.
        for (int i = 0; i < 6; i++) {
            var failed = signIn(i % 2 == 0 ? a : b, "not it " + i);
            assertThat(failed.statusCode())
                    .as("attempt %d", i + 1)
                    .isNotEqualTo(303)
                    .isNotEqualTo(429);
        }
        assertThat(scalar("SELECT MAX(failures) FROM login_throttle")).isEqualTo(6);
        // The lock is short, so a slow machine may see it lapse before the next try; each failure
        // doubles it, so one of a few more tries must meet it.
        boolean refused = false;
        for (int i = 0; i < 4 && !refused; i++) {
            refused = signIn(i % 2 == 0 ? b : a, "still not it " + i).statusCode() == 429;
        }
        assertThat(refused).as("a locked account is refused on either instance").isTrue();
    }

    private static HttpResponse<String> signIn(AppProcess app, String password) {
        return new StaffClient(app.url("")).signIn(STAFF_EMAIL, password);
    }

    /** Waits until ten more inquiries than now have been acknowledged: the load is getting through. */
    @Test
    @Order(7)
    void one_token_sent_to_both_instances_at_once_and_again_stores_one_inquiry() throws Exception {
        var visitor = new Client(nginx.url(""));
        var body = Load.inquiry(Load.freshToken(visitor), "Sent with a double click, to both instances");
        var before = storedInquiries().size();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var posts = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (var instance : List.of(a, b, a, b)) {
                var client = visitor.at(instance.url(""));
                posts.add(pool.submit(() -> {
                    start.await();
                    return client.postRaw("/contact", body);
                }));
            }
            start.countDown();
            var locations = new HashSet<String>();
            for (var post : posts) {
                var response = post.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
                locations.add(response.headers().firstValue("Location").orElseThrow());
            }
            var retried = visitor.postRaw("/contact", body); // a proxy retrying the POST later
            locations.add(retried.headers().firstValue("Location").orElseThrow());

            assertThat(locations).as("every answer names the one inquiry").hasSize(1);
            assertThat(storedInquiries()).hasSize(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitMoreInquiriesAcknowledged(Load load, String when) {
        int before = load.acknowledged.size();
        await("ten more inquiries acknowledged " + when)
                .atMost(Duration.ofSeconds(30))
                .until(() -> load.acknowledged.size() >= before + 10);
    }

    static Set<Long> storedInquiries() throws Exception {
        var ids = new HashSet<Long>();
        try (var c = pg.connect("glossary");
                var s = c.createStatement();
                var rows = s.executeQuery("SELECT id FROM inquiry")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** Every message the load sends is different, so the same message twice is a duplicate. */
    static long inquiriesStoredTwice() throws Exception {
        return scalar("SELECT COUNT(*) FROM (SELECT message FROM inquiry GROUP BY message HAVING COUNT(*) > 1) twice");
    }

    /** The one number a query answers. */
    static long scalar(String sql) throws Exception {
        try (var c = pg.connect("glossary");
                var s = c.createStatement();
                var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double metric(AppProcess app, String series) throws Exception {
        var port = app.env("GLOSSARY_METRICS_PORT");
        var text = new Client("http://127.0.0.1:" + port).get("/metrics").body();
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        var copy = new java.util.HashMap<>(env);
        copy.put(key, value);
        return copy;
    }
}
