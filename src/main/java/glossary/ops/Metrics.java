package glossary.ops;

import com.sun.net.httpserver.HttpServer;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators watch, in Prometheus' text format: requests by route, status and latency,
 * the connection pool and the JVM; features register their own meters (inquiries, the outbox).
 * Never public: served behind staff sign-in, and on a port bound to loopback when one is set.
 */
public final class Metrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Metrics.class);
    /** Buckets for request latency, around the targets the benchmarks hold the pages to. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<RequestKey, Timer> timers = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private HttpServer server;

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void request(String method, String route, int status, long nanos) {
        // Looked up in a map of our own: building the tags on every request cost measurable throughput.
        timers.computeIfAbsent(
                        new RequestKey(method, route, status),
                        key -> Timer.builder("http.server.requests")
                                .tags(
                                        "method",
                                        key.method(),
                                        "route",
                                        key.route(),
                                        "status",
                                        Integer.toString(key.status()))
                                .serviceLevelObjectives(LATENCY_BUCKETS)
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private record RequestKey(String method, String route, int status) {}

    /** GET /admin/metrics, for staff. */
    public void scrape(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /** Serves the same text on 127.0.0.1:port, where only the machine itself (a Prometheus agent) can reach it. */
    public void serveOnLoopback(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for metrics on 127.0.0.1:" + port, e);
        }
        server.createContext("/metrics", exchange -> {
            var body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        log.info("Metrics at http://127.0.0.1:{}/metrics", server.getAddress().getPort());
    }

    public int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        gc.close();
        registry.close();
    }
}
