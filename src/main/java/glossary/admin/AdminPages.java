package glossary.admin;

import glossary.web.CachedPage;
import glossary.web.PageMeta;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What every page of the admin area shares: its navigation, title, rendering, and reading the request. */
public final class AdminPages {
    /**
     * The navigation: the signed-in person, the token their forms carry, and what the page says
     * before anything else: the outcome of their last action (flash, or empty).
     */
    public record Nav(String csrf, String email, String flash, Times times, List<String> health) {}

    static final String FLASH_COOKIE = "glossary_flash";

    private final Site site;
    private final Templates templates;
    private final boolean secureCookie;
    private final Times times;
    private final MailHealth mail;

    public AdminPages(Site site, Templates templates, boolean secureCookie, Times times, MailHealth mail) {
        this.site = site;
        this.templates = templates;
        this.secureCookie = secureCookie;
        this.times = times;
        this.mail = mail;
    }

    Times times() {
        return times;
    }

    Nav nav(Context ctx) {
        var session = StaffAuth.session(ctx);
        return new Nav(session.csrfToken(), session.email(), takeFlash(ctx), times, mail.problems());
    }

    /** Says what an action did on the page its redirect leads to ("Status changed to contacted"). */
    void flash(Context ctx, String message) {
        flashCookie(ctx, URLEncoder.encode(message, StandardCharsets.UTF_8), 60);
    }

    /** Redirects after an action, with the message the next page shows. */
    void done(Context ctx, String path, String message) {
        flash(ctx, message);
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    private String takeFlash(Context ctx) {
        var value = ctx.cookie(FLASH_COOKIE);
        if (value == null || value.isEmpty()) {
            return "";
        }
        flashCookie(ctx, "", 0);
        try {
            var text = URLDecoder.decode(value, StandardCharsets.UTF_8);
            return text.length() > 300 ? text.substring(0, 300) : text;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void flashCookie(Context ctx, String value, int maxAgeSeconds) {
        var cookie = new Cookie(FLASH_COOKIE, value);
        cookie.setPath("/admin");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(maxAgeSeconds);
        ctx.cookie(cookie);
    }

    PageMeta meta(String title, String path) {
        return site.page(title + " | Admin | " + site.name(), title, path).notIndexed();
    }

    void render(Context ctx, String template, Object page) {
        CachedPage.sendOnce(ctx, CachedPage.HTML, "no-store", templates.render(template, page));
    }

    static long staffId(Context ctx) {
        return StaffAuth.session(ctx).staffId();
    }

    static String param(Context ctx, String name) {
        var value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    /** The {id} in the path; anything but a number is a page that does not exist. */
    static long id(Context ctx) {
        var value = ctx.pathParam("id");
        if (!value.matches("\\d{1,18}")) {
            throw new NotFoundResponse();
        }
        return Long.parseLong(value);
    }

    static String leadPath(long id) {
        return "/admin/leads/" + id;
    }
}
