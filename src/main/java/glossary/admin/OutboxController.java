package glossary.admin;

import static glossary.admin.AdminPages.id;
import static glossary.admin.AdminPages.staffId;

import glossary.mail.Outbox;
import glossary.web.PageMeta;
import io.javalin.http.Context;
import java.util.List;

/** The outbox as staff see it: mail not yet sent, and putting a failed message back in the queue. */
public final class OutboxController {
    public record OutboxPage(PageMeta meta, AdminPages.Nav nav, List<Outbox.Entry> rows) {}

    private final AdminPages pages;
    private final Outbox outbox;
    private final LeadWorkflow leads;

    public OutboxController(AdminPages pages, Outbox outbox, LeadWorkflow leads) {
        this.pages = pages;
        this.outbox = outbox;
        this.leads = leads;
    }

    public void outboxPage(Context ctx) {
        pages.render(
                ctx,
                "admin/outbox.jte",
                new OutboxPage(pages.meta("Outbox", "/admin/outbox"), pages.nav(ctx), outbox.unsent(500)));
    }

    /** Retried from the outbox page or a lead's page: back to where it was asked. */
    public void retry(Context ctx) {
        boolean queued = leads.retryMessage(id(ctx), staffId(ctx));
        var back = ctx.formParam("back");
        pages.done(
                ctx,
                back != null && back.matches("/admin/leads/\\d+") ? back : "/admin/outbox",
                queued ? "Message queued to send again" : "That message cannot be retried (already sent or gone)");
    }
}
