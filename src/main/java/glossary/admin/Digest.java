package glossary.admin;

import glossary.inquiry.Inquiry;
import glossary.inquiry.InquiryMessages;
import glossary.inquiry.LeadStatus;
import glossary.mail.Letterhead;
import glossary.mail.MailSettings;
import glossary.mail.Outbox;
import glossary.mail.OutgoingMessage;
import glossary.term.TermCatalog;
import glossary.web.Templates;
import glossary.web.TimeSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's morning mail: the leads still waiting for a reply, oldest first, and the leads the
 * spam checks flagged the day before, each with a link to its page. Queued once a day across all
 * instances (a daily job, see {@code ops.Daily}) through the outbox, which sends it like any mail;
 * a day with nothing waiting and nothing flagged sends nothing. The message is composed when it is
 * sent, from what the database holds then: a lead answered or erased meanwhile is not in it.
 */
public final class Digest {
    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    public static final String KIND = "digest";
    /** Listed in full up to this many; the rest are counted, with a link to the inbox. */
    static final int LISTED = 50;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final Pattern DAY_IN_ID = Pattern.compile("^<digest-(\\d{4}-\\d{2}-\\d{2})@");

    /** One lead as the digest lists it. */
    public record Item(
            String reference,
            String who,
            String term,
            String waiting,
            String received,
            String firstLine,
            String reason,
            String url) {}

    /** The model of admin/digestMail.jte (HTML and text). */
    public record DigestMail(
            Letterhead head,
            String title,
            String preheader,
            List<Item> waiting,
            long waitingCount,
            String inboxUrl,
            List<Item> spam,
            long spamCount,
            String spamDay,
            String spamUrl,
            String reason) {

        public long waitingNotListed() {
            return waitingCount - waiting.size();
        }

        public long spamNotListed() {
            return spamCount - spam.size();
        }
    }

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final InquiryMessages messages;
    private final MailSettings mail;
    private final Templates templates;
    private final TermCatalog catalog;
    private final String baseUrl;
    private final Times times;
    private final ZoneId zone;
    private final String reason;

    public Digest(
            Jdbi jdbi,
            Outbox outbox,
            InquiryMessages messages,
            MailSettings mail,
            Templates templates,
            TermCatalog catalog,
            String baseUrl,
            TimeSettings time,
            DigestSettings settings,
            Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.messages = messages;
        this.mail = mail;
        this.templates = templates;
        this.catalog = catalog;
        this.baseUrl = baseUrl;
        this.zone = time.zone();
        this.times = new Times(zone, clock);
        this.reason = String.format(
                "Sent to the team (GLOSSARY_TEAM_EMAIL) each day at %02d:00 %s (GLOSSARY_DIGEST_HOUR) when a lead "
                        + "is waiting for a reply or was flagged as spam the day before.",
                settings.hour(), time.zoneName());
    }

    /**
     * The daily job: queues the digest for this day (in the firm's zone), unless there is nothing to
     * tell. The Message-ID names the day, so the outbox holds at most one digest per day.
     *
     * @return whether a digest was queued
     */
    public boolean queue(LocalDate day) {
        if (mail.teamAddresses().isEmpty()) {
            return false;
        }
        long waiting = jdbi.withHandle(h -> count(h, WAITING, null));
        long spam = jdbi.withHandle(h -> count(h, SPAM, day));
        if (waiting == 0 && spam == 0) {
            log.info("Digest for {}: nothing waiting for a reply, nothing flagged as spam; none sent", day);
            return false;
        }
        boolean queued = outbox.sendOnce(KIND, messageId(day));
        log.info(
                "Digest for {}: {} lead(s) waiting, {} flagged as spam the day before; queued {}",
                day,
                waiting,
                spam,
                queued);
        return queued;
    }

    /** {@code <digest-2026-12-01@domain>}: one per day, on the sender's domain like all the app's mail. */
    String messageId(LocalDate day) {
        return messages.messageId("digest-" + day);
    }

    /** The digest as it goes out now, for the day its Message-ID names. */
    public OutgoingMessage compose(String messageId) {
        var matcher = DAY_IN_ID.matcher(messageId);
        if (!matcher.find()) {
            throw new IllegalArgumentException("not a digest's Message-ID: " + messageId);
        }
        var day = LocalDate.parse(matcher.group(1));
        var model = jdbi.withHandle(h -> model(h, day));
        return new OutgoingMessage(
                        KIND,
                        messageId,
                        mail.teamAddresses(),
                        null,
                        model.title(),
                        templates.renderText("admin/digestMail.jte", model),
                        templates.renderString("admin/digestMail.jte", model))
                .automatic(false);
    }

    private DigestMail model(Handle h, LocalDate day) {
        var waiting = list(h, WAITING, null);
        long waitingCount = count(h, WAITING, null);
        var spam = list(h, SPAM, day);
        long spamCount = count(h, SPAM, day);
        var yesterday = day.minusDays(1);
        var title = "Leads: " + waitingCount + " waiting for a reply, " + spamCount + " flagged as spam ("
                + DAY.format(day) + ")";
        var preheader = waiting.isEmpty()
                ? "Nothing is waiting for a reply."
                : "Waiting longest: " + waiting.get(0).who() + ", "
                        + waiting.get(0).waiting() + ".";
        return new DigestMail(
                messages.letterhead(),
                title,
                preheader,
                waiting,
                waitingCount,
                baseUrl + "/admin/leads",
                spam,
                spamCount,
                DAY.format(yesterday),
                baseUrl + "/admin/leads?status=spam&from=" + yesterday + "&to=" + yesterday,
                reason);
    }

    /** Which leads a part of the digest is about: its condition on inquiry i, with :from and :to for a day. */
    private static final String WAITING = "i.status = '" + LeadStatus.NEW.label() + "' AND i.email_key IS NOT NULL";

    private static final String SPAM = "i.status = '" + LeadStatus.SPAM.label()
            + "' AND i.email_key IS NOT NULL AND i.created_at >= :from AND i.created_at < :to";

    private long count(Handle h, String condition, LocalDate day) {
        var query = h.createQuery("SELECT COUNT(*) FROM inquiry i WHERE " + condition);
        if (day != null) {
            bindDayBefore(query, day);
        }
        return query.mapTo(Long.class).one();
    }

    /** Oldest first: the one waiting longest leads the list. */
    private List<Item> list(Handle h, String condition, LocalDate day) {
        var query = h.createQuery("SELECT i.id, i.created_at, i.name, i.company, i.term_slug, i.message, "
                + "i.spam_reason FROM inquiry i WHERE " + condition + " ORDER BY i.created_at, i.id LIMIT " + LISTED);
        if (day != null) {
            bindDayBefore(query, day);
        }
        var items = new ArrayList<Item>();
        query.map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    var created = rs.getObject("created_at", OffsetDateTime.class);
                    var name = rs.getString("name").strip();
                    var company = rs.getString("company").strip();
                    return new Item(
                            Inquiry.reference(id, created),
                            company.isEmpty() || company.equals(name) ? name : name + ", " + company,
                            termTitle(rs.getString("term_slug")),
                            times.age(created),
                            times.exact(created),
                            firstLine(rs.getString("message")),
                            rs.getString("spam_reason") == null ? "" : rs.getString("spam_reason"),
                            baseUrl + "/admin/leads/" + id);
                })
                .forEach(items::add);
        return items;
    }

    /** The day before {@code day}, from midnight to midnight in the firm's zone. */
    private void bindDayBefore(org.jdbi.v3.core.statement.Query query, LocalDate day) {
        query.bind("from", day.minusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .bind("to", day.atStartOfDay(zone).toOffsetDateTime());
    }

    private String termTitle(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "Contact page";
        }
        return catalog.entry(slug).map(e -> e.term().title()).orElse(slug);
    }

    private static String firstLine(String message) {
        var line = message.strip().split("\\R", 2)[0];
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
