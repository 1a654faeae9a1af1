package glossary.inquiry;

import glossary.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/** Filling in and sending the inquiry form over HTTP, as a browser without JavaScript would. */
final class Inquiries {
    private Inquiries() {}

    /** A complete, valid submission for a form page, with the token that page carries. */
    static Map<String, String> aValidInquiry(TestApp app, String formPage) {
        var page = Jsoup.parse(app.get(formPage).body());
        var fields = new LinkedHashMap<String, String>();
        for (var hidden : page.select("form.inquiry-form input[type=hidden]")) {
            fields.put(hidden.attr("name"), hidden.attr("value"));
        }
        fields.put("website", "");
        fields.put("name", "Siti Rahman");
        fields.put("email", "siti@example.com.my");
        fields.put("company", "Kedai Data Sdn Bhd");
        fields.put("role", "Head of Operations");
        fields.put("country", "MY");
        fields.put("phone", "+60 3-1234 5678");
        fields.put("message", "We want to use retrieval-augmented generation on our policy documents.");
        fields.put("timeline", "3-months");
        fields.put("consent", "yes");
        return fields;
    }

    static String actionOf(TestApp app, String formPage) {
        return Jsoup.parse(app.get(formPage).body()).select("form.inquiry-form").attr("action");
    }

    static HttpResponse<String> post(TestApp app, String path, Map<String, String> fields, String... headers) {
        var body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(app, path, body, headers);
    }

    static HttpResponse<String> postRaw(TestApp app, String path, String body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(app.url(path)))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return app.send(builder.build());
    }

    static long count(TestApp app) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inquiry")
                        .mapTo(Long.class)
                        .one());
    }

    static long outboxCount(TestApp app) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox")
                        .mapTo(Long.class)
                        .one());
    }

    static String status(TestApp app, long id) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM inquiry WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    static long idOf(HttpResponse<String> response) {
        var location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('-') + 1));
    }

    /** Waits until the condition holds, or fails after the timeout. */
    static void eventually(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
