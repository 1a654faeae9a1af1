package glossary;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The real app on a random port with a fresh database and data directory of its own. Tests get one
 * from {@code glossary.testing.AppExtension} and speak to it over HTTP with {@code glossary.testing.Client}.
 */
public final class TestApp implements AutoCloseable {
    public final Config config;
    public final Database database;
    public final Javalin app;
    public final glossary.ops.Metrics metrics;
    /** The jobs run once a day (retention, backups); tests run them with {@code daily.runDue()} after moving the clock. */
    public final glossary.ops.Daily daily;

    private final Main.Running running;
    private final Map<String, String> env;
    private final Storage storage;
    private final Clock clock;
    private boolean stopped;
    private boolean storageHandedOn;

    /** The data directory and, unless the settings name one, a fresh database: what outlives a restart. */
    private record Storage(Path dataDir, TestDatabase database) {
        static Storage fresh(Map<String, String> env) {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("glossary-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Storage(dataDir, env.containsKey("GLOSSARY_DATABASE_URL") ? null : TestDatabase.fresh(dataDir));
        }

        void close() {
            if (database != null) {
                database.close();
            }
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp dir left behind is not worth failing a test for
            }
        }
    }

    private TestApp(Map<String, String> env, Storage storage, Clock clock) {
        this.env = Map.copyOf(env);
        this.storage = storage;
        this.clock = clock;
        var all = new HashMap<>(env);
        if (storage.database() != null) {
            storage.database().env().forEach(all::putIfAbsent);
        }
        all.putIfAbsent("GLOSSARY_DATA_DIR", storage.dataDir().toString());
        all.putIfAbsent("GLOSSARY_BASE_URL", "https://glossary.example.com");
        all.putIfAbsent("GLOSSARY_MAIL_FROM", "glossary@glossary.example.com"); // Message-IDs are on its domain
        all.putIfAbsent("GLOSSARY_PORT", "0");
        config = Config.from(all);
        try {
            running = Main.start(config, clock);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        database = running.database();
        metrics = running.metrics();
        daily = running.daily();
        app = running.app();
    }

    /** Starts the app with these settings (GLOSSARY_* variables) over the defaults, on fresh storage. */
    public static TestApp start(Map<String, String> env) {
        return start(env, Clock.systemUTC());
    }

    /** Starts the app with this clock, which a test may move (see {@code glossary.testing.TestClock}). */
    public static TestApp start(Map<String, String> env, Clock clock) {
        return new TestApp(env, Storage.fresh(env), clock);
    }

    /**
     * Stops this app and starts another on the same database and data directory, with these
     * settings changed: a restart, as after a deploy. This app's storage passes to the new one.
     */
    public TestApp restart(Map<String, String> changes) {
        stop();
        storageHandedOn = true;
        var next = new HashMap<>(env);
        next.putAll(changes);
        return new TestApp(next, storage, clock);
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    /** Stops the app and drops its storage, unless a restart took it over; closing twice does nothing. */
    @Override
    public void close() {
        stop();
        if (!storageHandedOn) {
            storageHandedOn = true;
            storage.close();
        }
    }

    private void stop() {
        if (!stopped) {
            stopped = true;
            running.close();
        }
    }
}
