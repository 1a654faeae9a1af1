package glossary.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a sign-in returns to: the admin page that sent a signed-out visitor to it. Only a plain
 * path under /admin is taken (letters, digits, dots in a segment, no "." or ".." segment, no
 * backslash, no percent-encoding in the path) with an optional query of URL-safe characters, so
 * the Location header can only ever name a page of this site's admin area; anything else is the
 * dashboard.
 */
final class ReturnPath {
    static final String DASHBOARD = "/admin";
    private static final Pattern PATH = Pattern.compile("/admin(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}){0,5}");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~%+=&-]{0,400}");
    private static final Pattern DOT_SEGMENT = Pattern.compile("/\\.{1,2}(/|$)");

    private ReturnPath() {}

    /** The path to return to after signing in; the dashboard for anything that is not a safe admin path. */
    static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > 500) {
            return DASHBOARD;
        }
        int q = next.indexOf('?');
        var path = q < 0 ? next : next.substring(0, q);
        var query = q < 0 ? null : next.substring(q + 1);
        if (!PATH.matcher(path).matches() || DOT_SEGMENT.matcher(path).find()) {
            return DASHBOARD;
        }
        if (path.equals("/admin/login") || path.equals("/admin/logout")) {
            return DASHBOARD;
        }
        if (query != null && !QUERY.matcher(query).matches()) {
            return DASHBOARD;
        }
        return next;
    }

    /** The sign-in page, remembering the page asked for. */
    static String loginFor(String path, String query) {
        var next = query == null || query.isEmpty() ? path : path + "?" + query;
        var safe = safe(next);
        return safe.equals(DASHBOARD)
                ? "/admin/login"
                : "/admin/login?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
    }
}
