package glossary;

import static glossary.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.cluster.AppProcess;
import glossary.cluster.Load;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app killed with SIGKILL while several clients send inquiries: every inquiry that
 * got a success answer is in the database after a restart.
 */
class DurabilityIT {
    @TempDir
    Path data;

    @Test
    void no_acknowledged_inquiry_is_lost_when_the_process_is_killed() throws Exception {
        var env = Map.of(
                "GLOSSARY_DATA_DIR",
                data.toString(),
                "GLOSSARY_FORM_MIN_SECONDS",
                "0",
                "GLOSSARY_RATE_LIMIT",
                "1000000");
        var app = AppProcess.onFreePort(env, data).start();
        var client = new Client(app.url(""));
        var acknowledged = new ConcurrentLinkedQueue<Long>();
        var running = new AtomicBoolean(true);
        var clients = new ArrayList<Thread>();
        for (int c = 0; c < 8; c++) {
            int sender = c;
            var thread = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        var token = Load.freshToken(client); // a token is good for one inquiry
                        var response =
                                client.postRaw("/contact", Load.inquiry(token, "Client " + sender + " inquiry " + n++));
                        if (response.statusCode() == 303) {
                            acknowledged.add(Inquiries.idOf(response));
                        }
                    } catch (UncheckedIOException e) {
                        // the server is gone: an unanswered request promised nothing
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        await("two hundred inquiries acknowledged").until(() -> acknowledged.size() >= 200);
        app.kill(); // SIGKILL, in the middle of the clients' work: no shutdown hook, no clean close
        running.set(false);
        for (var thread : clients) {
            thread.join();
        }
        assertThat(acknowledged).hasSizeGreaterThan(20);

        app.start(); // recovers the database files it left behind
        assertThat(client.get("/contact").body()).contains("inquiry-form");
        app.stop(); // SIGTERM: a clean stop this time

        Set<Long> stored = new HashSet<>();
        var incomplete = new ArrayList<String>();
        var unattached = new ArrayList<String>();
        try (var connection = DriverManager.getConnection(Config.h2Url(data), "sa", "");
                var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT id FROM inquiry")) {
                while (rows.next()) {
                    stored.add(rows.getLong(1));
                }
            }
            // Each inquiry with both its messages, or neither.
            try (var rows = statement.executeQuery("SELECT i.id, COUNT(o.id) FROM inquiry i "
                    + "LEFT JOIN outbox o ON o.inquiry_id = i.id GROUP BY i.id HAVING COUNT(o.id) <> 2")) {
                while (rows.next()) {
                    incomplete.add("inquiry " + rows.getLong(1) + " with " + rows.getLong(2) + " message(s)");
                }
            }
            // The only mail of no inquiry is the team's daily digest, which may be due at the start.
            try (var rows =
                    statement.executeQuery("SELECT kind FROM outbox WHERE inquiry_id IS NULL AND kind <> 'digest'")) {
                while (rows.next()) {
                    unattached.add(rows.getString(1));
                }
            }
        }
        assertThat(stored).containsAll(acknowledged);
        assertThat(incomplete).isEmpty();
        assertThat(unattached).isEmpty();
        System.out.printf(
                "Durability: %d inquiries acknowledged before SIGKILL, %d stored after restart, 0 lost%n",
                acknowledged.size(), stored.size());
    }
}
