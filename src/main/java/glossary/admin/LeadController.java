package glossary.admin;

import static glossary.admin.AdminPages.id;
import static glossary.admin.AdminPages.leadPath;
import static glossary.admin.AdminPages.staffId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import glossary.inquiry.Choices;
import glossary.inquiry.LeadStatus;
import glossary.mail.Outbox;
import glossary.term.TermCatalog;
import glossary.web.CachedPage;
import glossary.web.PageMeta;
import glossary.web.Templates;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Locale;

/** One lead: everything about it on one page, and the forms that work it. */
public final class LeadController {
    public record LeadPage(
            PageMeta meta,
            AdminPages.Nav nav,
            LeadWorkflow.Detail lead,
            String country,
            String timeline,
            String termTitle,
            List<LeadWorkflow.Note> notes,
            List<LeadWorkflow.Event> history,
            List<Outbox.Entry> messages,
            List<LeadStatus> nextStatuses,
            List<Staff.Member> staff,
            int leadsOfThisPerson) {}

    private final AdminPages pages;
    private final LeadWorkflow leads;
    private final Staff staff;
    private final Outbox outbox;
    private final TermCatalog catalog;
    private final Templates templates;
    private final int retentionMonths;

    public LeadController(
            AdminPages pages,
            LeadWorkflow leads,
            Staff staff,
            Outbox outbox,
            TermCatalog catalog,
            Templates templates,
            int retentionMonths) {
        this.templates = templates;
        this.retentionMonths = retentionMonths;
        this.pages = pages;
        this.leads = leads;
        this.staff = staff;
        this.outbox = outbox;
        this.catalog = catalog;
    }

    public void lead(Context ctx) {
        long id = id(ctx);
        var detail = leads.detail(id).orElseThrow(NotFoundResponse::new);
        leads.markRead(id);
        var form = detail.inquiry().form();
        var term = form.term().isEmpty()
                ? null
                : catalog.entry(form.term()).map(TermCatalog.Entry::term).orElse(null);
        pages.render(
                ctx,
                "admin/lead.jte",
                new LeadPage(
                        pages.meta("Lead " + detail.inquiry().reference(), leadPath(id)),
                        pages.nav(ctx),
                        detail,
                        Choices.countryName(form.country()),
                        Choices.timelineName(form.timeline()),
                        term == null ? form.term() : term.title(),
                        leads.notes(id),
                        leads.history(id),
                        outbox.forInquiry(id),
                        detail.inquiry().status().next(),
                        staff.all(),
                        leads.leadsOfSamePerson(id)));
    }

    public void changeStatus(Context ctx) {
        long id = id(ctx);
        var to = LeadStatus.parse(ctx.formParam("status"));
        if (to.isEmpty() || !leads.changeStatus(id, staffId(ctx), to.get())) {
            throw new BadRequestResponse("That status change is not possible");
        }
        ctx.redirect(leadPath(id), HttpStatus.SEE_OTHER);
    }

    public void addNote(Context ctx) {
        long id = id(ctx);
        var body = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (body.isEmpty() || body.length() > 5000) {
            throw new BadRequestResponse("A note must have 1 to 5000 characters");
        }
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        leads.addNote(id, staffId(ctx), body);
        ctx.redirect(leadPath(id), HttpStatus.SEE_OTHER);
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
        leads.assign(id, staffId(ctx), member == null ? null : member.id(), member == null ? null : member.email());
        ctx.redirect(leadPath(id), HttpStatus.SEE_OTHER);
    }

    /** The page handed to a person who asked what we hold about them: no admin chrome, nothing to load. */
    public record ExportPage(LeadWorkflow.PersonData person) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * An access request: everything held about the person who sent this lead, as JSON or as a
     * readable HTML page, downloaded as a file and recorded in the history of each of their leads.
     */
    public void export(Context ctx) {
        long id = id(ctx);
        var format = ctx.formParam("format");
        if (!"json".equals(format) && !"html".equals(format)) {
            throw new BadRequestResponse("Choose JSON or HTML");
        }
        var person = leads.exportPerson(id, staffId(ctx), format.toUpperCase(Locale.ROOT), retentionMonths)
                .orElseThrow(NotFoundResponse::new);
        var reference = person.leads().get(0).reference();
        byte[] body;
        if (format.equals("json")) {
            try {
                body = JSON.writeValueAsBytes(person);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            ctx.contentType("application/json; charset=utf-8");
        } else {
            body = templates.render("admin/export.jte", new ExportPage(person));
            ctx.contentType(CachedPage.HTML);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"personal-data-" + reference + "." + format + "\"");
        ctx.result(body);
    }

    public void erase(Context ctx) {
        long id = id(ctx);
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        if (!"ERASE".equals(ctx.formParam("confirm"))) {
            throw new BadRequestResponse("Type ERASE to confirm");
        }
        leads.erasePerson(id, staffId(ctx));
        ctx.redirect(leadPath(id), HttpStatus.SEE_OTHER);
    }
}
