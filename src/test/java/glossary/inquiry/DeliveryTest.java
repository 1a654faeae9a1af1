package glossary.inquiry;

import static glossary.testing.Await.await;
import static glossary.testing.Inquiries.aValidInquiry;
import static glossary.testing.Inquiries.idOf;
import static glossary.testing.Inquiries.outbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import glossary.TestApp;
import glossary.mail.Outbox;
import glossary.testing.AppExtension;
import glossary.testing.Await;
import glossary.testing.Client;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail delivery when the mail server is down, silent, insecure or not configured: nothing is lost. */
class DeliveryTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand() // each test has a mail server of its own kind
            .env("GLOSSARY_MAIL_RETRY_SECONDS", "0.2")
            .env("GLOSSARY_SMTP_TIMEOUT_SECONDS", "1");

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static TestApp startWithMailAt(int smtpPort, String... more) {
        var env = new HashMap<>(AppExtension.smtpAt(smtpPort));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return apps.start(env);
    }

    private static GreenMail smtpServerAt(int port) {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static long submit(TestApp app) {
        var visitor = Client.of(app);
        return idOf(visitor.post("/contact", aValidInquiry(visitor, "/contact")));
    }

    /** Waits until both of the inquiry's messages (to the team and to the sender) are so. */
    private static void awaitBoth(TestApp app, long id, String what, Predicate<Outbox.Entry> condition) {
        awaitBoth(app, id, what, condition, Await.TIMEOUT);
    }

    private static void awaitBoth(
            TestApp app, long id, String what, Predicate<Outbox.Entry> condition, Duration timeout) {
        await("both messages " + what)
                .atMost(timeout)
                .untilAsserted(() -> assertThat(outbox(app, id)).hasSize(2).allMatch(condition));
    }

    @Test
    void mail_waits_while_the_server_is_down_and_goes_out_when_it_is_back() throws Exception {
        int port = freePort();
        var app = startWithMailAt(port);
        long id = submit(app);
        awaitBoth(app, id, "tried twice and failed", e -> e.attempts() >= 2 && e.lastError() != null);
        assertThat(outbox(app, id))
                .allMatch(e -> e.status() == Outbox.Status.QUEUED || e.status() == Outbox.Status.SENDING);

        var server = smtpServerAt(port);
        try {
            awaitBoth(app, id, "sent", e -> e.status() == Outbox.Status.SENT);
            assertThat(server.getReceivedMessages()).hasSize(2);
            assertThat(outbox(app, id)).allMatch(e -> e.attempts() >= 2 && e.sentAt() != null);
        } finally {
            server.stop();
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
            var app = startWithMailAt(blackHole.getLocalPort());
            long id = submit(app);
            awaitBoth(app, id, "tried twice", e -> e.attempts() >= 2, Duration.ofSeconds(20));
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
        var withoutMail = apps.start(Map.of("GLOSSARY_SMTP_HOST", ""));
        long id = submit(withoutMail);
        // Nothing can announce that no attempt is made, so the outbox is watched for a while.
        Await.holdsFor(
                Duration.ofMillis(500),
                "both messages queued and never tried",
                () -> assertThat(outbox(withoutMail, id))
                        .hasSize(2)
                        .allMatch(e -> e.status() == Outbox.Status.QUEUED && e.attempts() == 0));

        int port = freePort();
        var server = smtpServerAt(port);
        try {
            var withMail = apps.restart(withoutMail, AppExtension.smtpAt(port));
            awaitBoth(withMail, id, "sent after the restart", e -> e.status() == Outbox.Status.SENT);
            assertThat(server.getReceivedMessages()).hasSize(2);
        } finally {
            server.stop();
        }
    }

    @Test
    void starttls_is_required_so_a_server_without_it_gets_nothing_in_clear_text() throws Exception {
        int port = freePort();
        var server = smtpServerAt(port);
        try {
            var app = startWithMailAt(port, "GLOSSARY_SMTP_TLS", "starttls");
            long id = submit(app);
            awaitBoth(app, id, "tried and failed", e -> e.attempts() >= 1 && e.lastError() != null);
            assertThat(outbox(app, id).get(0).lastError()).containsIgnoringCase("STARTTLS");
            assertThat(server.getReceivedMessages()).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void after_the_last_attempt_a_message_is_marked_failed_with_its_error() throws Exception {
        var app = startWithMailAt(freePort(), "GLOSSARY_MAIL_MAX_ATTEMPTS", "2");
        long id = submit(app);
        awaitBoth(app, id, "failed for good", e -> e.status() == Outbox.Status.FAILED);
        assertThat(outbox(app, id))
                .allMatch(e -> e.attempts() == 2 && e.lastError().contains("Connect"));
    }
}
