package glossary.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The outbox table. Messages are added in the transaction that creates their inquiry; a worker
 * claims one at a time with a lease, so a message is sent by one worker at once, and a message
 * whose worker died is picked up again when the lease runs out.
 */
public final class Outbox {
    /**
     * The states of a message, stored as their lower-case names. HELD: withheld while its inquiry
     * is marked spam; CANCELLED: never to be sent (its inquiry was erased).
     */
    public enum Status {
        QUEUED,
        SENDING,
        SENT,
        FAILED,
        HELD,
        CANCELLED;

        /** As stored in the outbox table and shown to staff. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return label();
        }

        static Status of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }

        /** A person may put the message back in the queue. */
        public boolean retryable() {
            return this == FAILED || this == HELD;
        }
    }

    /** One row as the admin pages and tests see it. */
    public record Entry(
            long id,
            Long inquiryId,
            String kind,
            String messageId,
            Status status,
            int attempts,
            String lastError,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime sentAt) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Runnable onQueued = () -> {};

    public Outbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The worker asks to be told when a message becomes due outside its own rounds. */
    void whenQueued(Runnable wake) {
        this.onQueued = wake;
    }

    /**
     * A message claimed by a worker: which inquiry (null for a message about many, such as the
     * digest), which kind of message, under which Message-ID (or delivery id, for a webhook call).
     */
    record Claimed(long id, Long inquiryId, String kind, String messageId) {}

    /** Adds a message inside the caller's transaction; a held message waits for a person to release it. */
    public void enqueue(Handle handle, long inquiryId, String kind, String messageId, boolean held) {
        var now = OffsetDateTime.now(clock);
        handle.createUpdate(
                        "INSERT INTO outbox (inquiry_id, kind, message_id, status, attempts, next_attempt_at, created_at) "
                                + "VALUES (:inquiry, :kind, :messageId, :status, 0, :now, :now)")
                .bind("inquiry", inquiryId)
                .bind("kind", kind)
                .bind("messageId", messageId)
                .bind("status", (held ? Status.HELD : Status.QUEUED).label())
                .bind("now", now)
                .execute();
    }

    /** Adds a message to send now, inside the caller's transaction, and wakes the worker once committed. */
    public void send(Handle handle, long inquiryId, String kind, String messageId) {
        enqueue(handle, inquiryId, kind, messageId, false);
        handle.afterCommit(this::wake);
    }

    /**
     * Adds a message that belongs to no one inquiry (the team's digest) to send now, unless a message
     * with this Message-ID is already there, and wakes the worker.
     *
     * @return false when the message was already queued (by this or another instance)
     */
    public boolean sendOnce(String kind, String messageId) {
        var now = OffsetDateTime.now(clock);
        int added = jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO outbox (kind, message_id, status, attempts, next_attempt_at, created_at) "
                                + "VALUES (:kind, :messageId, :status, 0, :now, :now) ON CONFLICT DO NOTHING")
                .bind("kind", kind)
                .bind("messageId", messageId)
                .bind("status", Status.QUEUED.label())
                .bind("now", now)
                .execute());
        if (added == 1) {
            wake();
        }
        return added == 1;
    }

    /** Withholds an inquiry's unsent mail (it was marked spam), in the caller's transaction. */
    public void hold(Handle handle, long inquiryId) {
        handle.createUpdate("UPDATE outbox SET status = :held WHERE inquiry_id = :id AND status IN (<unsent>)")
                .bind("held", Status.HELD.label())
                .bindList("unsent", List.of(Status.QUEUED.label(), Status.FAILED.label()))
                .bind("id", inquiryId)
                .execute();
    }

    /** Queues an inquiry's held mail again (it was not spam after all) and wakes the worker once committed. */
    public void release(Handle handle, long inquiryId) {
        handle.createUpdate("UPDATE outbox SET status = :queued, next_attempt_at = :now WHERE inquiry_id = :id "
                        + "AND status = :held")
                .bind("queued", Status.QUEUED.label())
                .bind("held", Status.HELD.label())
                .bind("now", OffsetDateTime.now(clock))
                .bind("id", inquiryId)
                .execute();
        handle.afterCommit(this::wake);
    }

    /** Makes sure an inquiry's unsent mail never goes out (it was erased), in the caller's transaction. */
    public void cancel(Handle handle, long inquiryId) {
        handle.createUpdate("UPDATE outbox SET status = :cancelled, last_error = NULL, locked_by = NULL, "
                        + "locked_until = NULL WHERE inquiry_id = :id AND status <> :sent")
                .bind("cancelled", Status.CANCELLED.label())
                .bind("sent", Status.SENT.label())
                .bind("id", inquiryId)
                .execute();
    }

    /**
     * Puts a failed or held message back in the queue with fresh attempts, in the caller's
     * transaction, and wakes the worker once committed.
     *
     * @return the message's inquiry, or empty when there is no such message or it cannot be retried
     */
    public Optional<Long> retry(Handle handle, long id) {
        var entry = entry(handle, id).filter(e -> e.status().retryable());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        handle.createUpdate("UPDATE outbox SET status = :queued, next_attempt_at = :now, attempts = 0 WHERE id = :id")
                .bind("queued", Status.QUEUED.label())
                .bind("now", OffsetDateTime.now(clock))
                .bind("id", id)
                .execute();
        handle.afterCommit(this::wake);
        return Optional.ofNullable(entry.get().inquiryId());
    }

    private void wake() {
        onQueued.run();
    }

    /** Ids of messages that are due, or whose claim has expired, oldest first. */
    List<Long> due(int limit) {
        return due(limit, List.of());
    }

    /** The same, of these kinds only (all kinds when the list is empty). */
    List<Long> due(int limit, List<String> kinds) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT id FROM outbox WHERE ((status = :queued AND next_attempt_at "
                            + "<= :now) OR (status = :sending AND locked_until < :now))"
                            + (kinds.isEmpty() ? "" : " AND kind IN (<kinds>)") + " ORDER BY id LIMIT :limit")
                    .bind("queued", Status.QUEUED.label())
                    .bind("sending", Status.SENDING.label())
                    .bind("now", OffsetDateTime.now(clock))
                    .bind("limit", limit);
            if (!kinds.isEmpty()) {
                query.bindList("kinds", kinds);
            }
            return query.mapTo(Long.class).list();
        });
    }

    /**
     * Claims a message for this worker. The conditions are repeated in the UPDATE so that of two
     * workers racing for the same row, only one sees it still claimable.
     */
    Optional<Claimed> claim(long id, String worker, Duration lease) {
        var now = OffsetDateTime.now(clock);
        return jdbi.inTransaction(h -> {
            int claimed = h.createUpdate("UPDATE outbox SET status = :sending, locked_by = :worker, locked_until = "
                            + ":until, attempts = attempts + 1 WHERE id = :id AND ((status = :queued AND "
                            + "next_attempt_at <= :now) OR (status = :sending AND locked_until < :now))")
                    .bind("queued", Status.QUEUED.label())
                    .bind("sending", Status.SENDING.label())
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
                    .map(ConstructorMapper.of(Claimed.class))
                    .findOne();
        });
    }

    void sent(long id, String worker) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET status = :sent, sent_at = :now, locked_by = NULL, "
                        + "locked_until = NULL, last_error = NULL WHERE id = :id AND locked_by = :worker")
                .bind("sent", Status.SENT.label())
                .bind("now", OffsetDateTime.now(clock))
                .bind("id", id)
                .bind("worker", worker)
                .execute());
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or failed for good when that is null. */
    int failed(long id, String worker, String error, Instant retryAt) {
        var status = retryAt == null ? Status.FAILED : Status.QUEUED;
        var next = retryAt == null ? OffsetDateTime.now(clock) : OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE outbox SET status = :status, next_attempt_at = :next, "
                                + "last_error = :error, locked_by = NULL, locked_until = NULL WHERE id = :id AND locked_by = :worker")
                .bind("status", status.label())
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

    private static final String ENTRY_COLUMNS =
            "id, inquiry_id, kind, message_id, status, attempts, last_error, next_attempt_at, sent_at";

    public List<Entry> forInquiry(long inquiryId) {
        return jdbi.withHandle(h -> forInquiry(h, inquiryId));
    }

    /** An inquiry's messages, read in the caller's transaction. */
    public List<Entry> forInquiry(Handle handle, long inquiryId) {
        return handle.createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox WHERE inquiry_id = :id ORDER BY id")
                .bind("id", inquiryId)
                .map(Outbox::entry)
                .list();
    }

    /** Messages not yet sent and not given up on by a person, newest first: what the outbox page lists. */
    public List<Entry> unsent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ENTRY_COLUMNS
                        + " FROM outbox WHERE status IN (<unsent>) ORDER BY id DESC LIMIT :limit")
                .bindList("unsent", List.of(Status.QUEUED.label(), Status.SENDING.label(), Status.FAILED.label()))
                .bind("limit", limit)
                .map(Outbox::entry)
                .list());
    }

    private static Optional<Entry> entry(Handle handle, long id) {
        return handle.createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox WHERE id = :id")
                .bind("id", id)
                .map(Outbox::entry)
                .findOne();
    }

    private static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getObject("inquiry_id", Long.class),
                rs.getString("kind"),
                rs.getString("message_id"),
                Status.of(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class));
    }

    /**
     * What the admin banner needs, cheaply (index ranges, counts capped): failed messages, queued
     * ones, and the earliest time a queued message was due (it waits since then).
     */
    public record Backlog(long failed, long queued, OffsetDateTime oldestDue) {}

    public Backlog backlog() {
        return jdbi.withHandle(h -> {
            var failed = h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE status = :s LIMIT 10000) c")
                    .bind("s", Status.FAILED.label())
                    .mapTo(Long.class)
                    .one();
            var queued = h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE status = :s LIMIT 10000) c")
                    .bind("s", Status.QUEUED.label())
                    .mapTo(Long.class)
                    .one();
            var oldest = h.createQuery("SELECT next_attempt_at FROM outbox WHERE status = :s "
                            + "ORDER BY next_attempt_at LIMIT 1")
                    .bind("s", Status.QUEUED.label())
                    .mapTo(OffsetDateTime.class)
                    .findOne()
                    .orElse(null);
            return new Backlog(failed, queued, oldest);
        });
    }

    public long count(Status status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = :s")
                .bind("s", status.label())
                .mapTo(Long.class)
                .one());
    }

    /** Mail waiting and failed, counted in the database, so every instance reports the same figure. */
    public void registerMetrics(MeterRegistry registry) {
        for (var status : List.of(Status.QUEUED, Status.FAILED, Status.HELD)) {
            Gauge.builder("glossary.outbox.messages", this, outbox -> outbox.countOrNaN(status))
                    .tag("status", status.label())
                    .description("Messages in the outbox by state")
                    .register(registry);
        }
    }

    private double countOrNaN(Status status) {
        try {
            return count(status);
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away; the scrape still answers
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
