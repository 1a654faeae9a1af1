package glossary;

import static glossary.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that fails half way stops every part it had already started, threads and pool included. */
class StartFailureTest {
    @TempDir
    Path data;

    @Test
    void a_start_that_fails_leaves_no_thread_of_the_app_running() throws Exception {
        try (var db = TestDatabase.fresh(data);
                var taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            var env = new HashMap<>(db.env());
            env.put("GLOSSARY_PORT", String.valueOf(taken.getLocalPort()));
            env.put("GLOSSARY_SMTP_HOST", "127.0.0.1"); // so the mail worker starts too
            env.put("GLOSSARY_SMTP_PORT", "9");
            env.put("GLOSSARY_SMTP_TLS", "none");
            var config = Config.from(env);
            // Another class's app (the run-wide read-only one) may be running in this JVM: only new threads count.
            var before = Set.copyOf(Thread.getAllStackTraces().keySet());

            assertThatThrownBy(() -> Main.start(config)).isInstanceOf(RuntimeException.class);

            await("the threads of the failed start to stop")
                    .untilAsserted(() -> assertThat(appThreads(before))
                            .as("threads of the app still alive after a failed start")
                            .isEmpty());
        }
    }

    /** Threads the app starts: the mail worker, the inquiry writers, the view counter, Jetty and the pool. */
    private static List<Thread> appThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !before.contains(thread))
                .filter(thread -> thread.getName().startsWith("outbox-worker")
                        || thread.getName().startsWith("inquiry-writer")
                        || thread.getName().startsWith("page-view-flush")
                        || thread.getName().startsWith("qtp")
                        || thread.getName().startsWith("glossary housekeeper")
                        || thread.getName().startsWith("glossary connection"))
                .toList();
    }
}
