package glossary.admin;

import static glossary.admin.AdminPages.id;
import static glossary.admin.AdminPages.staffId;

import glossary.mail.Outbox;
import glossary.web.PageMeta;
import glossary.webhook.Webhook;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The outbox as staff see it: mail not yet sent, and putting a failed message back in the queue. */
public final class OutboxController {
    /** A message with its lead's reference and, when it failed, why in plain words. */
    public record Row(Outbox.Entry entry, String reference, String kind, String problem) {}

    public record OutboxPage(PageMeta meta, AdminPages.Nav nav, List<Row> rows) {}

    private final AdminPages pages;
    private final Outbox outbox;
    private final LeadWorkflow leads;
    private final LeadSearch search;

    public OutboxController(AdminPages pages, Outbox outbox, LeadWorkflow leads, LeadSearch search) {
        this.pages = pages;
        this.outbox = outbox;
        this.leads = leads;
        this.search = search;
    }

    public void outboxPage(Context ctx) {
        var entries = outbox.unsent(500);
        var ids = new ArrayList<Long>();
        for (var e : entries) {
            if (e.inquiryId() != null && !ids.contains(e.inquiryId())) {
                ids.add(e.inquiryId());
            }
        }
        var references = search.references(ids);
        var rows = new ArrayList<Row>();
        for (var e : entries) {
            rows.add(new Row(
                    e,
                    references.getOrDefault(e.inquiryId(), "–"),
                    kindName(e.kind()),
                    explain(e.kind(), e.lastError())));
        }
        pages.render(
                ctx, "admin/outbox.jte", new OutboxPage(pages.meta("Outbox", "/admin/outbox"), pages.nav(ctx), rows));
    }

    static String kindName(String kind) {
        return switch (kind) {
            case "team" -> "Team notification";
            case "ack" -> "Acknowledgement to the prospect";
            case Replies.KIND -> "Reply to the prospect";
            case Digest.KIND -> "Daily digest to the team";
            case Webhook.KIND -> "Webhook call (GLOSSARY_WEBHOOK_URL)";
            default -> kind;
        };
    }

    /** A lead's messages as its page lists them: what each is, its state, and any problem in plain words. */
    static List<Row> rows(List<Outbox.Entry> entries, String reference) {
        var rows = new ArrayList<Row>();
        for (var e : entries) {
            rows.add(new Row(e, reference, kindName(e.kind()), explain(e.kind(), e.lastError())));
        }
        return rows;
    }

    /** What a mail server's (or the webhook endpoint's) error means for the person reading the outbox. */
    static String explain(String kind, String error) {
        if (error == null || error.isBlank()) {
            return "";
        }
        var e = error.toLowerCase(Locale.ROOT);
        if (kind.equals(Webhook.KIND)) {
            if (e.contains("http ")) {
                return "The webhook endpoint did not take the call (" + error.replaceAll(".*(HTTP \\d+).*", "$1")
                        + ").";
            }
            if (e.contains("timeout") || e.contains("timed out")) {
                return "The webhook endpoint did not answer in time.";
            }
            return "The webhook endpoint could not be reached (GLOSSARY_WEBHOOK_URL).";
        }
        if (e.contains("authentication") || e.contains("535") || e.contains("auth")) {
            return "The mail server refused our user name or password (GLOSSARY_SMTP_USER / GLOSSARY_SMTP_PASSWORD).";
        }
        if (e.contains("connect") || e.contains("unknownhost") || e.contains("unknown host")) {
            return "The mail server could not be reached (GLOSSARY_SMTP_HOST and GLOSSARY_SMTP_PORT).";
        }
        if (e.contains("timed out") || e.contains("timeout")) {
            return "The mail server did not answer in time.";
        }
        if (e.contains("starttls") || e.contains("ssl") || e.contains("certificate")) {
            return "A secure connection to the mail server could not be set up (GLOSSARY_SMTP_TLS).";
        }
        if (e.contains("invalid address") || e.contains("550") || e.contains("553") || e.contains("recipient")) {
            return "The recipient's address was refused: check it for typos.";
        }
        return "The mail server refused the message.";
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
