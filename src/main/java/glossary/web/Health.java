package glossary.web;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * For load balancers and monitors: /health says the process is alive, /ready says it should be
 * sent traffic (the database answers, and the app is not stopping).
 */
public final class Health {
    private final Jdbi jdbi;
    private final AtomicBoolean stopping = new AtomicBoolean(false);

    public Health(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Called first on shutdown, so the balancer stops sending requests before the server stops. */
    public void stopping() {
        stopping.set(true);
    }

    public void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8").result("ok\n");
    }

    public void ready(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        if (stopping.get()) {
            ctx.status(503).result("stopping\n");
            return;
        }
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            ctx.result("ready\n");
        } catch (RuntimeException e) {
            ctx.status(503).result("database unavailable\n");
        }
    }
}
