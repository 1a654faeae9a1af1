package glossary.ops;

import static glossary.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Metrics and the request log, read the way operators read them. */
class OpsTest {
    @RegisterExtension
    static final AppExtension apps =
            AppExtension.perClass().env(StaffClient.ENV).env("GLOSSARY_METRICS_PORT", "0");

    private final Logger accessLog = (Logger) LoggerFactory.getLogger("access");
    private final ListAppender<ILoggingEvent> accessLines = new ListAppender<>();

    @BeforeEach
    void listen() {
        accessLines.start();
        accessLog.addAppender(accessLines);
    }

    @AfterEach
    void stopListening() {
        accessLog.detachAppender(accessLines);
    }

    @Test
    void requests_are_counted_by_route_and_status_and_inquiries_by_outcome(TestApp app, Client visitor) {
        for (int i = 0; i < 3; i++) {
            assertThat(visitor.get("/glossary/retrieval-augmented-generation").statusCode())
                    .isEqualTo(200); // from the page cache
        }
        assertThat(visitor.get("/search?q=agent").statusCode()).isEqualTo(200); // through Javalin
        assertThat(visitor.get("/no/such/page").statusCode()).isEqualTo(404);
        Inquiries.submit(visitor, Map.of());

        var text = scrape(app);
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
    void metrics_are_for_staff_and_the_loopback_interface_only(TestApp app, Client visitor, StaffClient staff)
            throws Exception {
        assertThat(visitor.get("/admin/metrics").statusCode()).isEqualTo(303); // to the sign-in page
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
    void each_request_is_logged_once_with_method_path_status_and_time_but_no_query(Client visitor) {
        visitor.get("/search?q=confidential+merger+plans");
        visitor.get("/glossary/prompt-injection");
        visitor.get("/privacy");
        // A line is written as its response completes, so after the client has its answer; once
        // the last request's line is in, the earlier requests' lines (and any second copy) are too.
        await("the request log line of GET /privacy")
                .until(() -> lines().stream().anyMatch(l -> l.startsWith("GET /privacy ")));
        var lines = lines();
        assertThat(lines)
                .filteredOn(l -> l.startsWith("GET /search "))
                .singleElement()
                .asString()
                .matches("GET /search 200 \\d+\\.\\dms");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("GET /glossary/prompt-injection "))
                .singleElement()
                .asString()
                .matches("GET /glossary/prompt-injection 200 \\d+\\.\\dms");
        assertThat(lines).noneMatch(l -> l.contains("confidential"));
    }

    private List<String> lines() {
        synchronized (accessLines) { // the appender adds lines under this lock, from the server's threads
            return accessLines.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    private static boolean isLoopback(NetworkInterface n) {
        try {
            return n.isLoopback() || !n.isUp();
        } catch (IOException e) {
            return true;
        }
    }

    private static String scrape(TestApp app) {
        return new Client("http://127.0.0.1:" + app.metrics.port())
                .get("/metrics")
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
