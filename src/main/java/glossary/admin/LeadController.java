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
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
            List<OutboxController.Row> messages,
            List<LeadStatus> nextStatuses,
            LeadStatus suggestedStatus,
            List<Staff.Member> staff,
            List<PersonLead> otherLeads,
            List<Replies.Reply> replies,
            String replySubject,
            String replyDraft,
            String mailtoHref,
            String telHref) {

        /** A reply can go to anyone who is neither marked spam nor erased. */
        public boolean canReply() {
            return !lead.erased() && lead.inquiry().status() != LeadStatus.SPAM;
        }

        /** This lead and the person's others: what "erase everything" erases. */
        public int leadsOfThisPerson() {
            return otherLeads.size() + 1;
        }
    }

    /** Another inquiry from the same address, with its term's title ("Contact page" for none). */
    public record PersonLead(long id, String reference, OffsetDateTime at, String term, LeadStatus status) {}

    private final AdminPages pages;
    private final LeadWorkflow leads;
    private final Staff staff;
    private final Outbox outbox;
    private final TermCatalog catalog;
    private final Templates templates;
    private final int retentionMonths;
    private final Replies replies;

    public LeadController(
            AdminPages pages,
            LeadWorkflow leads,
            Staff staff,
            Outbox outbox,
            TermCatalog catalog,
            Replies replies,
            Templates templates,
            int retentionMonths) {
        this.templates = templates;
        this.retentionMonths = retentionMonths;
        this.pages = pages;
        this.leads = leads;
        this.staff = staff;
        this.outbox = outbox;
        this.catalog = catalog;
        this.replies = replies;
    }

    public void lead(Context ctx) {
        long id = id(ctx);
        var detail = leads.detail(id).orElseThrow(NotFoundResponse::new);
        leads.markRead(id, staffId(ctx));
        var inquiry = detail.inquiry();
        var form = inquiry.form();
        var termTitle = termTitle(form.term());
        var subject = replies.subject(inquiry);
        var nav = pages.nav(ctx);
        pages.render(
                ctx,
                "admin/lead.jte",
                new LeadPage(
                        pages.meta("Lead " + inquiry.reference(), leadPath(id)),
                        nav,
                        detail,
                        Choices.countryName(form.country()),
                        Choices.timelineName(form.timeline()),
                        termTitle,
                        leads.notes(id),
                        leads.history(id),
                        OutboxController.rows(outbox.forInquiry(id), inquiry.reference()),
                        inquiry.status().next(),
                        suggested(inquiry.status()),
                        staff.all(),
                        otherLeads(id),
                        replies.of(id),
                        subject,
                        replies.draft(
                                inquiry, termTitle.isEmpty() ? "AI in your organisation" : termTitle, nav.email()),
                        "mailto:" + form.email() + "?subject=" + uriEncode(subject),
                        telHref(form.phone())));
    }

    private List<PersonLead> otherLeads(long id) {
        var others = new ArrayList<PersonLead>();
        for (var other : leads.otherLeadsOfSamePerson(id)) {
            var title = termTitle(other.termSlug());
            others.add(new PersonLead(
                    other.id(),
                    other.reference(),
                    other.at(),
                    title.isEmpty() ? "Contact page" : title,
                    other.status()));
        }
        return others;
    }

    /** The term's title, or its slug when the term is gone; empty for the contact page. */
    String termTitle(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "";
        }
        return catalog.entry(slug).map(e -> e.term().title()).orElse(slug);
    }

    /** The step a person most likely takes next, preselected in the status list. */
    static LeadStatus suggested(LeadStatus from) {
        return switch (from) {
            case NEW, LOST -> LeadStatus.CONTACTED;
            case CONTACTED, WON -> LeadStatus.QUALIFIED;
            case QUALIFIED -> LeadStatus.WON;
            case SPAM -> LeadStatus.NEW;
        };
    }

    static String telHref(String phone) {
        if (phone == null) {
            return "";
        }
        var digits = phone.replaceAll("[^0-9+]", "");
        return digits.replace("+", "").length() < 5 ? "" : "tel:" + digits;
    }

    private static String uriEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public void reply(Context ctx) {
        long id = id(ctx);
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        var body = ctx.formParam("body") == null ? "" : ctx.formParam("body").strip();
        if (body.isEmpty() || body.length() > Replies.MAX_LENGTH) {
            throw new BadRequestResponse("A reply must have 1 to " + Replies.MAX_LENGTH + " characters");
        }
        if (!leads.reply(id, staffId(ctx), replies.newMessageId(id), body)) {
            throw new BadRequestResponse("This lead cannot be replied to (marked spam or erased)");
        }
        pages.done(ctx, leadPath(id), "Reply queued to send; the lead is marked contacted");
    }

    public void changeStatus(Context ctx) {
        long id = id(ctx);
        var to = LeadStatus.parse(ctx.formParam("status"));
        if (to.isEmpty() || !leads.changeStatus(id, staffId(ctx), to.get())) {
            throw new BadRequestResponse("That status change is not possible");
        }
        pages.done(ctx, leadPath(id), statusMessage(to.get()));
    }

    static String statusMessage(LeadStatus to) {
        return switch (to) {
            case SPAM -> "Marked as spam; its unsent mail is held";
            case NEW -> "Marked as not spam; its held mail is on its way";
            default -> "Status changed to " + to.label();
        };
    }

    public void addNote(Context ctx) {
        long id = id(ctx);
        var body = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (body.isEmpty() || body.length() > 5000) {
            throw new BadRequestResponse("A note must have 1 to 5000 characters");
        }
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        leads.addNote(id, staffId(ctx), body);
        pages.done(ctx, leadPath(id), "Note added");
    }

    public void assign(Context ctx) {
        long id = id(ctx);
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        var member = member(ctx.formParam("assignee"));
        leads.assign(id, staffId(ctx), member == null ? null : member.id(), member == null ? null : member.email());
        pages.done(ctx, leadPath(id), member == null ? "Lead unassigned" : "Assigned to " + member.email());
    }

    /** The staff member a form names by id; null for "nobody". */
    Staff.Member member(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return staff.all().stream()
                .filter(m -> String.valueOf(m.id()).equals(value))
                .findFirst()
                .orElseThrow(() -> new BadRequestResponse("No such staff member"));
    }

    /** One action on many leads; each lead changes in its own transaction, with its own history entry. */
    public void bulk(Context ctx) {
        var ids = ctx.formParams("id");
        var action = ctx.formParam("action") == null ? "" : ctx.formParam("action");
        var back = ReturnPath.safe(ctx.formParam("back"));
        if (ids.isEmpty()) {
            pages.done(ctx, back, "Nothing changed: no lead was selected");
            return;
        }
        if (ids.size() > 500 || !ids.stream().allMatch(id -> id.matches("\\d{1,18}"))) {
            throw new BadRequestResponse("Select up to 500 leads");
        }
        int changed = 0;
        String done;
        if (action.startsWith("assign:")) {
            var member = member(action.substring("assign:".length()));
            for (var id : ids) {
                long lead = Long.parseLong(id);
                if (leads.detail(lead).isPresent()) {
                    leads.assign(
                            lead,
                            staffId(ctx),
                            member == null ? null : member.id(),
                            member == null ? null : member.email());
                    changed++;
                }
            }
            done = member == null ? "unassigned" : "assigned to " + member.email();
        } else if (action.startsWith("status:")) {
            var to = LeadStatus.parse(action.substring("status:".length()))
                    .orElseThrow(() -> new BadRequestResponse("Unknown status"));
            for (var id : ids) {
                if (leads.changeStatus(Long.parseLong(id), staffId(ctx), to)) {
                    changed++;
                }
            }
            done = switch (to) {
                case SPAM -> "marked as spam";
                case NEW -> "marked as not spam; their held mail is on its way";
                default -> "changed to " + to.label();
            };
        } else {
            throw new BadRequestResponse("Choose an action");
        }
        int skipped = ids.size() - changed;
        pages.done(
                ctx,
                back,
                changed
                        + (changed == 1 ? " lead " : " leads ")
                        + done
                        + (skipped == 0 ? "" : "; " + skipped + " skipped (not possible from their status)"));
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

    /**
     * Erasure on request, of this inquiry only ({@code scope=lead}) or of everything from its
     * address ({@code scope=person}); the form's two buttons say which, and nothing is assumed.
     */
    public void erase(Context ctx) {
        long id = id(ctx);
        leads.detail(id).orElseThrow(NotFoundResponse::new);
        var scope = ctx.formParam("scope");
        if (!"lead".equals(scope) && !"person".equals(scope)) {
            throw new BadRequestResponse("Choose what to erase: this inquiry, or everything from its address");
        }
        if (!"ERASE".equals(ctx.formParam("confirm"))) {
            throw new BadRequestResponse("Type ERASE to confirm");
        }
        if (scope.equals("lead")) {
            boolean erased = leads.eraseLead(id, staffId(ctx));
            pages.done(
                    ctx,
                    leadPath(id),
                    erased
                            ? "Personal data of this inquiry erased"
                            : "Nothing to erase: this inquiry was erased before");
            return;
        }
        int erased = leads.erasePerson(id, staffId(ctx));
        pages.done(ctx, leadPath(id), "Personal data erased from " + erased + (erased == 1 ? " lead" : " leads"));
    }
}
