package glossary.admin;

import glossary.inquiry.Choices;
import glossary.mail.Outbox;
import glossary.term.Term;
import glossary.term.TermCatalog;
import glossary.web.CachedPage;
import glossary.web.PageMeta;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The admin area's pages: dashboard, inbox, a lead, the outbox, and the CSV export. */
public final class LeadInbox {
    static final int PAGE_SIZE = 50;

    public record Nav(String csrf, String email) {}

    public record InboxPage(
            PageMeta meta,
            Nav nav,
            Leads.Filter filter,
            String query,
            List<Leads.Row> rows,
            Map<String, Long> counts,
            String nextPage,
            String exportUrl,
            List<TermCatalog.Category> categories,
            String statusParam,
            String termParam,
            String categoryParam,
            String fromParam,
            String toParam,
            boolean mine) {}

    public record LeadPage(
            PageMeta meta,
            Nav nav,
            Leads.Detail lead,
            String country,
            String timeline,
            String termTitle,
            List<Leads.Note> notes,
            List<Leads.Event> history,
            List<Outbox.Entry> messages,
            List<String> nextStatuses,
            List<Staff.Member> staff,
            boolean erased) {}

    public record DashboardPage(
            PageMeta meta,
            Nav nav,
            List<Leads.Count> perWeek,
            List<Leads.Count> perTerm,
            List<Leads.Count> perCategory,
            List<Leads.Conversion> conversions,
            List<Leads.Row> waiting,
            List<Leads.Count> misses) {}

    public record OutboxPage(PageMeta meta, Nav nav, List<Leads.OutboxRow> rows) {}

    private final Site site;
    private final Templates templates;
    private final Leads leads;
    private final Staff staff;
    private final Outbox outbox;
    private final TermCatalog catalog;
    private final PageViews views;

    public LeadInbox(
            Site site,
            Templates templates,
            Leads leads,
            Staff staff,
            Outbox outbox,
            TermCatalog catalog,
            PageViews views) {
        this.site = site;
        this.templates = templates;
        this.leads = leads;
        this.staff = staff;
        this.outbox = outbox;
        this.catalog = catalog;
        this.views = views;
    }

    private Nav nav(Context ctx) {
        var session = StaffAuth.session(ctx);
        return new Nav(session.csrfToken(), session.email());
    }

    private PageMeta meta(String title, String path) {
        return site.page(title + " | Admin | " + site.name(), title, path).notIndexed();
    }

    private void render(Context ctx, String template, Object page) {
        CachedPage.sendOnce(ctx, CachedPage.HTML, "no-store", templates.render(template, page));
    }

    public void dashboard(Context ctx) {
        views.flush(); // show the views counted so far, not only those already saved
        var inquiries = leads.inquiriesByTerm();
        var pageViews = leads.viewsByTerm();
        var conversions = new ArrayList<Leads.Conversion>();
        for (var term : catalog.terms()) {
            long v = pageViews.getOrDefault(term.slug(), 0L);
            long n = inquiries.getOrDefault(term.slug(), 0L);
            if (v > 0 || n > 0) {
                conversions.add(new Leads.Conversion(term.slug(), v, n));
            }
        }
        conversions.sort(
                (a, b) -> Long.compare(b.inquiries() * 1_000_000 + b.views(), a.inquiries() * 1_000_000 + a.views()));
        var perCategory = new ArrayList<Leads.Count>();
        for (var category : catalog.categories()) {
            long n = 0;
            for (var term : category.terms()) {
                n += inquiries.getOrDefault(term.slug(), 0L);
            }
            perCategory.add(new Leads.Count(category.name(), n));
        }
        perCategory.sort((a, b) -> Long.compare(b.count(), a.count()));
        render(
                ctx,
                "admin/dashboard.jte",
                new DashboardPage(
                        meta("Dashboard", "/admin"),
                        nav(ctx),
                        leads.perWeek(12),
                        leads.perTerm(20),
                        perCategory,
                        conversions.subList(0, Math.min(50, conversions.size())),
                        leads.waitingOverADay(),
                        leads.topSearchMisses(20)));
    }

    public void inbox(Context ctx) {
        var filter = filter(ctx, PAGE_SIZE);
        var rows = leads.page(filter);
        var query = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)before=[^&]*", "");
        var next = rows.size() == PAGE_SIZE
                ? "/admin/leads?" + (query.isEmpty() ? "" : query + "&") + "before="
                        + rows.get(rows.size() - 1).id()
                : null;
        render(
                ctx,
                "admin/leads.jte",
                new InboxPage(
                        meta("Leads", "/admin/leads"),
                        nav(ctx),
                        filter,
                        filter.query() == null ? "" : filter.query(),
                        rows,
                        leads.countsByStatus(),
                        next,
                        "/admin/leads.csv" + (query.isEmpty() ? "" : "?" + query),
                        catalog.categories(),
                        param(ctx, "status"),
                        param(ctx, "term"),
                        param(ctx, "category"),
                        param(ctx, "from"),
                        param(ctx, "to"),
                        "yes".equals(ctx.queryParam("mine"))));
    }

    public void lead(Context ctx) {
        long id = id(ctx);
        var detail = leads.detail(id).orElseThrow(NotFoundResponse::new);
        leads.markRead(id);
        var form = detail.inquiry().form();
        var term = form.term().isEmpty()
                ? null
                : catalog.entry(form.term()).map(TermCatalog.Entry::term).orElse(null);
        render(
                ctx,
                "admin/lead.jte",
                new LeadPage(
                        meta("Lead " + detail.inquiry().reference(), "/admin/leads/" + id),
                        nav(ctx),
                        detail,
                        Choices.countryName(form.country()),
                        Choices.timelineName(form.timeline()),
                        term == null ? form.term() : term.title(),
                        leads.notes(id),
                        leads.history(id),
                        outbox.forInquiry(id),
                        Leads.NEXT.getOrDefault(detail.inquiry().status(), java.util.Set.of()).stream()
                                .sorted()
                                .toList(),
                        staff.all(),
                        "[erased]".equals(form.name())));
    }

    public void changeStatus(Context ctx) {
        long id = id(ctx);
        var to = ctx.formParam("status");
        if (to == null
                || !Leads.STATUSES.contains(to)
                || !leads.changeStatus(id, StaffAuth.session(ctx).staffId(), to)) {
            throw new BadRequestResponse("That status change is not possible");
        }
        ctx.redirect("/admin/leads/" + id, HttpStatus.SEE_OTHER);
    }

    public void addNote(Context ctx) {
        long id = id(ctx);
        var body = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (body.isEmpty() || body.length() > 5000) {
            throw new BadRequestResponse("A note must have 1 to 5000 characters");
        }
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        leads.addNote(id, StaffAuth.session(ctx).staffId(), body);
        ctx.redirect("/admin/leads/" + id, HttpStatus.SEE_OTHER);
    }

    public void assign(Context ctx) {
        long id = id(ctx);
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        var value = ctx.formParam("assignee");
        Staff.Member member = null;
        if (value != null && !value.isEmpty()) {
            member = staff.all().stream()
                    .filter(m -> String.valueOf(m.id()).equals(value))
                    .findFirst()
                    .orElseThrow(() -> new BadRequestResponse("No such staff member"));
        }
        leads.assign(
                id,
                StaffAuth.session(ctx).staffId(),
                member == null ? null : member.id(),
                member == null ? null : member.email());
        ctx.redirect("/admin/leads/" + id, HttpStatus.SEE_OTHER);
    }

    public void erase(Context ctx) {
        long id = id(ctx);
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        if (!"ERASE".equals(ctx.formParam("confirm"))) {
            throw new BadRequestResponse("Type ERASE to confirm");
        }
        leads.erase(id, StaffAuth.session(ctx).staffId());
        ctx.redirect("/admin/leads/" + id, HttpStatus.SEE_OTHER);
    }

    public void outboxPage(Context ctx) {
        render(ctx, "admin/outbox.jte", new OutboxPage(meta("Outbox", "/admin/outbox"), nav(ctx), leads.unsent()));
    }

    public void retry(Context ctx) {
        leads.retryMessage(id(ctx), StaffAuth.session(ctx).staffId());
        var back = ctx.formParam("back");
        ctx.redirect(back != null && back.matches("/admin/leads/\\d+") ? back : "/admin/outbox", HttpStatus.SEE_OTHER);
    }

    /** The current filter as CSV (RFC 4180), streamed row by row, so memory stays flat at any size. */
    public void export(Context ctx) {
        var filter = filter(ctx, 0);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"leads-" + LocalDate.now() + ".csv\"");
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
                            safe(row.createdAt().toString()),
                            safe(row.status()),
                            safe(row.name()),
                            safe(row.email()),
                            safe(row.company()),
                            safe(row.country()),
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

    private Leads.Filter filter(Context ctx, int limit) {
        var status = param(ctx, "status");
        if (!status.isEmpty() && !Leads.STATUSES.contains(status)) {
            throw new BadRequestResponse("Unknown status");
        }
        var categorySlug = param(ctx, "category");
        List<String> categoryTerms = null;
        if (!categorySlug.isEmpty()) {
            categoryTerms = catalog.category(categorySlug)
                    .map(c -> c.terms().stream().map(Term::slug).toList())
                    .orElseThrow(() -> new BadRequestResponse("Unknown category"));
        }
        var q = param(ctx, "q");
        var before = param(ctx, "before");
        return new Leads.Filter(
                status.isEmpty() ? null : status,
                blankToNull(param(ctx, "term")),
                categoryTerms,
                date(param(ctx, "from")),
                date(param(ctx, "to")),
                q.isEmpty() ? null : q.substring(0, Math.min(q.length(), 200)),
                "yes".equals(ctx.queryParam("mine")) ? StaffAuth.session(ctx).staffId() : null,
                before.matches("\\d{1,18}") ? Long.parseLong(before) : null,
                limit);
    }

    private static String param(Context ctx, String name) {
        var value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
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

    private static long id(Context ctx) {
        var value = ctx.pathParam("id");
        if (!value.matches("\\d{1,18}")) {
            throw new NotFoundResponse();
        }
        return Long.parseLong(value);
    }
}
