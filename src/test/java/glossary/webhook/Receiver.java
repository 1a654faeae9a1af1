package glossary.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint in the test's JVM (the JDK's own HTTP server on 127.0.0.1): keeps every call
 * it gets and answers with the status it is told to, 200 unless told otherwise.
 */
final class Receiver implements AutoCloseable {
    /** One call as it arrived: the headers (names in any case) and the body's exact bytes. */
    record Call(HttpHeaders headers, byte[] body, int answered) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            try (exchange) {
                var body = exchange.getRequestBody().readAllBytes();
                int answer = status.get();
                calls.add(new Call(
                        HttpHeaders.of(Map.copyOf(exchange.getRequestHeaders()), (name, value) -> true), body, answer));
                exchange.sendResponseHeaders(answer, -1);
            }
        });
        server.start();
    }

    /** The URL to give the app as GLOSSARY_WEBHOOK_URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on, answer every call with this status. */
    void answer(int code) {
        status.set(code);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
