package glossary.admin;

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
import org.jsoup.nodes.Document;

/** A staff member's browser without JavaScript: keeps the session cookie, sends the CSRF token. */
final class StaffClient {
    static final String EMAIL = "boss@firm.example";
    static final String PASSWORD = "correct horse battery staple 42";

    private final TestApp app;
    String cookie = "";

    StaffClient(TestApp app) {
        this.app = app;
    }

    static Map<String, String> env() {
        return Map.of(
                "GLOSSARY_ADMIN_EMAIL",
                EMAIL,
                "GLOSSARY_ADMIN_PASSWORD",
                PASSWORD,
                "GLOSSARY_FORM_MIN_SECONDS",
                "0",
                "GLOSSARY_RATE_LIMIT",
                "1000");
    }

    HttpResponse<String> signIn(String email, String password, String... headers) {
        var token = Jsoup.parse(app.get("/admin/login").body())
                .select("input[name=token]")
                .attr("value");
        var response = post("/admin/login", Map.of("token", token, "email", email, "password", password), headers);
        response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(StaffAuth.COOKIE + "=") && !c.startsWith(StaffAuth.COOKIE + "=;"))
                .findFirst()
                .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return response;
    }

    StaffClient signedIn() {
        var response = signIn(EMAIL, PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + response.statusCode());
        }
        return this;
    }

    HttpResponse<String> get(String path) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Cookie", cookie.isEmpty() ? "x=y" : cookie)
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build());
    }

    Document page(String path) {
        var response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body());
    }

    String csrf() {
        return page("/admin").select("input[name=csrf]").first().attr("value");
    }

    /** Posts with this session's CSRF token added. */
    HttpResponse<String> act(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf());
        return post(path, all);
    }

    HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        var body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var builder = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie.isEmpty() ? "x=y" : cookie)
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return app.send(builder.build());
    }
}
