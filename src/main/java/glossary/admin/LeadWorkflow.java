package glossary.admin;

import glossary.inquiry.Inquiry;
import glossary.inquiry.InquiryRepository;
import glossary.inquiry.LeadStatus;
import glossary.mail.Outbox;
import glossary.webhook.Webhook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Working a lead: reading it, moving it along the workflow, notes, assignment and erasure, each
 * with an entry in its history. The lead's personal data belongs to the inquiry feature and its
 * mail to the outbox; this class asks them, in its own transaction, rather than writing their rows.
 */
public final class LeadWorkflow {
    public record Note(String author, OffsetDateTime at, String body) {}

    public record Event(String who, OffsetDateTime at, String action, String detail) {}

    public record Detail(Inquiry inquiry, Long assignedTo) {
        public boolean erased() {
            return InquiryRepository.ERASED.equals(inquiry.form().name());
        }
    }

    private final Jdbi jdbi;
    private final InquiryRepository inquiries;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter erasedOnRequest;
    private final Counter erasedByRetention;

    public LeadWorkflow(Jdbi jdbi, InquiryRepository inquiries, Outbox outbox, Clock clock, MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.inquiries = inquiries;
        this.outbox = outbox;
        this.clock = clock;
        this.erasedOnRequest = erasures(metrics, "request");
        this.erasedByRetention = erasures(metrics, "retention");
    }

    /** Leads erased, by why: a count only, nothing about whom. */
    private static Counter erasures(MeterRegistry metrics, String reason) {
        return Counter.builder("glossary.leads.erased")
                .tag("reason", reason)
                .description("Leads whose personal data was erased, on request or by the retention period")
                .register(metrics);
    }

    public Optional<Detail> detail(long id) {
        return inquiries
                .find(id)
                .map(inquiry -> jdbi.withHandle(h -> h.createQuery("SELECT assigned_to FROM inquiry WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new Detail(inquiry, rs.getObject("assigned_to", Long.class)))
                        .one()));
    }

    /** This staff member has seen the lead; others still see it unread. */
    public void markRead(long id, long staffId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO lead_read (staff_id, inquiry_id, read_at) "
                        + "VALUES (:staff, :id, :now) ON CONFLICT DO NOTHING")
                .bind("staff", staffId)
                .bind("now", OffsetDateTime.now(clock))
                .bind("id", id)
                .execute());
    }

    /**
     * Queues a reply to the prospect, keeps its text on the lead, moves a new lead to contacted and
     * records the first response, all in one transaction.
     *
     * @return false when the lead does not exist, is marked spam, or was erased
     */
    public boolean reply(long id, long staffId, String messageId, String body) {
        return jdbi.inTransaction(h -> {
            record Lead(String status, String emailKey) {}
            var lead = h.createQuery("SELECT status, email_key FROM inquiry WHERE id = :id FOR UPDATE")
                    .bind("id", id)
                    .map((rs, ctx) -> new Lead(rs.getString(1), rs.getString(2)))
                    .findOne();
            if (lead.isEmpty() || lead.get().emailKey() == null) {
                return false;
            }
            var from = LeadStatus.parse(lead.get().status()).orElseThrow();
            if (from == LeadStatus.SPAM) {
                return false;
            }
            var now = OffsetDateTime.now(clock);
            h.createUpdate("INSERT INTO lead_reply (inquiry_id, staff_id, created_at, message_id, body) "
                            + "VALUES (:id, :staff, :now, :mid, :body)")
                    .bind("id", id)
                    .bind("staff", staffId)
                    .bind("now", now)
                    .bind("mid", messageId)
                    .bind("body", body)
                    .execute();
            outbox.send(h, id, Replies.KIND, messageId);
            firstResponse(h, id, staffId);
            event(h, id, staffId, "replied", "reply queued for the prospect");
            if (from == LeadStatus.NEW) {
                h.createUpdate("UPDATE inquiry SET status = :to WHERE id = :id")
                        .bind("to", LeadStatus.CONTACTED.label())
                        .bind("id", id)
                        .execute();
                event(h, id, staffId, "status", from + " -> " + LeadStatus.CONTACTED);
            }
            return true;
        });
    }

    private void firstResponse(Handle h, long id, long staffId) {
        h.createUpdate("UPDATE inquiry SET first_response_at = :now, first_response_by = :staff "
                        + "WHERE id = :id AND first_response_at IS NULL")
                .bind("now", OffsetDateTime.now(clock))
                .bind("staff", staffId)
                .bind("id", id)
                .execute();
    }

    public List<Note> notes(long id) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT s.email AS author, n.created_at AS at, n.body FROM lead_note n "
                                + "JOIN staff s ON s.id = n.staff_id "
                                + "WHERE n.inquiry_id = :id ORDER BY n.id")
                        .bind("id", id)
                        .map(ConstructorMapper.of(Note.class))
                        .list());
    }

    public List<Event> history(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(s.email, 'system') AS who, e.created_at AS at, "
                        + "e.action, e.detail FROM lead_event e LEFT JOIN staff s ON s.id = e.staff_id "
                        + "WHERE e.inquiry_id = :id ORDER BY e.id")
                .bind("id", id)
                .map(ConstructorMapper.of(Event.class))
                .list());
    }

    public void addNote(long id, long staffId, String body) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO lead_note (inquiry_id, staff_id, created_at, body) "
                            + "VALUES (:id, :staff, :now, :body)")
                    .bind("id", id)
                    .bind("staff", staffId)
                    .bind("now", OffsetDateTime.now(clock))
                    .bind("body", body)
                    .execute();
            event(h, id, staffId, "note", "note added");
        });
    }

    /**
     * Moves a lead along the workflow; marking it spam holds its unsent mail, "not spam" releases it.
     *
     * @return false when the lead does not exist or may not move to that status from where it is
     */
    public boolean changeStatus(long id, long staffId, LeadStatus to) {
        return jdbi.inTransaction(h -> {
            var from = h.createQuery("SELECT status FROM inquiry WHERE id = :id FOR UPDATE")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne()
                    .flatMap(LeadStatus::parse);
            if (from.isEmpty() || !from.get().next().contains(to)) {
                return false;
            }
            if (to.answered()) {
                firstResponse(h, id, staffId);
            }
            h.createUpdate("UPDATE inquiry SET status = :to WHERE id = :id")
                    .bind("to", to.label())
                    .bind("id", id)
                    .execute();
            if (from.get() == LeadStatus.SPAM) {
                outbox.release(h, id);
                event(h, id, staffId, "not spam", "spam -> " + to + "; held mail released");
            } else if (to == LeadStatus.SPAM) {
                outbox.hold(h, id);
                event(h, id, staffId, "status", from.get() + " -> spam; unsent mail held");
            } else {
                event(h, id, staffId, "status", from.get() + " -> " + to);
            }
            return true;
        });
    }

    public void assign(long id, long staffId, Long assignee, String assigneeEmail) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE inquiry SET assigned_to = :a WHERE id = :id")
                    .bind("a", assignee)
                    .bind("id", id)
                    .execute();
            event(h, id, staffId, "assigned", assignee == null ? "unassigned" : "to " + assigneeEmail);
        });
    }

    /** Puts a failed or held message back in the queue; false when there is no such message to retry. */
    public boolean retryMessage(long outboxId, long staffId) {
        return jdbi.inTransaction(h -> {
            var inquiry = outbox.retry(h, outboxId);
            inquiry.ifPresent(id -> event(h, id, staffId, "retry", "message " + outboxId + " queued again"));
            return inquiry.isPresent();
        });
    }

    /**
     * Erases a person's data on request: every lead from the same email address, the notes about
     * them, and any mail to them not yet sent. The history of each lead stays (it never holds
     * personal data) and says it was erased.
     *
     * @return how many leads were erased
     */
    public int erasePerson(long id, long staffId) {
        int erased = jdbi.inTransaction(h -> {
            var ids = sameAddress(h, id);
            erase(
                    h,
                    ids,
                    staffId,
                    "personal data erased on request, with " + (ids.size() - 1)
                            + " other lead(s) from the same address");
            return ids.size();
        });
        erasedOnRequest.increment(erased);
        return erased;
    }

    /**
     * Erases one inquiry on request, leaving the person's other leads as they are (a person may ask
     * that one message be forgotten). Its history stays and says so.
     *
     * @return false when there is no such lead, or it was erased already
     */
    public boolean eraseLead(long id, long staffId) {
        boolean erased = jdbi.inTransaction(h -> {
            var key = h.createQuery("SELECT email_key FROM inquiry WHERE id = :id FOR UPDATE")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne();
            if (key.isEmpty()) {
                return false;
            }
            int others = sameAddress(h, id).size() - 1;
            erase(
                    h,
                    List.of(id),
                    staffId,
                    "personal data of this inquiry erased on request; " + others
                            + " other lead(s) from the same address kept");
            return true;
        });
        if (erased) {
            erasedOnRequest.increment();
        }
        return erased;
    }

    /**
     * Erases, as a staff erasure does, every lead of the person with this address whose last
     * activity is still before the cutoff; checked again here, in the erasing transaction, so a
     * person who has written since the due leads were listed keeps their data.
     *
     * @return how many leads were erased
     */
    int eraseExpired(String emailKey, OffsetDateTime cutoff, int months) {
        int erased = jdbi.inTransaction(h -> {
            var ids = h.createQuery("SELECT id FROM inquiry WHERE email_key = :key ORDER BY id FOR UPDATE")
                    .bind("key", emailKey)
                    .mapTo(Long.class)
                    .list();
            var last = h.createQuery("SELECT MAX(t) FROM (" + ACTIVITY + ") activity WHERE k = :key")
                    .bind("key", emailKey)
                    .mapTo(OffsetDateTime.class)
                    .findOne();
            if (ids.isEmpty() || last.isEmpty() || !last.get().isBefore(cutoff)) {
                return 0;
            }
            erase(
                    h,
                    ids,
                    null,
                    "personal data erased after " + months + " months without activity (retention), with "
                            + (ids.size() - 1) + " other lead(s) from the same address");
            return ids.size();
        });
        erasedByRetention.increment(erased);
        return erased;
    }

    /**
     * Every moment something happened with a person, by the address as compared (k): an inquiry,
     * a reply (the first answer), a note, a status change. Erased leads have no key and drop out.
     */
    static final String ACTIVITY = "SELECT k, t FROM (" + activity() + ") a";

    /** The same moments with a column {@code lead}: 1 for each lead (its inquiry), 0 for the rest. */
    static final String ACTIVITY_COUNTING_LEADS = activity();

    private static String activity() {
        return "SELECT email_key AS k, created_at AS t, 1 AS lead FROM inquiry WHERE email_key IS NOT NULL "
                + "UNION ALL SELECT email_key, first_response_at, 0 FROM inquiry "
                + "WHERE email_key IS NOT NULL AND first_response_at IS NOT NULL "
                + "UNION ALL SELECT i.email_key, n.created_at, 0 FROM lead_note n JOIN inquiry i ON i.id = n.inquiry_id "
                + "WHERE i.email_key IS NOT NULL "
                + "UNION ALL SELECT i.email_key, e.created_at, 0 FROM lead_event e JOIN inquiry i ON i.id = e.inquiry_id "
                + "WHERE i.email_key IS NOT NULL AND e.action IN ('status', 'not spam')";
    }

    private void erase(Handle h, List<Long> ids, Long staffId, String detail) {
        for (long lead : ids) {
            inquiries.erase(h, lead);
            h.createUpdate("DELETE FROM lead_reply WHERE inquiry_id = :id")
                    .bind("id", lead)
                    .execute();
            h.createUpdate("DELETE FROM lead_note WHERE inquiry_id = :id")
                    .bind("id", lead)
                    .execute();
            outbox.cancel(h, lead);
            event(h, lead, staffId, "erased", detail);
        }
    }

    /**
     * Everything held about the person who sent this lead, found by their address as compared:
     * what an access request is answered with. Staff are named by role only (their addresses are
     * their own data, not the person's).
     */
    public record PersonData(String email, String exportedAt, int retentionMonths, List<LeadData> leads) {}

    public record LeadData(
            String reference,
            String receivedAt,
            String status,
            String name,
            String email,
            String company,
            String role,
            String country,
            String phone,
            String message,
            String timeline,
            String term,
            String page,
            String referrer,
            String utmSource,
            String utmMedium,
            String utmCampaign,
            String utmTerm,
            String utmContent,
            String clientIp,
            String userAgent,
            List<NoteData> notes,
            List<EventData> history,
            List<MessageData> messages) {}

    public record NoteData(String at, String body) {}

    public record EventData(String at, String by, String action, String detail) {}

    public record MessageData(String kind, String state, String sentAt, int attempts) {}

    /**
     * The person's data, and an entry in the history of each of their leads saying it was handed
     * out (in the same transaction, so no export goes unrecorded).
     *
     * @return empty when the lead does not exist or was erased (nothing is held any more)
     */
    public Optional<PersonData> exportPerson(long id, long staffId, String format, int retentionMonths) {
        return jdbi.inTransaction(h -> {
            var ids = sameAddress(h, id);
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            var leads = new java.util.ArrayList<LeadData>();
            for (long lead : ids) {
                leads.add(leadData(h, lead));
            }
            for (long lead : ids) {
                event(h, lead, staffId, "export", "access request: " + ids.size() + " lead(s) exported as " + format);
            }
            return Optional.of(new PersonData(
                    InquiryRepository.emailKey(leads.get(0).email()),
                    OffsetDateTime.now(clock).toString(),
                    retentionMonths,
                    leads));
        });
    }

    private LeadData leadData(Handle h, long id) {
        var lead = h.createQuery("SELECT * FROM inquiry WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new LeadData(
                        Inquiry.reference(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class)),
                        rs.getObject("created_at", OffsetDateTime.class).toString(),
                        rs.getString("status"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("company"),
                        rs.getString("job_role"),
                        rs.getString("country"),
                        rs.getString("phone"),
                        rs.getString("message"),
                        rs.getString("timeline"),
                        rs.getString("term_slug"),
                        rs.getString("page"),
                        rs.getString("referrer"),
                        rs.getString("utm_source"),
                        rs.getString("utm_medium"),
                        rs.getString("utm_campaign"),
                        rs.getString("utm_term"),
                        rs.getString("utm_content"),
                        rs.getString("client_ip"),
                        rs.getString("user_agent"),
                        List.of(),
                        List.of(),
                        List.of()))
                .one();
        var notes = h.createQuery("SELECT created_at, body FROM lead_note WHERE inquiry_id = :id ORDER BY id")
                .bind("id", id)
                .map((rs, ctx) -> new NoteData(
                        rs.getObject("created_at", OffsetDateTime.class).toString(), rs.getString("body")))
                .list();
        var history = h.createQuery(
                        "SELECT created_at, staff_id, action, detail FROM lead_event WHERE inquiry_id = :id ORDER BY id")
                .bind("id", id)
                .map((rs, ctx) -> new EventData(
                        rs.getObject("created_at", OffsetDateTime.class).toString(),
                        rs.getObject("staff_id") == null ? "system" : "staff",
                        rs.getString("action"),
                        rs.getString("detail")))
                .list();
        var messages = new java.util.ArrayList<MessageData>();
        for (var entry : outbox.forInquiry(h, id)) {
            messages.add(new MessageData(
                    switch (entry.kind()) {
                        case "ack" -> "acknowledgement to you";
                        case Replies.KIND -> "reply to you";
                        case Webhook.KIND -> "copy to the firm's own systems (webhook)";
                        default -> "notification to our team";
                    },
                    entry.status().label(),
                    entry.sentAt() == null ? null : entry.sentAt().toString(),
                    entry.attempts()));
        }
        return new LeadData(
                lead.reference(),
                lead.receivedAt(),
                lead.status(),
                lead.name(),
                lead.email(),
                lead.company(),
                lead.role(),
                lead.country(),
                lead.phone(),
                lead.message(),
                lead.timeline(),
                lead.term(),
                lead.page(),
                lead.referrer(),
                lead.utmSource(),
                lead.utmMedium(),
                lead.utmCampaign(),
                lead.utmTerm(),
                lead.utmContent(),
                lead.clientIp(),
                lead.userAgent(),
                notes,
                history,
                messages);
    }

    /** Another lead from the same person, as the lead page lists it. */
    public record OtherLead(long id, String reference, OffsetDateTime at, String termSlug, LeadStatus status) {}

    /** The other leads from this lead's email address, newest first (none once erased). */
    public List<OtherLead> otherLeadsOfSamePerson(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT other.id, other.created_at, other.term_slug, other.status "
                        + "FROM inquiry lead JOIN inquiry other ON other.email_key = lead.email_key "
                        + "WHERE lead.id = :id AND other.id <> lead.id ORDER BY other.created_at DESC, other.id DESC")
                .bind("id", id)
                .map((rs, ctx) -> {
                    var at = rs.getObject("created_at", OffsetDateTime.class);
                    return new OtherLead(
                            rs.getLong("id"),
                            Inquiry.reference(rs.getLong("id"), at),
                            at,
                            rs.getString("term_slug"),
                            LeadStatus.parse(rs.getString("status")).orElseThrow());
                })
                .list());
    }

    private static List<Long> sameAddress(Handle h, long id) {
        return h.createQuery("SELECT other.id FROM inquiry lead JOIN inquiry other ON other.email_key = lead.email_key "
                        + "WHERE lead.id = :id ORDER BY other.id")
                .bind("id", id)
                .mapTo(Long.class)
                .list();
    }

    private void event(Handle h, long id, Long staffId, String action, String detail) {
        h.createUpdate("INSERT INTO lead_event (inquiry_id, staff_id, created_at, action, detail) "
                        + "VALUES (:id, :staff, :now, :action, :detail)")
                .bind("id", id)
                .bind("staff", staffId)
                .bind("now", OffsetDateTime.now(clock))
                .bind("action", action)
                .bind("detail", detail)
                .execute();
    }
}
