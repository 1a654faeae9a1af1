package glossary.admin;

import glossary.inquiry.Inquiry;
import glossary.inquiry.InquiryRepository;
import glossary.inquiry.LeadStatus;
import glossary.mail.Outbox;
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

    public record Detail(Inquiry inquiry, Long assignedTo, OffsetDateTime readAt) {
        public boolean erased() {
            return InquiryRepository.ERASED.equals(inquiry.form().name());
        }
    }

    private final Jdbi jdbi;
    private final InquiryRepository inquiries;
    private final Outbox outbox;
    private final Clock clock;

    public LeadWorkflow(Jdbi jdbi, InquiryRepository inquiries, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.inquiries = inquiries;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Optional<Detail> detail(long id) {
        return inquiries
                .find(id)
                .map(inquiry ->
                        jdbi.withHandle(h -> h.createQuery("SELECT assigned_to, read_at FROM inquiry WHERE id = :id")
                                .bind("id", id)
                                .map((rs, ctx) -> new Detail(
                                        inquiry,
                                        rs.getObject("assigned_to", Long.class),
                                        rs.getObject("read_at", OffsetDateTime.class)))
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
        return jdbi.inTransaction(h -> {
            var ids = sameAddress(h, id);
            for (long lead : ids) {
                inquiries.erase(h, lead);
                for (var table : List.of("lead_note", "lead_reply")) {
                    h.createUpdate("DELETE FROM " + table + " WHERE inquiry_id = :id")
                            .bind("id", lead)
                            .execute();
                }
                outbox.cancel(h, lead);
                event(
                        h,
                        lead,
                        staffId,
                        "erased",
                        "personal data erased on request, with " + (ids.size() - 1)
                                + " other lead(s) from the same address");
            }
            return ids.size();
        });
    }

    /** How many leads come from this lead's email address, itself included (0 once erased). */
    public int leadsOfSamePerson(long id) {
        return jdbi.withHandle(h -> sameAddress(h, id).size());
    }

    private static List<Long> sameAddress(Handle h, long id) {
        return h.createQuery("SELECT other.id FROM inquiry lead JOIN inquiry other ON other.email_key = lead.email_key "
                        + "WHERE lead.id = :id ORDER BY other.id")
                .bind("id", id)
                .mapTo(Long.class)
                .list();
    }

    private void event(Handle h, long id, long staffId, String action, String detail) {
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
