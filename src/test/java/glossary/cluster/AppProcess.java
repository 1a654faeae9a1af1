package glossary.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged app (target/glossary.jar) as a process of its own, as it is deployed. */
public final class AppProcess {
    private static final Path JAR = Path.of(System.getProperty("glossary.jar", "target/glossary.jar"));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited: " + Files.readString(log));
            }
            try {
                var response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url("/ready")))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the app did not become ready: " + Files.readString(log));
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
