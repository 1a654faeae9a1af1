package glossary.admin;

import glossary.inquiry.Inquiry;
import glossary.inquiry.LeadStatus;
import glossary.inquiry.SearchWords;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.EmptyHandling;
import org.jdbi.v3.core.statement.Query;

/** Finding leads: the inbox's filters, its keyset paging, and search through the word index. */
public final class LeadSearch {
    /**
     * WAITING: leads that need a reply first, longest waiting first, then the others newest first.
     * NEWEST: newest first. A search is always newest first.
     */
    public enum Sort {
        WAITING,
        NEWEST
    }

    /**
     * What the inbox shows. before: keyset cursor among newest-first rows; after: among the leads
     * that need a reply (oldest first); viewer: whose unread marks to show (null: nobody's).
     */
    public record Filter(
            LeadStatus status,
            String term,
            List<String> categoryTerms,
            LocalDate from,
            LocalDate to,
            String query,
            Long assignedTo,
            Long before,
            int limit,
            Sort sort,
            Long after,
            Long viewer) {

        public Filter(
                LeadStatus status,
                String term,
                List<String> categoryTerms,
                LocalDate from,
                LocalDate to,
                String query,
                Long assignedTo,
                Long before,
                int limit) {
            this(status, term, categoryTerms, from, to, query, assignedTo, before, limit, Sort.NEWEST, null, null);
        }
    }

    /** Which part of the waiting order a query reads. */
    private enum Segment {
        ALL,
        NEEDS_REPLY,
        ANSWERED
    }

    public record Row(
            long id,
            OffsetDateTime createdAt,
            String reference,
            String name,
            String email,
            String company,
            String country,
            String language,
            String termSlug,
            LeadStatus status,
            String assignee,
            boolean unread,
            String message,
            String utmSource,
            String referrer,
            String spamReason) {

        /** Nobody has replied, marked it contacted or closed it yet. */
        public boolean needsReply() {
            return status == LeadStatus.NEW;
        }

        /** The message's first line, cut to a preview's length. */
        public String firstLine() {
            if (message == null) {
                return "";
            }
            var line = message.strip().split("\\R", 2)[0];
            return line.length() > 120 ? line.substring(0, 119) + "…" : line;
        }
    }

    private static final int ID_CHUNK = 500;

    private final Jdbi jdbi;
    private final ZoneId zone;

    /** zone: the firm's, in which "from" and "to" dates begin and end. */
    public LeadSearch(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    public List<Row> page(Filter filter) {
        var rows = new ArrayList<Row>();
        if (filter.sort() != Sort.WAITING || filter.query() != null) {
            stream(filter, filter.limit(), rows::add);
            return rows;
        }
        // Waiting order: those needing a reply, oldest first (an index range on status and id), then
        // the rest newest first; the cursor says which part the page starts in.
        boolean wantsNew = filter.status() == null || filter.status() == LeadStatus.NEW;
        boolean wantsOthers = filter.status() != LeadStatus.NEW;
        if (wantsNew && filter.before() == null) {
            var ids = needsReplyIds(filter);
            if (!ids.isEmpty()) {
                query(filter, ids, filter.limit(), Segment.NEEDS_REPLY, rows::add);
            }
        }
        if (wantsOthers && rows.size() < filter.limit()) {
            query(filter, null, filter.limit() - rows.size(), Segment.ANSWERED, rows::add);
        }
        return rows;
    }

    /**
     * The page's leads that need a reply, oldest first, read from the (status, id) index alone: on
     * one table, ordered by both columns, H2 walks the index instead of sorting every new lead.
     */
    private List<Long> needsReplyIds(Filter filter) {
        var sql = new StringBuilder("SELECT i.id FROM inquiry i WHERE 1 = 1");
        var params = new LinkedHashMap<String, Object>();
        where(filter, sql, params, Segment.NEEDS_REPLY);
        sql.append(" ORDER BY i.status, i.id LIMIT ").append(filter.limit());
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString());
            params.forEach(query::bind);
            if (filter.categoryTerms() != null) {
                query.bindList(EmptyHandling.NULL_KEYWORD, "categoryTerms", filter.categoryTerms());
            }
            return query.mapTo(Long.class).list();
        });
    }

    /** Every matching lead, newest first, handed over one at a time (the CSV export streams them). */
    public void stream(Filter filter, int limit, Consumer<Row> each) {
        if (filter.query() == null) {
            query(filter, null, limit, Segment.ALL, each);
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
            query(filter, chunk, limit <= 0 ? 0 : limit - found[0], Segment.ALL, row -> {
                found[0]++;
                each.accept(row);
            });
        }
    }

    /**
     * Ids of the leads that have, for each query word (five at most), a word starting with it,
     * newest first. The rarest word is read first; the others only check those ids.
     */
    private long[] matchingIds(Set<String> words, Long before) {
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
            Arrays.sort(newestFirst);
            for (int i = 0, j = newestFirst.length - 1; i < j; i++, j--) {
                long swap = newestFirst[i];
                newestFirst[i] = newestFirst[j];
                newestFirst[j] = swap;
            }
            return newestFirst;
        });
    }

    private void query(Filter filter, List<Long> ids, int limit, Segment segment, Consumer<Row> each) {
        var sql = new StringBuilder(
                "SELECT i.id, i.created_at, i.name, i.email, i.company, i.country, i.language, i.term_slug, "
                        + "i.status, s.email AS assignee, "
                        + (filter.viewer() == null ? "FALSE" : "r.staff_id IS NULL")
                        + " AS unread, i.message, i.utm_source, i.referrer, i.spam_reason FROM inquiry i "
                        + "LEFT JOIN staff s ON s.id = i.assigned_to"
                        + (filter.viewer() == null
                                ? ""
                                : " LEFT JOIN lead_read r ON r.inquiry_id = i.id AND r.staff_id = :viewer")
                        + " WHERE 1 = 1");
        var params = new LinkedHashMap<String, Object>();
        if (filter.viewer() != null) {
            params.put("viewer", filter.viewer());
        }
        if (segment == Segment.NEEDS_REPLY && ids != null) {
            // The ids were chosen with every filter applied; repeating status = 'new' here would let
            // H2 walk that index over every new lead instead of looking up these few by key.
            sql.append(" AND i.id IN (<ids>)");
        } else {
            where(filter, sql, params, segment);
        }
        if (ids != null && segment != Segment.NEEDS_REPLY) {
            sql.append(" AND i.id IN (<ids>)");
        }
        sql.append(segment == Segment.NEEDS_REPLY ? " ORDER BY i.id ASC" : " ORDER BY i.id DESC");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        jdbi.useHandle(h -> {
            Query query = h.createQuery(sql.toString()).setFetchSize(500);
            params.forEach(query::bind);
            if (ids != null) {
                query.bindList("ids", ids);
            }
            if (filter.categoryTerms() != null && segment != Segment.NEEDS_REPLY) {
                // An empty category renders IN (NULL), which matches no lead.
                query.bindList(EmptyHandling.NULL_KEYWORD, "categoryTerms", filter.categoryTerms());
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
                                rs.getString("language"),
                                rs.getString("term_slug"),
                                LeadStatus.parse(rs.getString("status")).orElseThrow(),
                                rs.getString("assignee"),
                                rs.getBoolean("unread"),
                                rs.getString("message"),
                                rs.getString("utm_source"),
                                rs.getString("referrer"),
                                rs.getString("spam_reason"));
                    })
                    .stream()) {
                results.forEach(each);
            }
        });
    }

    private void where(Filter f, StringBuilder sql, Map<String, Object> params, Segment segment) {
        if (segment == Segment.NEEDS_REPLY) {
            sql.append(" AND i.status = :status");
            params.put("status", LeadStatus.NEW.label());
        } else if (f.status() != null) {
            sql.append(" AND i.status = :status");
            params.put("status", f.status().label());
        } else {
            sql.append(" AND i.status <> :spam"); // spam only when asked for
            params.put("spam", LeadStatus.SPAM.label());
            if (segment == Segment.ANSWERED) {
                sql.append(" AND i.status <> :new");
                params.put("new", LeadStatus.NEW.label());
            }
        }
        if (segment == Segment.NEEDS_REPLY && f.after() != null) {
            sql.append(" AND i.id > :after");
            params.put("after", f.after());
        }
        if (f.term() != null) {
            sql.append(" AND i.term_slug = :term");
            params.put("term", f.term());
        }
        if (f.categoryTerms() != null) {
            sql.append(" AND i.term_slug IN (<categoryTerms>)");
        }
        if (f.from() != null) {
            sql.append(" AND i.created_at >= :from");
            params.put("from", f.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.to() != null) {
            sql.append(" AND i.created_at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
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

    /** The references (GL-…) of these leads, by id. */
    public Map<Long, String> references(List<Long> ids) {
        var map = new LinkedHashMap<Long, String>();
        if (ids.isEmpty()) {
            return map;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT id, created_at FROM inquiry WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(
                        rs.getLong(1), Inquiry.reference(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    public Map<LeadStatus, Long> countsByStatus() {
        var counts = new EnumMap<LeadStatus, Long>(LeadStatus.class);
        for (var status : LeadStatus.values()) {
            counts.put(status, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) FROM inquiry GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> LeadStatus.parse(e.getKey()).ifPresent(s -> counts.put(s, e.getValue()))));
        return counts;
    }
}
