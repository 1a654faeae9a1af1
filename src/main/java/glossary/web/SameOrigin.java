package glossary.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;

/**
 * Refuses a form posted from another site. Browsers name the page a form came from in Origin (or,
 * older ones, in Referer); a request that names neither is left to the form's token.
 */
public final class SameOrigin {
    private final String base;

    public SameOrigin(String baseUrl) {
        var ours = URI.create(baseUrl);
        this.base = ours.getScheme() + "://" + ours.getAuthority();
    }

    public void require(Context ctx) {
        var self = ctx.scheme() + "://" + ctx.host();
        var origin = ctx.header("Origin");
        if (origin != null && !"null".equals(origin)) {
            if (!origin.equals(base) && !origin.equals(self)) {
                throw new ForbiddenResponse("Cross-site form post");
            }
            return;
        }
        // No Origin, or "null" (a privacy-sensitive context): the Referer, when there is one, decides.
        var referrer = ctx.header("Referer");
        if (referrer != null && !sameSite(referrer, self)) {
            throw new ForbiddenResponse("Cross-site form post");
        }
    }

    private boolean sameSite(String referrer, String self) {
        try {
            var from = URI.create(referrer);
            var origin = from.getScheme() + "://" + from.getRawAuthority();
            return origin.equals(base) || origin.equals(self);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
