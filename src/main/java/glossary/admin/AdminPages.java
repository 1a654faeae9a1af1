package glossary.admin;

import glossary.web.CachedPage;
import glossary.web.PageMeta;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** What every page of the admin area shares: its navigation, title, rendering, and reading the request. */
public final class AdminPages {
    /** The navigation: the signed-in person, and the token their forms carry. */
    public record Nav(String csrf, String email) {}

    private final Site site;
    private final Templates templates;

    public AdminPages(Site site, Templates templates) {
        this.site = site;
        this.templates = templates;
    }

    Nav nav(Context ctx) {
        var session = StaffAuth.session(ctx);
        return new Nav(session.csrfToken(), session.email());
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
