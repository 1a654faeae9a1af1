package glossary.admin;

import glossary.inquiry.LeadStatus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Counts of leads for the dashboard: per week, per term, and those still waiting for an answer. */
public final class LeadStats {
    public record Count(String label, long count) {}

    private final Jdbi jdbi;
    private final LeadSearch search;
    private final Clock clock;

    public LeadStats(Jdbi jdbi, LeadSearch search, Clock clock) {
        this.jdbi = jdbi;
        this.search = search;
        this.clock = clock;
    }

    public List<Count> perWeek(int weeks) {
        var counts = new TreeMap<String, Long>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT created_at FROM inquiry WHERE created_at >= :since AND status <> :spam")
                .bind("since", OffsetDateTime.now(clock).minusWeeks(weeks))
                .bind("spam", LeadStatus.SPAM.label())
                .mapTo(OffsetDateTime.class)
                .forEach(
                        t -> counts.merge(t.toLocalDate().with(DayOfWeek.MONDAY).toString(), 1L, Long::sum)));
        var result = new ArrayList<Count>();
        counts.forEach((week, n) -> result.add(new Count("week of " + week, n)));
        return result;
    }

    public List<Count> perTerm(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(term_slug, '(contact page)'), COUNT(*) FROM inquiry "
                        + "WHERE status <> :spam GROUP BY term_slug ORDER BY COUNT(*) DESC LIMIT :limit")
                .bind("spam", LeadStatus.SPAM.label())
                .bind("limit", limit)
                .map((rs, ctx) -> new Count(rs.getString(1), rs.getLong(2)))
                .list());
    }

    public Map<String, Long> inquiriesByTerm() {
        var map = new HashMap<String, Long>();
        jdbi.useHandle(h -> h.createQuery("SELECT term_slug, COUNT(*) FROM inquiry WHERE status <> :spam "
                        + "AND term_slug IS NOT NULL GROUP BY term_slug")
                .bind("spam", LeadStatus.SPAM.label())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    /** New leads nobody has answered for more than a day. */
    public List<LeadSearch.Row> waitingOverADay() {
        var rows = new ArrayList<LeadSearch.Row>();
        var filter = new LeadSearch.Filter(LeadStatus.NEW, null, null, null, null, null, null, null, 0);
        var cutoff = OffsetDateTime.now(clock).minusHours(24);
        search.stream(filter, 200, row -> {
            if (row.createdAt().isBefore(cutoff)) {
                rows.add(row);
            }
        });
        return rows;
    }
}
