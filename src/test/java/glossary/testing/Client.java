package glossary.testing;

import glossary.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without JavaScript, for one base URL: GETs and form POSTs, redirects not followed (so
 * tests see them), cookies kept, HTML parsed with jsoup. Safe to use from several threads.
 */
public class Client {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies;

    public Client(String base) {
        this(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                base,
                new ConcurrentHashMap<>());
    }

    protected Client(Client other, String base) {
        this(other.http, base, other.cookies);
    }

    private Client(HttpClient http, String base, Map<String, String> cookies) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.cookies = cookies;
    }

    /** A visitor of this app. */
    public static Client of(TestApp app) {
        return new Client(app.url(""));
    }

    /** The same browser, with the same cookies, talking to another address (another instance of the app). */
    public Client at(String otherBase) {
        return new Client(this, otherBase);
    }

    public String url(String path) {
        return base + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs a page that must answer 200 and parses it. */
    public Document page(String path) {
        var response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), url(path));
    }

    /** Posts the fields as a form, in the map's order. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        return postRaw(path, Form.encode(fields), headers);
    }

    /** Posts a body that is already form-encoded, or meant to be malformed. */
    public HttpResponse<String> postRaw(String path, String body, String... headers) {
        var request = request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Sends this cookie from now on, as if a server (or an attacker) had set it. */
    public void cookie(String name, String value) {
        cookies.put(name, value);
    }

    public static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT);
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        HttpResponse<T> response;
        try {
            response = http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
        keepCookies(response);
        return response;
    }

    /**
     * Keeps every cookie set with a value and ignores deletions, as a stolen copy of a cookie would
     * be kept: so a test shows that the server ended a session, not only that it asked to forget it.
     */
    private void keepCookies(HttpResponse<?> response) {
        for (var setCookie : response.headers().allValues("Set-Cookie")) {
            var pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0 && equals < pair.length() - 1) {
                cookies.put(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
        }
    }
}
