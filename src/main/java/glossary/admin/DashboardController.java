package glossary.admin;

import glossary.term.PageViews;
import glossary.term.SearchMisses;
import glossary.term.TermCatalog;
import glossary.web.PageMeta;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The dashboard: speed to lead, who is waiting, which terms and categories bring leads and how they convert. */
public final class DashboardController {
    static final int CONVERSIONS_PER_PAGE = 25;

    public record Conversion(String slug, String title, long views, long inquiries) {
        public String rate() {
            return views == 0 ? "–" : String.format(Locale.UK, "%.2f%%", 100.0 * inquiries / views);
        }
    }

    /** A bar of a chart: its label, its number as shown, and its length in percent of the longest. */
    public record Bar(String label, String shown, int percent) {}

    public record Chart(String caption, String valueHeading, List<Bar> bars) {
        static Chart of(String caption, String valueHeading, List<LeadStats.Count> counts) {
            long max = 1;
            for (var c : counts) {
                max = Math.max(max, c.count());
            }
            var bars = new ArrayList<Bar>();
            for (var c : counts) {
                bars.add(new Bar(c.label(), String.valueOf(c.count()), (int) Math.round(100.0 * c.count() / max)));
            }
            return new Chart(caption, valueHeading, bars);
        }
    }

    public record DashboardPage(
            PageMeta meta,
            AdminPages.Nav nav,
            LeadStats.Speed speed,
            String medianResponse,
            String p90Response,
            long spamThisWeek,
            Chart waitingByAge,
            Chart perWeek,
            Chart perCategory,
            Chart perTerm,
            List<Conversion> conversions,
            String previousConversions,
            String nextConversions,
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
    private final Clock clock;

    public DashboardController(
            AdminPages pages,
            LeadStats stats,
            TermCatalog catalog,
            PageViews views,
            SearchMisses misses,
            Clock clock,
            Retention retention) {
        this.retention = retention;
        this.pages = pages;
        this.stats = stats;
        this.catalog = catalog;
        this.views = views;
        this.misses = misses;
        this.clock = clock;
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
                conversions.add(new Conversion(term.slug(), term.title(), v, n));
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
        var perTerm = new ArrayList<LeadStats.Count>();
        for (var c : stats.perTerm(20)) {
            var title = catalog.entry(c.label()).map(e -> e.term().title()).orElse(c.label());
            perTerm.add(new LeadStats.Count(title, c.count()));
        }
        int page = pageNumber(AdminPages.param(ctx, "conversions"));
        int from = Math.min(conversions.size(), (page - 1) * CONVERSIONS_PER_PAGE);
        int to = Math.min(conversions.size(), from + CONVERSIONS_PER_PAGE);
        var now = OffsetDateTime.now(clock);
        var speed = stats.speed(now.minusDays(30));
        pages.render(
                ctx,
                "admin/dashboard.jte",
                new DashboardPage(
                        pages.meta("Dashboard", "/admin"),
                        pages.nav(ctx),
                        speed,
                        span(speed.median()),
                        span(speed.p90()),
                        stats.spamSince(now.minusDays(7)),
                        Chart.of(
                                "Leads that need a reply, by how long they have waited", "Leads", stats.waitingByAge()),
                        Chart.of("Inquiries per week", "Inquiries", stats.perWeek(12)),
                        Chart.of("Inquiries per category", "Inquiries", perCategory),
                        Chart.of("Inquiries per term (top 20)", "Inquiries", perTerm),
                        conversions.subList(from, to),
                        page > 1 ? "/admin?conversions=" + (page - 1) + "#conv-h" : null,
                        to < conversions.size() ? "/admin?conversions=" + (page + 1) + "#conv-h" : null,
                        stats.waitingOverADay(),
                        misses.top(20),
                        retention.months(),
                        retention.dueWithin(Duration.ofDays(30))));
    }

    private static String span(Duration d) {
        return d == null ? "–" : Times.span(d).replace("just now", "under 1 min");
    }

    private static int pageNumber(String value) {
        return value.matches("[1-9]\\d{0,4}") ? Integer.parseInt(value) : 1;
    }
}
