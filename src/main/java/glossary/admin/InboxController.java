package glossary.admin;

import static glossary.admin.AdminPages.param;

import glossary.inquiry.LeadStatus;
import glossary.term.Term;
import glossary.term.TermCatalog;
import glossary.web.PageMeta;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The lead inbox: filters, paging, search, and the same selection as a CSV download. */
public final class InboxController {
    static final int PAGE_SIZE = 50;

    /** A row of the inbox with the term's title (the row holds its slug). */
    public record Line(LeadSearch.Row row, String termTitle) {}

    public record InboxPage(
            PageMeta meta,
            AdminPages.Nav nav,
            LeadSearch.Filter filter,
            String query,
            List<Line> rows,
            Map<LeadStatus, Long> counts,
            String nextPage,
            String exportUrl,
            List<TermCatalog.Category> categories,
            String statusParam,
            String termParam,
            String categoryParam,
            String fromParam,
            String toParam,
            boolean mine,
            boolean newestFirst,
            List<Staff.Member> staff,
            String here) {

        /** In workflow order: new, contacted, qualified, won, lost; spam last. */
        public List<LeadStatus> statuses() {
            return List.of(LeadStatus.values());
        }

        public boolean moreFilters() {
            return !categoryParam.isEmpty() || !termParam.isEmpty() || !fromParam.isEmpty() || !toParam.isEmpty();
        }

        public boolean spamView() {
            return "spam".equals(statusParam);
        }
    }

    private final AdminPages pages;
    private final LeadSearch leads;
    private final TermCatalog catalog;
    private final Clock clock;
    private final Staff staff;

    public InboxController(AdminPages pages, LeadSearch leads, TermCatalog catalog, Clock clock, Staff staff) {
        this.pages = pages;
        this.leads = leads;
        this.catalog = catalog;
        this.clock = clock;
        this.staff = staff;
    }

    public void inbox(Context ctx) {
        var filter = filter(ctx, PAGE_SIZE);
        var rows = leads.page(filter);
        var query = ctx.queryString() == null
                ? ""
                : ctx.queryString().replaceAll("(^|&)(before|after)=[^&]*", "").replaceAll("^&", "");
        String next = null;
        if (rows.size() == PAGE_SIZE) {
            var last = rows.get(rows.size() - 1);
            boolean inNeedsReply =
                    filter.sort() == LeadSearch.Sort.WAITING && filter.query() == null && last.needsReply();
            next = "/admin/leads?" + (query.isEmpty() ? "" : query + "&") + (inNeedsReply ? "after=" : "before=")
                    + last.id();
        }
        var lines = new java.util.ArrayList<Line>();
        for (var row : rows) {
            lines.add(new Line(row, termTitle(row.termSlug())));
        }
        pages.render(
                ctx,
                "admin/leads.jte",
                new InboxPage(
                        pages.meta("Leads", "/admin/leads"),
                        pages.nav(ctx),
                        filter,
                        filter.query() == null ? "" : filter.query(),
                        lines,
                        leads.countsByStatus(),
                        next,
                        "/admin/leads.csv" + (query.isEmpty() ? "" : "?" + query),
                        catalog.categories(),
                        param(ctx, "status"),
                        param(ctx, "term"),
                        param(ctx, "category"),
                        param(ctx, "from"),
                        param(ctx, "to"),
                        "yes".equals(ctx.queryParam("mine")),
                        filter.sort() == LeadSearch.Sort.NEWEST,
                        staff.all(),
                        "/admin/leads" + (ctx.queryString() == null ? "" : "?" + ctx.queryString())));
    }

    /** The term's title, its slug when the term is gone, and "Contact page" for none. */
    String termTitle(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "Contact page";
        }
        return catalog.entry(slug).map(e -> e.term().title()).orElse(slug);
    }

    /** The current filter as CSV (RFC 4180), streamed row by row, so memory stays flat at any size. */
    public void export(Context ctx) {
        var filter = filter(ctx, 0);
        var times = pages.times();
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"leads-" + LocalDate.now(clock.withZone(times.zone())) + ".csv\"");
        try {
            var writer = new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8);
            var csv = new CSVPrinter(
                    writer,
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(
                                    "reference",
                                    "received",
                                    "status",
                                    "name",
                                    "email",
                                    "company",
                                    "country",
                                    "language",
                                    "term",
                                    "assignee",
                                    "utm_source",
                                    "referrer",
                                    "message")
                            .get());
            leads.stream(filter, 0, row -> {
                try {
                    csv.printRecord(
                            safe(row.reference()),
                            safe(times.iso(row.createdAt())),
                            safe(row.status().label()),
                            safe(row.name()),
                            safe(row.email()),
                            safe(row.company()),
                            safe(row.country()),
                            safe(row.language()),
                            safe(row.termSlug()),
                            safe(row.assignee()),
                            safe(row.utmSource()),
                            safe(row.referrer()),
                            safe(row.message()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spreadsheet would run a cell that starts like a formula: make it text instead. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private LeadSearch.Filter filter(Context ctx, int limit) {
        var statusParam = param(ctx, "status");
        var status = statusParam.isEmpty()
                ? null
                : LeadStatus.parse(statusParam).orElseThrow(() -> new BadRequestResponse("Unknown status"));
        var categorySlug = param(ctx, "category");
        List<String> categoryTerms = null;
        if (!categorySlug.isEmpty()) {
            categoryTerms = catalog.category(categorySlug)
                    .map(c -> c.terms().stream().map(Term::slug).toList())
                    .orElseThrow(() -> new BadRequestResponse("Unknown category"));
        }
        var q = param(ctx, "q");
        var before = param(ctx, "before");
        var after = param(ctx, "after");
        return new LeadSearch.Filter(
                status,
                blankToNull(param(ctx, "term")),
                categoryTerms,
                date(param(ctx, "from")),
                date(param(ctx, "to")),
                q.isEmpty() ? null : q.substring(0, Math.min(q.length(), 200)),
                "yes".equals(ctx.queryParam("mine")) ? AdminPages.staffId(ctx) : null,
                before.matches("\\d{1,18}") ? Long.parseLong(before) : null,
                limit,
                "newest".equals(param(ctx, "sort")) ? LeadSearch.Sort.NEWEST : LeadSearch.Sort.WAITING,
                after.matches("\\d{1,18}") ? Long.parseLong(after) : null,
                limit == 0 ? null : AdminPages.staffId(ctx));
    }

    private static LocalDate date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("Dates look like 2026-11-29");
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
