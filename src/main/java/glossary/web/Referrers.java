package glossary.web;

import io.javalin.http.Context;
import java.net.URI;

/** Whether a Referer names another site: the one rule both the page cache and the form use. */
public final class Referrers {
    private Referrers() {}

    /** @param host this request's host name, without a port; a malformed Referer counts as none */
    public static boolean fromAnotherSite(String referrer, String host) {
        if (referrer == null || host == null) {
            return false;
        }
        try {
            var from = URI.create(referrer).getHost();
            return from != null && !from.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The Referer header when it names another site (where the visitor came from), else "". */
    public static String external(Context ctx) {
        var referrer = ctx.header("Referer");
        var host = ctx.host() == null ? null : ctx.host().replaceFirst(":\\d+$", "");
        return fromAnotherSite(referrer, host) ? referrer : "";
    }
}
