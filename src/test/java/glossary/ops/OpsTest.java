package glossary.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import glossary.TestApp;
import glossary.admin.StaffClientForTests;
import glossary.inquiry.InquiriesForTests;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Metrics and the request log, read the way operators read them. */
class OpsTest {
    private static final String EMAIL = "ops@firm.example";
    private static final String PASSWORD = "metrics are for staff only 9";
    private static TestApp app;
    private static final ListAppender<ILoggingEvent> accessLines = new ListAppender<>();

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of(
                "GLOSSARY_METRICS_PORT",
                "0",
                "GLOSSARY_FORM_MIN_SECONDS",
                "0",
                "GLOSSARY_ADMIN_EMAIL",
                EMAIL,
                "GLOSSARY_ADMIN_PASSWORD",
                PASSWORD));
        accessLines.start();
        ((Logger) LoggerFactory.getLogger("access")).addAppender(accessLines);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("access")).detachAppender(accessLines);
        app.close();
    }

    @Test
    void requests_are_counted_by_route_and_status_and_inquiries_by_outcome() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(app.get("/glossary/retrieval-augmented-generation").statusCode())
                    .isEqualTo(200); // from the page cache
        }
        assertThat(app.get("/search?q=agent").statusCode()).isEqualTo(200); // through Javalin
        assertThat(app.get("/no/such/page").statusCode()).isEqualTo(404);
        InquiriesForTests.submit(app, Map.of());

        var text = scrape();
        assertThat(count(
                        text,
                        "http_server_requests_seconds_count{method=\"GET\",route=\"/glossary/{slug}\",status=\"200\"}"))
                .isGreaterThanOrEqualTo(3);
        assertThat(count(text, "http_server_requests_seconds_count{method=\"GET\",route=\"/search\",status=\"200\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(text, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(text, "http_server_requests_seconds_count{method=\"POST\",route=\"/contact\",status=\"303\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(text, "glossary_inquiries_total{outcome=\"accepted\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(text)
                .contains(
                        "glossary_outbox_messages{status=\"queued\"}",
                        "hikaricp_connections_active",
                        "jvm_memory_used_bytes");
    }

    @Test
    void metrics_are_for_staff_and_the_loopback_interface_only() throws Exception {
        assertThat(app.get("/admin/metrics").statusCode()).isEqualTo(303); // to the sign-in page
        var staff = new StaffClientForTests(app).signIn(EMAIL, PASSWORD);
        var response = staff.get("/admin/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("http_server_requests_seconds_bucket");

        var external = NetworkInterface.networkInterfaces()
                .filter(n -> !isLoopback(n))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address)
                .findFirst();
        assertThat(external)
                .as("a non-loopback address to try the metrics port on")
                .isPresent();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(external.get(), app.metrics.port()), 2000);
            throw new AssertionError("the metrics port answered on " + external.get());
        } catch (IOException expected) {
            // refused: the port is bound to 127.0.0.1 only
        }
    }

    @Test
    void each_request_is_logged_once_with_method_path_status_and_time_but_no_query() throws Exception {
        app.get("/search?q=confidential+merger+plans");
        app.get("/glossary/prompt-injection");
        Thread.sleep(200); // the request log is written after the response
        var lines = accessLines.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(lines).anyMatch(l -> l.matches("GET /search 200 \\d+\\.\\dms"));
        assertThat(lines).anyMatch(l -> l.matches("GET /glossary/prompt-injection 200 \\d+\\.\\dms"));
        assertThat(lines).noneMatch(l -> l.contains("confidential"));
    }

    private static boolean isLoopback(NetworkInterface n) {
        try {
            return n.isLoopback() || !n.isUp();
        } catch (IOException e) {
            return true;
        }
    }

    private static String scrape() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        return client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + app.metrics.port() + "/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static double count(String text, String series) {
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
