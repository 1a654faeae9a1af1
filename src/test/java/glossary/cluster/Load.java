package glossary.cluster;

import glossary.testing.Client;
import glossary.testing.Form;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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

    private final Client client;
    private final String run = Long.toString(System.nanoTime(), 36); // so no two loads send the same message
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    public final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    private Load(String base, int readers, int writers) throws Exception {
        this.client = new Client(base);
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
            send("GET page", path, () -> client.get(path));
        }
    }

    private void write(int writer) {
        int n = 0;
        while (running.get()) {
            // A form token is good for one inquiry: each is sent from a form fetched for it.
            var form = send("GET page", "/contact", () -> client.get("/contact"));
            if (form == null || form.statusCode() != 200) {
                pause(20);
                continue;
            }
            var body = inquiry(tokenOf(form.body()), "Load " + run + " writer " + writer + " inquiry " + n++);
            var response = send("POST inquiry", "/contact", () -> client.postRaw("/contact", body));
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

    private HttpResponse<String> send(String kind, String path, Supplier<HttpResponse<String>> request) {
        try {
            var response = request.get();
            answers.computeIfAbsent(kind + " " + response.statusCode(), k -> new AtomicInteger())
                    .incrementAndGet();
            return response;
        } catch (UncheckedIOException e) {
            answers.computeIfAbsent(kind + " failed", k -> new AtomicInteger()).incrementAndGet();
            failures.add(kind + " " + path + ": " + e.getCause());
            return null;
        } catch (IllegalStateException e) {
            return null; // interrupted
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

    /** The form token on a page. */
    public static String tokenOf(String html) {
        return Jsoup.parse(html).select("input[name=token]").attr("value");
    }

    /** A token for one inquiry, from a fresh copy of the contact page. */
    public static String freshToken(Client client) {
        return tokenOf(client.get("/contact").body());
    }

    /** A valid inquiry with this message, form-encoded. */
    public static String inquiry(String token, String message) {
        return Form.encode(Form.of(
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
                "yes"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
