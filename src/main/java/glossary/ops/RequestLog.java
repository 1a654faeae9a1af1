package glossary.ops;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost handler: one log line per request (method, path, status, milliseconds) and its
 * latency in the metrics. The route, for metrics, is what Javalin matched, or the page served from
 * memory; the path is logged without its query string, which may hold what a visitor searched for.
 */
public final class RequestLog extends Handler.Wrapper {
    /** Request attribute naming the route that answered, set by whoever answered. */
    public static final String ROUTE = "glossary.route";

    private static final Logger log = LoggerFactory.getLogger("access");
    private static final int MAX_LOGGED_PATH = 200;

    private final Metrics metrics;

    public RequestLog(Handler handler, Metrics metrics) {
        super(handler);
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        return super.handle(request, response, Callback.from(callback, () -> finished(request, response, start)));
    }

    private void finished(Request request, Response response, long start) {
        long nanos = System.nanoTime() - start;
        int status = response.getStatus();
        var route = request.getAttribute(ROUTE) instanceof String r ? r : "unmatched";
        metrics.request(request.getMethod(), route, status, nanos);
        var path = request.getHttpURI().getPath(); // still percent-encoded: no line breaks can get into the log
        if (path != null && path.length() > MAX_LOGGED_PATH) {
            path = path.substring(0, MAX_LOGGED_PATH) + "...";
        }
        log.info("{} {} {} {}ms", request.getMethod(), path, status, (nanos / 100_000) / 10.0);
    }
}
