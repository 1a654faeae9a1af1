package glossary.admin;

import glossary.term.PageViews;
import glossary.term.SearchMisses;
import glossary.term.TermCatalog;
import glossary.web.PageMeta;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The dashboard: which terms and categories bring leads, how they convert, and who is waiting. */
public final class DashboardController {
    public record Conversion(String slug, long views, long inquiries) {
        public String rate() {
            return views == 0 ? "–" : String.format(Locale.UK, "%.2f%%", 100.0 * inquiries / views);
        }
    }

    public record DashboardPage(
            PageMeta meta,
            AdminPages.Nav nav,
            List<LeadStats.Count> perWeek,
            List<LeadStats.Count> perTerm,
            List<LeadStats.Count> perCategory,
            List<Conversion> conversions,
            List<LeadSearch.Row> waiting,
            List<SearchMisses.Miss> misses,
            int retentionMonths,
            long dueForErasure) {}

    private final AdminPages pages;
    private final LeadStats stats;
    private final TermCatalog catalog;
    private final PageViews views;
    private final SearchMisses misses;
    private final Retention retention;

    public DashboardController(
            AdminPages pages,
            LeadStats stats,
            TermCatalog catalog,
            PageViews views,
            SearchMisses misses,
            Retention retention) {
        this.retention = retention;
        this.pages = pages;
        this.stats = stats;
        this.catalog = catalog;
        this.views = views;
        this.misses = misses;
    }

    public void dashboard(Context ctx) {
        views.flush(); // show the views counted so far, not only those already saved
        var inquiries = stats.inquiriesByTerm();
        var pageViews = views.byTerm();
        var conversions = new ArrayList<Conversion>();
        for (var term : catalog.terms()) {
            long v = pageViews.getOrDefault(term.slug(), 0L);
            long n = inquiries.getOrDefault(term.slug(), 0L);
            if (v > 0 || n > 0) {
                conversions.add(new Conversion(term.slug(), v, n));
            }
        }
        conversions.sort(
                (a, b) -> Long.compare(b.inquiries() * 1_000_000 + b.views(), a.inquiries() * 1_000_000 + a.views()));
        var perCategory = new ArrayList<LeadStats.Count>();
        for (var category : catalog.categories()) {
            long n = 0;
            for (var term : category.terms()) {
                n += inquiries.getOrDefault(term.slug(), 0L);
            }
            perCategory.add(new LeadStats.Count(category.name(), n));
        }
        perCategory.sort((a, b) -> Long.compare(b.count(), a.count()));
        pages.render(
                ctx,
                "admin/dashboard.jte",
                new DashboardPage(
                        pages.meta("Dashboard", "/admin"),
                        pages.nav(ctx),
                        stats.perWeek(12),
                        stats.perTerm(20),
                        perCategory,
                        conversions.subList(0, Math.min(50, conversions.size())),
                        stats.waitingOverADay(),
                        misses.top(20),
                        retention.months(),
                        retention.dueWithin(Duration.ofDays(30))));
    }
}
