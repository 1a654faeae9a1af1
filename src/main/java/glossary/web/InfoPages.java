package glossary.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** The few pages that are not about a term: privacy and robots.txt. */
public final class InfoPages {
    /** retention: how long enquiries are kept, "24 months", from the setting the erasure runs on. */
    public record Info(PageMeta meta, String retention) {}

    private final Site site;
    private final Templates templates;
    private final PageCache pages;
    private final String retention;

    public InfoPages(Site site, Templates templates, PageCache pages, int retentionMonths) {
        this.retention = retentionMonths == 1 ? "1 month" : retentionMonths + " months";
        this.site = site;
        this.templates = templates;
        this.pages = pages;
    }

    public void privacy(Context ctx) {
        pages.get(
                        "/privacy",
                        () -> CachedPage.html(
                                "public, max-age=300",
                                templates.render(
                                        "info/privacy.jte",
                                        new Info(
                                                site.page(
                                                        "Privacy notice | " + site.name(),
                                                        "What we store when you contact us, why, for how long, and how to have it erased.",
                                                        "/privacy"),
                                                retention))))
                .send(ctx);
    }

    public void robots(Context ctx) {
        pages.get(
                        "/robots.txt",
                        () -> CachedPage.of(
                                ("User-agent: *\nDisallow: /admin\nDisallow: /search\n\nSitemap: "
                                                + site.url("/sitemap.xml") + "\n")
                                        .getBytes(StandardCharsets.UTF_8),
                                "text/plain; charset=utf-8",
                                "public, max-age=3600"))
                .send(ctx);
    }
}
