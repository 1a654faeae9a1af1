package glossary.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The few pages that are not about a term: contact, privacy and robots.txt. */
public final class InfoPages {
    public record Info(PageMeta meta) {}

    private final Site site;
    private final Templates templates;
    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();

    public InfoPages(Site site, Templates templates) {
        this.site = site;
        this.templates = templates;
    }

    public void contact(Context ctx) {
        pages.computeIfAbsent("contact", k -> CachedPage.html(templates.render("info/contact.jte", new Info(site.page(
                "Talk to an AI adviser | " + site.name(),
                "Ask our advisers how to apply AI in your organisation.", "/contact")))))
                .send(ctx, "public, max-age=300");
    }

    public void privacy(Context ctx) {
        pages.computeIfAbsent("privacy", k -> CachedPage.html(templates.render("info/privacy.jte", new Info(site.page(
                "Privacy notice | " + site.name(),
                "What we store when you contact us, why, for how long, and how to have it erased.", "/privacy")))))
                .send(ctx, "public, max-age=300");
    }

    public void robots(Context ctx) {
        pages.computeIfAbsent("robots", k -> CachedPage.of(
                ("User-agent: *\nDisallow: /admin\nDisallow: /search\n\nSitemap: " + site.url("/sitemap.xml") + "\n")
                        .getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"))
                .send(ctx, "public, max-age=3600");
    }
}
