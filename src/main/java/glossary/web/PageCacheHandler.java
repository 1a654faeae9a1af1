package glossary.web;

import glossary.ops.RequestLog;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sits in front of Javalin inside Jetty. Every response gets the security headers here, errors and
 * assets included; a GET or HEAD for a page already in the {@link PageCache} is answered from
 * memory at once, unless the request carries what the page must record for an inquiry (a query
 * string with campaign parameters, or a referrer from another site): those go to the controller.
 * Serving cached pages this way costs a fraction of a trip through the servlet and router.
 */
public final class PageCacheHandler extends Handler.Wrapper {
    private final PageCache cache;
    private final Consumer<String> served;

    /** @param served told the path of every page served from memory with GET, to count it */
    public PageCacheHandler(PageCache cache, Consumer<String> served, Handler handler) {
        super(handler);
        this.cache = cache;
        this.served = served;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method))
                && request.getHttpURI().getQuery() == null
                && !Referrers.fromAnotherSite(
                        request.getHeaders().get(HttpHeader.REFERER),
                        request.getHttpURI().getHost())) {
            var path = Request.getPathInContext(request);
            var page = cache.get(path);
            if (page != null) {
                if ("GET".equals(method)) {
                    served.accept(path);
                }
                request.setAttribute(RequestLog.ROUTE, route(path));
                page.write(request, response, callback);
                return true;
            }
        }
        return super.handle(request, response, callback);
    }

    /** The route a cached page belongs to, as Javalin would name it, so the metrics add up per route. */
    static String route(String path) {
        for (var prefix : PARAMETERISED) {
            if (path.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return path;
    }

    private static final List<Map.Entry<String, String>> PARAMETERISED = List.of(
            Map.entry("/glossary/", "/glossary/{slug}"),
            Map.entry("/categories/", "/categories/{slug}"),
            Map.entry("/assets/", "/assets/{file}"));
}
