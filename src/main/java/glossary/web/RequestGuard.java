package glossary.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door, before anything else handles a request: every response gets the security
 * headers; a request that reached our proxy as plain http goes to https ({@link HttpsRedirect}); a
 * body must be a form (the only kind the site accepts; anything else is 415) and must arrive
 * within {@code bodyDeadline}, or the request is answered 408. With the body read in full
 * before a thread is given to the request (see App), a client trickling its body holds a
 * connection for a few seconds at most, and never a thread.
 */
public final class RequestGuard extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);
    private final SecurityHeaders headers;
    private final Duration bodyDeadline;
    private final HttpsRedirect https;

    public RequestGuard(Handler handler, SecurityHeaders headers, Duration bodyDeadline, HttpsRedirect https) {
        super(handler);
        this.headers = headers;
        this.bodyDeadline = bodyDeadline;
        this.https = https;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.apply(response.getHeaders());
        var location = https.location(request);
        if (location != null) {
            // 308 for a form post, so a browser sends it again as it was rather than as a GET.
            var method = request.getMethod();
            int status = method.equals("GET") || method.equals("HEAD") ? 301 : 308;
            Response.sendRedirect(request, response, callback, status, location, true);
            return true;
        }
        if (!hasBody(request)) {
            return super.handle(request, response, callback);
        }
        var type = MimeTypes.getBaseType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (type != MimeTypes.Type.FORM_ENCODED) {
            Response.writeError(request, response, callback, 415, "Send the form as a form");
            return true;
        }
        var guarded = new Deadline(request, response, callback, bodyDeadline);
        return super.handle(guarded, response, Callback.from(guarded::cancel, callback));
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /**
     * The request as the body loader sees it. Whoever reads the body waits for more of it through
     * {@link #demand}; once the deadline has passed, the waiting reader is never woken again and
     * the request is answered 408 instead. Only one of the two ever runs a given reader.
     */
    private static final class Deadline extends Request.Wrapper {
        private final Response response;
        private final Callback callback;
        private final AtomicReference<Runnable> waiting = new AtomicReference<>();
        private final AtomicBoolean answered = new AtomicBoolean();
        private final Scheduler.Task task;
        private volatile boolean expired;
        private volatile boolean complete;

        Deadline(Request request, Response response, Callback callback, Duration deadline) {
            super(request);
            this.response = response;
            this.callback = callback;
            task = request.getComponents()
                    .getScheduler()
                    .schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void expire() {
            expired = true;
            if (waiting.getAndSet(null) != null) {
                tooSlow();
            }
        }

        private void tooSlow() {
            if (!complete && answered.compareAndSet(false, true)) {
                log.info(
                        "Request body not complete within the deadline: {} {}",
                        getMethod(),
                        getHttpURI().getPath());
                Response.writeError(this, response, callback, 408, "The request body came too slowly");
            }
        }

        void cancel() {
            task.cancel();
        }

        @Override
        public void demand(Runnable reader) {
            if (expired) {
                tooSlow();
                return;
            }
            waiting.set(reader);
            super.demand(() -> {
                if (waiting.compareAndSet(reader, null)) {
                    reader.run();
                }
            });
        }

        @Override
        public Content.Chunk read() {
            var chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                complete = true; // all of it is here: the deadline no longer matters
                task.cancel();
            }
            return chunk;
        }
    }
}
