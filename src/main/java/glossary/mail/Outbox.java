package glossary.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox table. Messages are added in the transaction that creates their inquiry; a worker
 * claims one at a time with a lease, so a message is sent by one worker at once, and a message
 * whose worker died is picked up again when the lease runs out.
 */
public final class Outbox {
    public enum Status {
        QUEUED,
        SENDING,
        SENT,
        FAILED,
        HELD
    }

    /** One row as the admin pages and tests see it. */
    public record Entry(
            long id,
            Long inquiryId,
            String kind,
            String messageId,
            String status,
            int attempts,
            String lastError,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime sentAt) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public Outbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A message claimed by a worker: which inquiry, which kind of message, under which Message-ID. */
    record Claimed(long id, long inquiryId, String kind, String messageId) {}

    /** Adds a message inside the caller's transaction; a held message waits for a person to release it. */
    public void enqueue(Handle handle, long inquiryId, String kind, String messageId, boolean held) {
        var now = now();
        handle.createUpdate(
                        "INSERT INTO outbox (inquiry_id, kind, message_id, status, attempts, next_attempt_at, created_at) "
                                + "VALUES (:inquiry, :kind, :messageId, :status, 0, :now, :now)")
                .bind("inquiry", inquiryId)
                .bind("kind", kind)
                .bind("messageId", messageId)
                .bind("status", (held ? Status.HELD : Status.QUEUED).name().toLowerCase())
                .bind("now", now)
                .execute();
    }

    /** Ids of messages that are due, or whose claim has expired, oldest first. */
    List<Long> due(int limit) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT id FROM outbox WHERE (status = 'queued' AND next_attempt_at <= :now) "
                                + "OR (status = 'sending' AND locked_until < :now) ORDER BY id LIMIT :limit")
                        .bind("now", now())
                        .bind("limit", limit)
                        .mapTo(Long.class)
                        .list());
    }

    /**
     * Claims a message for this worker. The conditions are repeated in the UPDATE so that of two
     * workers racing for the same row, only one sees it still claimable.
     */
    Optional<Claimed> claim(long id, String worker, Duration lease) {
        var now = now();
        return jdbi.inTransaction(h -> {
            int claimed = h.createUpdate(
                            "UPDATE outbox SET status = 'sending', locked_by = :worker, locked_until = :until, "
                                    + "attempts = attempts + 1 WHERE id = :id AND ((status = 'queued' AND next_attempt_at <= :now) "
                                    + "OR (status = 'sending' AND locked_until < :now))")
                    .bind("worker", worker)
                    .bind("until", now.plus(lease))
                    .bind("id", id)
                    .bind("now", now)
                    .execute();
            if (claimed == 0) {
                return Optional.empty();
            }
            return h.createQuery("SELECT id, inquiry_id, kind, message_id FROM outbox WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> new Claimed(
                            rs.getLong("id"),
                            rs.getLong("inquiry_id"),
                            rs.getString("kind"),
                            rs.getString("message_id")))
                    .findOne();
        });
    }

    void sent(long id, String worker) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET status = 'sent', sent_at = :now, locked_by = NULL, "
                        + "locked_until = NULL, last_error = NULL WHERE id = :id AND locked_by = :worker")
                .bind("now", now())
                .bind("id", id)
                .bind("worker", worker)
                .execute());
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or failed for good when that is null. */
    int failed(long id, String worker, String error, Instant retryAt) {
        var status = retryAt == null ? "failed" : "queued";
        var next = retryAt == null ? now() : OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE outbox SET status = :status, next_attempt_at = :next, "
                                + "last_error = :error, locked_by = NULL, locked_until = NULL WHERE id = :id AND locked_by = :worker")
                .bind("status", status)
                .bind("next", next)
                .bind("error", truncate(error, 1000))
                .bind("id", id)
                .bind("worker", worker)
                .execute());
    }

    int attempts(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT attempts FROM outbox WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
    }

    public List<Entry> forInquiry(long inquiryId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, inquiry_id, kind, message_id, status, attempts, last_error, "
                                + "next_attempt_at, sent_at FROM outbox WHERE inquiry_id = :id ORDER BY id")
                .bind("id", inquiryId)
                .map((rs, ctx) -> new Entry(
                        rs.getLong("id"),
                        rs.getLong("inquiry_id"),
                        rs.getString("kind"),
                        rs.getString("message_id"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class)))
                .list());
    }

    public long count(Status status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = :s")
                .bind("s", status.name().toLowerCase())
                .mapTo(Long.class)
                .one());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
