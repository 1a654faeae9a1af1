package glossary.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** The few pages that are not about a term: privacy and robots.txt. */
public final class InfoPages {
    /** @param retentionMonths how long enquiries are kept, from the setting the erasure runs on */
    public record Info(PageMeta meta, int retentionMonths) {}

    private final Site site;
    private final Templates templates;
    private final PageCache pages;
    private final int retentionMonths;

    /** The pages in {@code site}'s language; one instance per language. */
    public InfoPages(Site site, Templates templates, PageCache pages, int retentionMonths) {
        this.retentionMonths = retentionMonths;
        this.site = site;
        this.templates = templates;
        this.pages = pages;
    }

    public void privacy(Context ctx) {
        var t = site.text();
        pages.get(
                        site.link("/privacy"),
                        () -> CachedPage.html(
                                "public, max-age=300",
                                templates.render(
                                        "info/privacy.jte",
                                        new Info(
                                                site.page(
                                                        t.get("privacy.metaTitle", site.name()),
                                                        t.get("privacy.metaDescription"),
                                                        "/privacy"),
                                                retentionMonths))))
                .send(ctx);
    }

    public void robots(Context ctx) {
        pages.get(
                        "/robots.txt",
                        () -> CachedPage.of(
                                ("User-agent: *\nDisallow: /admin\nDisallow: /search\nDisallow: /id/search\n"
                                                + "Disallow: /vi/search\nDisallow: /th/search\n\nSitemap: "
                                                + site.url("/sitemap.xml") + "\n")
                                        .getBytes(StandardCharsets.UTF_8),
                                "text/plain; charset=utf-8",
                                "public, max-age=3600"))
                .send(ctx);
    }
}
