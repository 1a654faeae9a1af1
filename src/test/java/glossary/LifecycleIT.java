package glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import glossary.cluster.AppProcess;
import glossary.testing.Client;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the packaged app starts and stops, as a service manager sees it. */
class LifecycleIT {
    @TempDir
    Path data;

    /** A start that fails ends the process, so it is seen and restarted, instead of leaving it half alive. */
    @Test
    void an_instance_whose_port_is_taken_exits_with_an_error() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            var app = new AppProcess(
                            taken.getLocalPort(),
                            Map.of(
                                    "GLOSSARY_DATA_DIR",
                                    data.toString(),
                                    "GLOSSARY_SMTP_HOST",
                                    "127.0.0.1",
                                    "GLOSSARY_SMTP_PORT",
                                    "9"),
                            data)
                    .launch();
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(app.log()).contains("Glossary could not start");
        }
    }

    @Test
    void on_sigterm_a_request_in_flight_is_finished_and_new_connections_are_refused() throws Exception {
        var app = AppProcess.onFreePort(
                        Map.of("GLOSSARY_DATA_DIR", data.toString(), "GLOSSARY_FORM_MIN_SECONDS", "0"), data)
                .start();
        var token = Jsoup.parse(new Client(app.url("")).get("/contact").body())
                .select("input[name=token]")
                .attr("value");
        var body = glossary.cluster.Load.inquiry(token, "Sent while the server stops")
                .getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket("127.0.0.1", app.port)) {
            socket.setSoTimeout(15_000);
            var out = socket.getOutputStream();
            out.write(
                    ("POST /contact HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                    + "Content-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            // The body arrives slowly, as from a phone on a poor link; the server is told to stop
            // after the first piece. Each piece comes well within Jetty's 1 s idle limit while stopping.
            int pieces = 10;
            int size = (body.length + pieces - 1) / pieces;
            for (int i = 0; i < pieces; i++) {
                out.write(body, i * size, Math.min(size, body.length - i * size));
                out.flush();
                if (i == 0) {
                    app.signalStop(); // SIGTERM, without waiting
                }
                Thread.sleep(150);
                if (i == 5) {
                    assertThatThrownBy(() -> new Socket("127.0.0.1", app.port).close())
                            .as("no new connections")
                            .isInstanceOf(IOException.class);
                }
            }
            var status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 303 See Other");
        }
        assertThat(app.awaitExit(Duration.ofSeconds(30))).isEqualTo(143);
        try (var connection = DriverManager.getConnection(Config.h2Url(data), "sa", "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM inquiry WHERE message LIKE 'Sent while the server stops%'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
