package glossary.web;

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
}
