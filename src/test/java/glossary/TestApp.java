package glossary;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The real app on a random port with a fresh database, spoken to over HTTP. */
public final class TestApp implements AutoCloseable {
    public final Config config;
    public final Database database;
    public final Javalin app;
    public final glossary.ops.Metrics metrics;
    private final Main.Running running;
    private final Path dataDir;
    private final TestDatabase testDatabase;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestApp(Map<String, String> env) {
        try {
            dataDir = Files.createTempDirectory("glossary-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        testDatabase = env.containsKey("GLOSSARY_DATABASE_URL") ? null : TestDatabase.fresh(dataDir);
        var all = new HashMap<>(env);
        if (testDatabase != null) {
            testDatabase.env().forEach(all::putIfAbsent);
        }
        all.putIfAbsent("GLOSSARY_DATA_DIR", dataDir.toString());
        all.putIfAbsent("GLOSSARY_BASE_URL", "https://glossary.example.com");
        all.putIfAbsent("GLOSSARY_PORT", "0");
        config = Config.from(all);
        try {
            running = Main.start(config);
        } catch (RuntimeException e) {
            if (testDatabase != null) {
                testDatabase.close();
            }
            throw e;
        }
        database = running.database();
        metrics = running.metrics();
        app = running.app();
    }

    /** The app with the content bundled from db/terms. */
    public static TestApp start() {
        return new TestApp(Map.of());
    }

    public static TestApp start(Map<String, String> env) {
        return new TestApp(env);
    }

    public static TestApp withContent(Path contentDir) {
        return new TestApp(Map.of("GLOSSARY_CONTENT_DIR", contentDir.toString()));
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GETs a page that must exist and parses it. */
    public Document page(String path) {
        var response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), url(path));
    }

    public static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    @Override
    public void close() {
        running.close();
        if (testDatabase != null) {
            testDatabase.close();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test for
        }
    }
}
