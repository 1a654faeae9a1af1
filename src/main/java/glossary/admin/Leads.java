package glossary.admin;

import glossary.inquiry.Inquiry;
import glossary.inquiry.InquiryRepository;
import glossary.inquiry.SearchWords;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The lead inbox: inquiries as staff work them, with notes, assignment and a history of every change. */
public final class Leads {
    public static final List<String> STATUSES = List.of("new", "contacted", "qualified", "won", "lost", "spam");

    /** Which status may follow which; "not spam" is spam back to new. */
    static final Map<String, Set<String>> NEXT = Map.of(
            "new", Set.of("contacted", "qualified", "lost", "spam"),
            "contacted", Set.of("qualified", "won", "lost", "spam"),
            "qualified", Set.of("contacted", "won", "lost"),
            "won", Set.of("qualified"),
            "lost", Set.of("contacted", "qualified"),
            "spam", Set.of("new"));

    public record Filter(
            String status,
            String term,
            List<String> categoryTerms,
            LocalDate from,
            LocalDate to,
            String query,
            Long assignedTo,
            Long before,
            int limit) {}

    public record Row(
            long id,
            OffsetDateTime createdAt,
            String reference,
            String name,
            String email,
            String company,
            String country,
            String termSlug,
            String status,
            String assignee,
            boolean unread,
            String message,
            String utmSource,
            String referrer) {}

    public record Note(String author, OffsetDateTime at, String body) {}

    public record Event(String who, OffsetDateTime at, String action, String detail) {}

    public record Detail(Inquiry inquiry, Long assignedTo, OffsetDateTime readAt) {}

    private final Jdbi jdbi;
    private final InquiryRepository inquiries;
    private final Clock clock;

    public Leads(Jdbi jdbi, InquiryRepository inquiries, Clock clock) {
        this.jdbi = jdbi;
        this.inquiries = inquiries;
        this.clock = clock;
    }

    public List<Row> page(Filter filter) {
        var rows = new ArrayList<Row>();
        stream(filter, filter.limit(), rows::add);
        return rows;
    }

    /** Every matching lead, newest first, handed over one at a time (the CSV export streams them). */
    public void stream(Filter filter, int limit, Consumer<Row> each) {
        if (filter.query() == null) {
            query(filter, null, limit, each);
            return;
        }
        // A search looks up each word in the word index, intersects the ids, and then reads the
        // leads in chunks of ids, newest first, applying the other filters, until it has enough.
        var ids = matchingIds(SearchWords.of(filter.query()), filter.before());
        int[] found = {0};
        for (int from = 0; from < ids.length && (limit <= 0 || found[0] < limit); from += ID_CHUNK) {
            var chunk = new ArrayList<Long>();
            for (int i = from; i < Math.min(ids.length, from + ID_CHUNK); i++) {
                chunk.add(ids[i]);
            }
            query(filter, chunk, limit <= 0 ? 0 : limit - found[0], row -> {
                found[0]++;
                each.accept(row);
            });
        }
    }

    private static final int ID_CHUNK = 500;

    /**
     * Ids of the leads that have, for each query word (five at most), a word starting with it,
     * newest first. The rarest word is read first; the others only check those ids.
     */
    private long[] matchingIds(java.util.Set<String> words, Long before) {
        var ranges = new ArrayList<String[]>();
        for (var word : words) {
            if (ranges.size() == 5) {
                break;
            }
            // A prefix as a range, word >= 'abc' AND word < 'abd', which any index can serve.
            var upper = word.substring(0, word.length() - 1) + (char) (word.charAt(word.length() - 1) + 1);
            ranges.add(new String[] {word, upper});
        }
        if (ranges.isEmpty()) {
            return new long[0];
        }
        var beforeClause = before == null ? "" : " AND inquiry_id < :before";
        return jdbi.withHandle(h -> {
            var counted = new ArrayList<Map.Entry<String[], Long>>();
            for (var range : ranges) {
                // Counted only up to a cap: which word is rarest matters, not by how much.
                counted.add(Map.entry(
                        range,
                        h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM inquiry_word WHERE word >= :lo "
                                        + "AND word < :hi" + beforeClause + " LIMIT 1000) capped")
                                .bind("lo", range[0])
                                .bind("hi", range[1])
                                .bind("before", before)
                                .mapTo(Long.class)
                                .one()));
            }
            counted.sort(Map.Entry.comparingByValue());
            List<Long> ids = null;
            for (var entry : counted) {
                var query = "SELECT DISTINCT inquiry_id FROM inquiry_word WHERE word >= :lo AND word < :hi"
                        + beforeClause + (ids == null ? "" : " AND inquiry_id IN (<ids>)");
                var statement = h.createQuery(query)
                        .bind("lo", entry.getKey()[0])
                        .bind("hi", entry.getKey()[1])
                        .bind("before", before);
                if (ids != null) {
                    if (ids.isEmpty()) {
                        break;
                    }
                    statement.bindList("ids", ids);
                }
                ids = statement.mapTo(Long.class).list();
            }
            var newestFirst = ids.stream().mapToLong(Long::longValue).toArray();
            java.util.Arrays.sort(newestFirst);
            for (int i = 0, j = newestFirst.length - 1; i < j; i++, j--) {
                long swap = newestFirst[i];
                newestFirst[i] = newestFirst[j];
                newestFirst[j] = swap;
            }
            return newestFirst;
        });
    }

    private void query(Filter filter, List<Long> ids, int limit, Consumer<Row> each) {
        var sql = new StringBuilder(
                "SELECT i.id, i.created_at, i.name, i.email, i.company, i.country, i.term_slug, i.status, "
                        + "s.email AS assignee, i.read_at, i.message, i.utm_source, i.referrer FROM inquiry i "
                        + "LEFT JOIN staff s ON s.id = i.assigned_to WHERE 1 = 1");
        var params = new LinkedHashMap<String, Object>();
        where(filter, sql, params);
        if (ids != null) {
            sql.append(" AND i.id IN (<ids>)");
        }
        sql.append(" ORDER BY i.id DESC");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        jdbi.useHandle(h -> {
            Query query = h.createQuery(sql.toString()).setFetchSize(500);
            params.forEach(query::bind);
            if (ids != null) {
                query.bindList("ids", ids);
            }
            try (var results = query
                    .map((rs, ctx) -> {
                        var created = rs.getObject("created_at", OffsetDateTime.class);
                        return new Row(
                                rs.getLong("id"),
                                created,
                                Inquiry.reference(rs.getLong("id"), created),
                                rs.getString("name"),
                                rs.getString("email"),
                                rs.getString("company"),
                                rs.getString("country"),
                                rs.getString("term_slug"),
                                rs.getString("status"),
                                rs.getString("assignee"),
                                rs.getObject("read_at") == null,
                                rs.getString("message"),
                                rs.getString("utm_source"),
                                rs.getString("referrer"));
                    })
                    .stream()) {
                results.forEach(each);
            }
        });
    }

    private static void where(Filter f, StringBuilder sql, Map<String, Object> params) {
        if (f.status() != null) {
            sql.append(" AND i.status = :status");
            params.put("status", f.status());
        } else {
            sql.append(" AND i.status <> 'spam'"); // spam only when asked for
        }
        if (f.term() != null) {
            sql.append(" AND i.term_slug = :term");
            params.put("term", f.term());
        }
        if (f.categoryTerms() != null) {
            sql.append(" AND i.term_slug IN ('')"); // '' matches nothing: an empty category finds no leads
            for (int i = 0; i < f.categoryTerms().size(); i++) {
                sql.insert(sql.length() - 1, ", :cat" + i);
                params.put("cat" + i, f.categoryTerms().get(i));
            }
        }
        if (f.from() != null) {
            sql.append(" AND i.created_at >= :from");
            params.put("from", f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND i.created_at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.assignedTo() != null) {
            sql.append(" AND i.assigned_to = :assignee");
            params.put("assignee", f.assignedTo());
        }
        if (f.before() != null) {
            sql.append(" AND i.id < :before");
            params.put("before", f.before());
        }
    }

    public Map<String, Long> countsByStatus() {
        var counts = new LinkedHashMap<String, Long>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) FROM inquiry GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    public Optional<Detail> detail(long id) {
        return inquiries
                .find(id)
                .map(inquiry ->
                        jdbi.withHandle(h -> h.createQuery("SELECT assigned_to, read_at FROM inquiry WHERE id = :id")
                                .bind("id", id)
                                .map((rs, ctx) -> new Detail(
                                        inquiry,
                                        (Long) rs.getObject("assigned_to", Long.class),
                                        rs.getObject("read_at", OffsetDateTime.class)))
                                .one()));
    }

    public void markRead(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE inquiry SET read_at = :now WHERE id = :id AND read_at IS NULL")
                .bind("now", now())
                .bind("id", id)
                .execute());
    }

    public List<Note> notes(long id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT s.email, n.created_at, n.body FROM lead_note n JOIN staff s ON s.id = n.staff_id "
                                + "WHERE n.inquiry_id = :id ORDER BY n.id")
                .bind("id", id)
                .map((rs, ctx) -> new Note(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .list());
    }

    public List<Event> history(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.email, e.created_at, e.action, e.detail FROM lead_event e "
                        + "LEFT JOIN staff s ON s.id = e.staff_id WHERE e.inquiry_id = :id ORDER BY e.id")
                .bind("id", id)
                .map((rs, ctx) -> new Event(
                        rs.getString(1) == null ? "system" : rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4)))
                .list());
    }

    public void addNote(long id, long staffId, String body) {
        jdbi.useTransaction(h -> {
            h.createUpdate(
                            "INSERT INTO lead_note (inquiry_id, staff_id, created_at, body) VALUES (:id, :staff, :now, :body)")
                    .bind("id", id)
                    .bind("staff", staffId)
                    .bind("now", now())
                    .bind("body", body)
                    .execute();
            event(h, id, staffId, "note", "note added");
        });
    }

    /** Moves a lead along the workflow; "not spam" also releases the mail that was held back. */
    public boolean changeStatus(long id, long staffId, String to) {
        return jdbi.inTransaction(h -> {
            var from = h.createQuery("SELECT status FROM inquiry WHERE id = :id FOR UPDATE")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne();
            if (from.isEmpty() || !NEXT.getOrDefault(from.get(), Set.of()).contains(to)) {
                return false;
            }
            h.createUpdate(
                            "UPDATE inquiry SET status = :to, first_response_at = COALESCE(first_response_at, "
                                    + "CASE WHEN :to IN ('contacted', 'qualified', 'won', 'lost') THEN :now END) WHERE id = :id")
                    .bind("to", to)
                    .bind("now", now())
                    .bind("id", id)
                    .execute();
            if (from.get().equals("spam")) {
                h.createUpdate(
                                "UPDATE outbox SET status = 'queued', next_attempt_at = :now WHERE inquiry_id = :id AND status = 'held'")
                        .bind("now", now())
                        .bind("id", id)
                        .execute();
                event(h, id, staffId, "not spam", "spam -> " + to + "; held mail released");
            } else if (to.equals("spam")) {
                h.createUpdate(
                                "UPDATE outbox SET status = 'held' WHERE inquiry_id = :id AND status IN ('queued', 'failed')")
                        .bind("id", id)
                        .execute();
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

    /** Puts a failed or held message back in the queue. */
    public int retryMessage(long outboxId, long staffId) {
        return jdbi.inTransaction(h -> {
            var inquiry = h.createQuery("SELECT inquiry_id FROM outbox WHERE id = :id AND status IN ('failed', 'held')")
                    .bind("id", outboxId)
                    .mapTo(Long.class)
                    .findOne();
            if (inquiry.isEmpty()) {
                return 0;
            }
            h.createUpdate("UPDATE outbox SET status = 'queued', next_attempt_at = :now, attempts = 0 WHERE id = :id")
                    .bind("now", now())
                    .bind("id", outboxId)
                    .execute();
            event(h, inquiry.get(), staffId, "retry", "message " + outboxId + " queued again");
            return 1;
        });
    }

    /**
     * Erases a lead's personal data on request. What stays: the row's id, date, term, status and
     * the history (which never holds personal data), plus an entry saying it was erased.
     */
    public void erase(long id, long staffId) {
        jdbi.useTransaction(h -> {
            h.createUpdate(
                            "UPDATE inquiry SET name = '[erased]', email = '[erased]', company = '[erased]', job_role = NULL, "
                                    + "country = '--', phone = NULL, message = '[erased]', page = NULL, referrer = NULL, utm_source = NULL, "
                                    + "utm_medium = NULL, utm_campaign = NULL, utm_term = NULL, utm_content = NULL, client_ip = '0.0.0.0', "
                                    + "user_agent = NULL, spam_reason = NULL WHERE id = :id")
                    .bind("id", id)
                    .execute();
            h.createUpdate("DELETE FROM lead_note WHERE inquiry_id = :id")
                    .bind("id", id)
                    .execute();
            h.createUpdate("DELETE FROM inquiry_word WHERE inquiry_id = :id")
                    .bind("id", id)
                    .execute();
            h.createUpdate(
                            "UPDATE outbox SET status = 'cancelled', last_error = NULL WHERE inquiry_id = :id AND status <> 'sent'")
                    .bind("id", id)
                    .execute();
            event(h, id, staffId, "erased", "personal data erased on request");
        });
    }

    // ---- Dashboard ----

    public record Count(String label, long count) {}

    public record Conversion(String slug, long views, long inquiries) {
        public String rate() {
            return views == 0 ? "–" : String.format(Locale.UK, "%.2f%%", 100.0 * inquiries / views);
        }
    }

    public List<Count> perWeek(int weeks) {
        var since = now().minusWeeks(weeks);
        var counts = new java.util.TreeMap<String, Long>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT created_at FROM inquiry WHERE created_at >= :since AND status <> 'spam'")
                .bind("since", since)
                .mapTo(OffsetDateTime.class)
                .forEach(t -> counts.merge(
                        t.toLocalDate().with(java.time.DayOfWeek.MONDAY).toString(), 1L, Long::sum)));
        var result = new ArrayList<Count>();
        counts.forEach((week, n) -> result.add(new Count("week of " + week, n)));
        return result;
    }

    public List<Count> perTerm(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(term_slug, '(contact page)'), COUNT(*) FROM inquiry "
                        + "WHERE status <> 'spam' GROUP BY term_slug ORDER BY COUNT(*) DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Count(rs.getString(1), rs.getLong(2)))
                .list());
    }

    public Map<String, Long> inquiriesByTerm() {
        var map = new HashMap<String, Long>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT term_slug, COUNT(*) FROM inquiry WHERE status <> 'spam' AND term_slug IS NOT NULL GROUP BY term_slug")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    public Map<String, Long> viewsByTerm() {
        var map = new HashMap<String, Long>();
        jdbi.useHandle(h -> h.createQuery("SELECT slug, SUM(views) FROM page_view GROUP BY slug")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    public List<Row> waitingOverADay() {
        var rows = new ArrayList<Row>();
        var filter = new Filter("new", null, null, null, null, null, null, null, 0);
        var cutoff = now().minusHours(24);
        stream(filter, 200, row -> {
            if (row.createdAt().isBefore(cutoff)) {
                rows.add(row);
            }
        });
        return rows;
    }

    public List<Count> topSearchMisses(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT query, hits FROM search_miss ORDER BY hits DESC, last_seen DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Count(rs.getString(1), rs.getLong(2)))
                .list());
    }

    public record OutboxRow(
            long id,
            long inquiryId,
            String kind,
            String status,
            int attempts,
            String lastError,
            OffsetDateTime nextAttemptAt) {}

    public List<OutboxRow> unsent() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, inquiry_id, kind, status, attempts, last_error, next_attempt_at FROM outbox "
                                + "WHERE status IN ('queued', 'sending', 'failed') ORDER BY id DESC LIMIT 500")
                .map((rs, ctx) -> new OutboxRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list());
    }

    private void event(Handle h, long id, long staffId, String action, String detail) {
        h.createUpdate(
                        "INSERT INTO lead_event (inquiry_id, staff_id, created_at, action, detail) VALUES (:id, :staff, :now, :action, :detail)")
                .bind("id", id)
                .bind("staff", staffId)
                .bind("now", now())
                .bind("action", action)
                .bind("detail", detail)
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
