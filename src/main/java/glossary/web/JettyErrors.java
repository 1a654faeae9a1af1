package glossary.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any handler of ours runs (a malformed request line, a
 * body too large or too slow): they carry the security headers too, and never a stack trace.
 */
public final class JettyErrors extends ErrorHandler {
    private final SecurityHeaders headers;
    private final ErrorPages pages;

    public JettyErrors(SecurityHeaders headers, ErrorPages pages) {
        this.headers = headers;
        this.pages = pages;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.apply(response.getHeaders());
        if (!errorPageForMethod(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        var body = pages.beforeTheApp(status, Request.getPathInContext(request));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CachedPage.HTML);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.apply(fields);
        return super.badMessageError(status, reason, fields);
    }
}
