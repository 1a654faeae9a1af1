package glossary.cluster;

import static glossary.testing.Await.await;

import glossary.testing.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged app (target/glossary.jar) as a process of its own, as it is deployed. */
public final class AppProcess {
    private static final Path JAR = Path.of(System.getProperty("glossary.jar", "target/glossary.jar"));

    public final int port;
    private final Map<String, String> env;
    private final Path logDir;
    private Process process;
    private Path log;

    public AppProcess(int port, Map<String, String> env, Path logDir) {
        this.port = port;
        this.env = new HashMap<>(env);
        this.env.put("GLOSSARY_PORT", String.valueOf(port));
        this.logDir = logDir;
    }

    public static AppProcess onFreePort(Map<String, String> env, Path logDir) throws IOException {
        return new AppProcess(PgServer.freePort(), env, logDir);
    }

    /** Starts the process and returns at once; {@link #awaitReady()} waits for it. */
    public AppProcess launch() throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        log = logDir.resolve("app-" + port + "-" + System.nanoTime() + ".log");
        var builder = new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
        return this;
    }

    public AppProcess start() throws Exception {
        return launch().awaitReady();
    }

    public AppProcess awaitReady() throws Exception {
        var client = new Client(url(""));
        try {
            await("the app on port " + port + " ready")
                    .atMost(Duration.ofSeconds(90))
                    .failFast("the app exited", () -> !process.isAlive())
                    .until(() -> ready(client));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new AssertionError(
                    "the app did not become ready: " + e.getMessage() + "\n" + Files.readString(log), e);
        }
        return this;
    }

    private static boolean ready(Client client) {
        try {
            return client.get("/ready").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false; // not listening yet
        }
    }

    /** SIGTERM, as a service manager stops it, and waits until it has exited; returns the exit code. */
    public int stop() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not stop within 60 s: " + Files.readString(log));
        }
        return process.exitValue();
    }

    /** Sends SIGTERM and returns at once. */
    public void signalStop() {
        process.destroy();
    }

    /** Waits for the process to end; returns its exit code. */
    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app was still running after " + timeout + ": " + Files.readString(log));
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no clean close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String env(String name) {
        return env.get(name);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }
}
