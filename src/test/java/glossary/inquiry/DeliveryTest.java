package glossary.inquiry;

import static glossary.inquiry.Inquiries.aValidInquiry;
import static glossary.inquiry.Inquiries.eventually;
import static glossary.inquiry.Inquiries.idOf;
import static glossary.inquiry.Inquiries.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import glossary.TestApp;
import glossary.mail.Outbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail delivery when the mail server is down, silent, insecure or not configured: nothing is lost. */
class DeliveryTest {
    @TempDir
    Path data;

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, String> env(int smtpPort, String... more) {
        var env = new HashMap<String, String>(Map.of(
                "GLOSSARY_DATA_DIR", data.toString(),
                "GLOSSARY_SMTP_HOST", "127.0.0.1",
                "GLOSSARY_SMTP_PORT", String.valueOf(smtpPort),
                "GLOSSARY_SMTP_TLS", "none",
                "GLOSSARY_FORM_MIN_SECONDS", "0",
                "GLOSSARY_MAIL_RETRY_SECONDS", "0.2",
                "GLOSSARY_SMTP_TIMEOUT_SECONDS", "1"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static List<Outbox.Entry> outbox(TestApp app, long id) {
        return new Outbox(app.database.jdbi(), Clock.systemUTC()).forInquiry(id);
    }

    @Test
    void mail_waits_while_the_server_is_down_and_goes_out_when_it_is_back() throws Exception {
        int port = freePort();
        try (var app = TestApp.start(env(port))) {
            long id = idOf(post(app, "/contact", aValidInquiry(app, "/contact")));
            eventually(
                    Duration.ofSeconds(10),
                    () -> outbox(app, id).stream().allMatch(e -> e.attempts() >= 2 && e.lastError() != null));
            assertThat(outbox(app, id))
                    .allMatch(e -> e.status() == glossary.mail.Outbox.Status.QUEUED
                            || e.status() == glossary.mail.Outbox.Status.SENDING);

            var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            try {
                eventually(
                        Duration.ofSeconds(15),
                        () -> outbox(app, id).stream().allMatch(e -> e.status() == glossary.mail.Outbox.Status.SENT));
                assertThat(server.getReceivedMessages()).hasSize(2);
                assertThat(outbox(app, id)).allMatch(e -> e.attempts() >= 2 && e.sentAt() != null);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void a_server_that_never_answers_times_out_is_retried_and_does_not_hold_the_worker() throws Exception {
        try (var blackHole = new ServerSocket(0)) {
            var accepted = new ArrayList<Socket>();
            var acceptor = new Thread(() -> {
                while (!blackHole.isClosed()) {
                    try {
                        accepted.add(blackHole.accept()); // accept, then say nothing at all
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            var app = TestApp.start(env(blackHole.getLocalPort()));
            long id = idOf(post(app, "/contact", aValidInquiry(app, "/contact")));
            eventually(Duration.ofSeconds(20), () -> outbox(app, id).stream().allMatch(e -> e.attempts() >= 2));
            assertThat(outbox(app, id))
                    .allMatch(e ->
                            e.lastError() != null && e.lastError().toLowerCase().contains("timed out"));
            long stopping = System.nanoTime();
            app.close();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
            for (var socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void with_no_mail_server_configured_messages_wait_and_go_out_after_a_restart_with_one() throws Exception {
        long id;
        try (var db = glossary.TestDatabase.fresh(data)) {
            var withoutMail = new java.util.HashMap<>(db.env());
            withoutMail.put("GLOSSARY_FORM_MIN_SECONDS", "0");
            try (var app = TestApp.start(withoutMail)) {
                id = idOf(post(app, "/contact", aValidInquiry(app, "/contact")));
                Thread.sleep(500);
                assertThat(outbox(app, id))
                        .hasSize(2)
                        .allMatch(e -> e.status() == glossary.mail.Outbox.Status.QUEUED && e.attempts() == 0);
            }
            int port = freePort();
            var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            var withMail = new java.util.HashMap<>(env(port));
            withMail.putAll(db.env());
            try (var app = TestApp.start(withMail)) {
                eventually(
                        Duration.ofSeconds(10),
                        () -> outbox(app, id).stream().allMatch(e -> e.status() == glossary.mail.Outbox.Status.SENT));
                assertThat(server.getReceivedMessages()).hasSize(2);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void starttls_is_required_so_a_server_without_it_gets_nothing_in_clear_text() throws Exception {
        int port = freePort();
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try (var app = TestApp.start(env(port, "GLOSSARY_SMTP_TLS", "starttls"))) {
            long id = idOf(post(app, "/contact", aValidInquiry(app, "/contact")));
            eventually(
                    Duration.ofSeconds(10),
                    () -> outbox(app, id).stream().allMatch(e -> e.attempts() >= 1 && e.lastError() != null));
            assertThat(outbox(app, id).get(0).lastError()).containsIgnoringCase("STARTTLS");
            assertThat(server.getReceivedMessages()).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void after_the_last_attempt_a_message_is_marked_failed_with_its_error() throws Exception {
        try (var app = TestApp.start(env(freePort(), "GLOSSARY_MAIL_MAX_ATTEMPTS", "2"))) {
            long id = idOf(post(app, "/contact", aValidInquiry(app, "/contact")));
            eventually(
                    Duration.ofSeconds(10),
                    () -> outbox(app, id).stream().allMatch(e -> e.status() == glossary.mail.Outbox.Status.FAILED));
            assertThat(outbox(app, id))
                    .allMatch(e -> e.attempts() == 2 && e.lastError().contains("Connect"));
        }
    }
}
