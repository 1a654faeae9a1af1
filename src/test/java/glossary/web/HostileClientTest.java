package glossary.web;

import static glossary.testing.Inquiries.aValidInquiry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Await;
import glossary.testing.Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Clients that send too much, too slowly, or the wrong thing get a clear 4xx with the site's error
 * page and security headers, never a 500 or a stack trace, and cannot starve everyone else.
 */
class HostileClientTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass();

    private static final String TERM_PAGE = "/glossary/retrieval-augmented-generation";

    private final TestApp app = apps.app();
    private final Client visitor = Client.of(app);
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    private List<String> errorsLogged() {
        return logged.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void malformed_and_multipart_bodies_get_a_4xx_page_and_no_stack_trace() {
        var form = "/contact";
        for (var path : List.of(form, TERM_PAGE + "/inquiries", "/admin/login")) {
            var noBoundary = visitor.postRaw(path, "name=x", "Content-Type", "multipart/form-data");
            var broken = visitor.postRaw(
                    path,
                    "--xyz\r\nContent-Disposition: form-data\r\n\r\nunterminated",
                    "Content-Type",
                    "multipart/form-data; boundary=xyz");
            var json = visitor.postRaw(path, "{\"name\": 1}", "Content-Type", "application/json");
            for (var response : List.of(noBoundary, broken, json)) {
                assertThat(response.statusCode()).as(path).isEqualTo(415);
                assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("That did not work");
                assertThat(response.headers().firstValue("Content-Security-Policy"))
                        .isPresent();
            }
        }
        assertThat(errorsLogged()).isEmpty();
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_the_body_is_sent() throws Exception {
        try (var socket = new Socket("127.0.0.1", app.app.port())) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            out.write(("POST /contact HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                            + "Content-Length: 20000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Not a byte of the 20 MB sent: the answer comes anyway, and it is the site's own page.
            // (A client that sends such a body anyway may see the connection reset under the answer
            // while it is still writing: the socket's doing, so the test sends none.)
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer.lines().findFirst().orElse("")).contains(" 413 ");
            var page = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("That was too much to send");
        }
        assertThat(errorsLogged()).isEmpty();
    }

    /** An upload the client abandons is its own doing: one line in the log, no stack trace, no 500. */
    @Test
    void an_abandoned_upload_is_one_line_in_the_log() throws Exception {
        for (var path : List.of("/contact", TERM_PAGE + "/inquiries", "/admin/login")) {
            try (var socket = new Socket("127.0.0.1", app.app.port())) {
                socket.getOutputStream()
                        .write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nname=abc")
                                .getBytes(StandardCharsets.US_ASCII));
            }
        }
        Await.await("three abandoned uploads noted")
                .until(() -> logged.list.stream()
                                .filter(e -> e.getFormattedMessage().startsWith("Client went away"))
                                .count()
                        == 3);
        assertThat(errorsLogged()).isEmpty();
    }

    @Test
    void errors_jetty_answers_itself_carry_the_security_headers() throws Exception {
        try (var socket = new Socket("127.0.0.1", app.app.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write("GET /glossary/%ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response)
                    .contains("Content-Security-Policy: ")
                    .contains("X-Content-Type-Options: nosniff")
                    .contains("X-Frame-Options: DENY");
        }
    }

    /**
     * 200 clients trickle a form body at a byte a second. None of them holds a thread, so term pages,
     * search and an honest inquiry are answered as usual, and each trickle is cut with 408.
     */
    @Test
    void two_hundred_trickling_bodies_neither_starve_the_site_nor_stay_open() throws Exception {
        var sockets = new ArrayList<Socket>();
        var statuses = new CopyOnWriteArrayList<String>();
        var trickler = Executors.newSingleThreadScheduledExecutor();
        var readers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                var socket = new Socket("127.0.0.1", app.app.port());
                socket.setSoTimeout(30_000);
                socket.getOutputStream()
                        .write(("POST /contact HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
                readers.submit(() -> {
                    try {
                        statuses.add(statusLine(socket.getInputStream()));
                    } catch (IOException e) {
                        statuses.add("closed: " + e.getMessage());
                    }
                });
            }
            trickler.scheduleAtFixedRate(() -> sockets.forEach(s -> trickle(s)), 0, 1, TimeUnit.SECONDS);

            long slowest = 0;
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                var path = i % 2 == 0 ? TERM_PAGE : "/search?q=agents" + i;
                assertThat(visitor.get(path).statusCode()).as(path).isEqualTo(200);
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            // Not a benchmark (that is in src/bench): only that nothing waits behind the trickles.
            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(2));
            var honest = visitor.post(TERM_PAGE + "/inquiries", aValidInquiry(visitor, TERM_PAGE));
            assertThat(honest.statusCode()).isEqualTo(303);

            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(statuses).hasSize(200).allMatch(line -> line.contains(" 408 "));
        } finally {
            trickler.shutdownNow();
            readers.shutdownNow();
            for (var socket : sockets) {
                socket.close();
            }
        }
        assertThat(errorsLogged()).isEmpty();
    }

    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('a');
            out.flush();
        } catch (IOException e) {
            // cut by the server, as it should be
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
