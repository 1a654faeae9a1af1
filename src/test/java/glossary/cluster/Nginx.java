package glossary.cluster;

import static glossary.testing.Await.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Debian's nginx in front of the instances, running the very configuration the README gives
 * (src/deploy/nginx.conf) with this test's ports put in.
 */
public final class Nginx implements AutoCloseable {
    public static final Path CONFIG = Path.of("src/deploy/nginx.conf");
    private final Path home;
    private final Process process;
    public final int port;

    private Nginx(Path home, Process process, int port) {
        this.home = home;
        this.process = process;
        this.port = port;
    }

    public static Nginx start(List<Integer> appPorts) throws Exception {
        if (appPorts.size() != 2) {
            throw new IllegalArgumentException("the configuration names two instances");
        }
        var home = Files.createTempDirectory("glossary-nginx");
        int port = PgServer.freePort();
        var site = Files.readString(CONFIG)
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replace("127.0.0.1:7071", "127.0.0.1:" + appPorts.get(0))
                .replace("127.0.0.1:7072", "127.0.0.1:" + appPorts.get(1));
        Files.writeString(home.resolve("glossary.conf"), site);
        var root = "root".equals(System.getProperty("user.name"));
        Files.writeString(
                home.resolve("nginx.conf"),
                String.join(
                        "\n",
                        root ? "user root;" : "",
                        "worker_processes 1;",
                        "daemon off;",
                        "pid " + home.resolve("nginx.pid") + ";",
                        "error_log " + home.resolve("error.log") + " warn;",
                        "events { worker_connections 4096; }",
                        "http {",
                        "  access_log off;",
                        "  client_body_temp_path " + home.resolve("body") + ";",
                        "  proxy_temp_path " + home.resolve("proxy") + ";",
                        "  fastcgi_temp_path " + home.resolve("fastcgi") + ";",
                        "  uwsgi_temp_path " + home.resolve("uwsgi") + ";",
                        "  scgi_temp_path " + home.resolve("scgi") + ";",
                        "  include " + home.resolve("glossary.conf") + ";",
                        "}",
                        ""));
        var process = new ProcessBuilder(
                        "nginx",
                        "-p",
                        home.toString(),
                        "-c",
                        home.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile())
                .start();
        var nginx = new Nginx(home, process, port);
        nginx.awaitListening();
        return nginx;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String errorLog() throws IOException {
        var log = home.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitListening() throws Exception {
        try {
            await("nginx listening on port " + port)
                    .atMost(Duration.ofSeconds(20))
                    .failFast("nginx exited", () -> !process.isAlive())
                    .until(this::listening);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    e.getMessage() + ": " + Files.readString(home.resolve("stdout.log")) + errorLog(), e);
        }
    }

    private boolean listening() {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        try (var paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
