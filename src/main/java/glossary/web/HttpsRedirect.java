package glossary.web;

import java.net.URI;
import org.eclipse.jetty.server.Request;

/**
 * When the site is https, a request our proxy received as plain http is sent to the same path on
 * https. Only a trusted proxy's word counts: anyone else could claim http to get redirected.
 */
public final class HttpsRedirect {
    private final String httpsOrigin;
    private final ClientAddress clients;

    public HttpsRedirect(String baseUrl, ClientAddress clients) {
        var base = URI.create(baseUrl);
        this.httpsOrigin = "https".equals(base.getScheme()) ? "https://" + base.getRawAuthority() : null;
        this.clients = clients;
    }

    /** Where to send this request instead, or null to serve it. */
    String location(Request request) {
        if (httpsOrigin == null || !clients.trusts(Request.getRemoteAddr(request))) {
            return null;
        }
        var proto = request.getHeaders().get("X-Forwarded-Proto");
        if (proto == null || !proto.split(",", 2)[0].strip().equalsIgnoreCase("http")) {
            return null;
        }
        // Our own host, never the request's Host header, so nobody can make us redirect elsewhere.
        return httpsOrigin + request.getHttpURI().getPathQuery();
    }
}
