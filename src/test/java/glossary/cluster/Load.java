package glossary.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Visitors reading term pages and prospects sending inquiries, in parallel, until stopped; counts
 * every answer by kind and status, and keeps the id of every inquiry that was acknowledged.
 */
public final class Load implements AutoCloseable {
    private static final List<String> PAGES = List.of(
            "/glossary/retrieval-augmented-generation",
            "/glossary/large-language-model",
            "/glossary/prompt-injection",
            "/glossary",
            "/",
            "/categories/ai-security");
    private static final Pattern REFERENCE = Pattern.compile("ref=[A-Z]+-[0-9]{4}-(\\d+)");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String token;
    private final String run = Long.toString(System.nanoTime(), 36); // so no two loads send the same message
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    public final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    private Load(String base, int readers, int writers) throws Exception {
        this.base = base;
        this.token = Jsoup.parse(http.send(
                                HttpRequest.newBuilder(URI.create(base + "/contact"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .select("input[name=token]")
                .attr("value");
        for (int i = 0; i < readers; i++) {
            threads.add(new Thread(this::read, "reader-" + i));
        }
        for (int i = 0; i < writers; i++) {
            int writer = i;
            threads.add(new Thread(() -> write(writer), "writer-" + i));
        }
        threads.forEach(Thread::start);
    }

    public static Load start(String base, int readers, int writers) throws Exception {
        return new Load(base, readers, writers);
    }

    private void read() {
        int n = 0;
        while (running.get()) {
            var path = PAGES.get(n++ % PAGES.size());
            send(
                    "GET page",
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build());
        }
    }

    private void write(int writer) {
        int n = 0;
        while (running.get()) {
            var response = send(
                    "POST inquiry",
                    HttpRequest.newBuilder(URI.create(base + "/contact"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    inquiry(token, "Load " + run + " writer " + writer + " inquiry " + n++)))
                            .build());
            if (response != null && response.statusCode() == 303) {
                var matcher = REFERENCE.matcher(
                        response.headers().firstValue("Location").orElse(""));
                if (!matcher.find()) {
                    failures.add(
                            "303 without a reference: " + response.headers().firstValue("Location"));
                } else {
                    acknowledged.add(Long.parseLong(matcher.group(1)));
                }
            }
            pause(20);
        }
    }

    private HttpResponse<String> send(String kind, HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answers.computeIfAbsent(kind + " " + response.statusCode(), k -> new AtomicInteger())
                    .incrementAndGet();
            return response;
        } catch (IOException e) {
            answers.computeIfAbsent(kind + " failed", k -> new AtomicInteger()).incrementAndGet();
            failures.add(kind + " " + request.uri().getPath() + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Answers so far, e.g. {"GET page 200": 1200, "POST inquiry 303": 80}. */
    public Map<String, Integer> answers() {
        var copy = new TreeMap<String, Integer>();
        answers.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public int count(String answer) {
        var n = answers.get(answer);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (var thread : threads) {
            thread.join();
        }
    }

    public static String inquiry(String token, String message) {
        var fields = List.of(
                "token",
                token,
                "website",
                "",
                "name",
                "Scaling Sam",
                "email",
                "sam@example.com",
                "company",
                "Many Nodes Ltd",
                "country",
                "DE",
                "message",
                message + ", about running this at scale.",
                "consent",
                "yes");
        var body = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            body.append(i == 0 ? "" : "&")
                    .append(fields.get(i))
                    .append('=')
                    .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
