package glossary.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sits in front of Javalin inside Jetty. Every response gets the security headers here, errors and
 * assets included; a GET or HEAD for a page already in the {@link PageCache} (and without a query
 * string, which may carry campaign parameters for the page) is answered from memory at once.
 * Serving cached pages this way costs a fraction of a trip through the servlet and router.
 */
public final class PageCacheHandler extends Handler.Wrapper {
    private final PageCache cache;
    private final SecurityHeaders headers;

    public PageCacheHandler(PageCache cache, SecurityHeaders headers) {
        this.cache = cache;
        this.headers = headers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.apply(response.getHeaders());
        var method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHttpURI().getQuery() == null) {
            var page = cache.get(Request.getPathInContext(request));
            if (page != null) {
                page.write(request, response, callback);
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
