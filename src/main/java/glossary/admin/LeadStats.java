package glossary.admin;

import glossary.inquiry.LeadStatus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
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

    /** Spam flagged since then: what the spam review has to look at. */
    public long spamSince(OffsetDateTime since) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM inquiry WHERE status = :spam AND created_at >= :since")
                        .bind("spam", LeadStatus.SPAM.label())
                        .bind("since", since)
                        .mapTo(Long.class)
                        .one());
    }

    /** Speed to lead over leads received since then: how many, how many answered, median and p90 of the wait. */
    public record Speed(long received, long answered, Duration median, Duration p90) {}

    public Speed speed(OffsetDateTime since) {
        var waits = new ArrayList<Long>();
        long[] received = {0};
        jdbi.useHandle(h -> h.createQuery("SELECT created_at, first_response_at FROM inquiry "
                        + "WHERE created_at >= :since AND status <> :spam")
                .bind("since", since)
                .bind("spam", LeadStatus.SPAM.label())
                .map((rs, ctx) -> new OffsetDateTime[] {
                    rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)
                })
                .forEach(pair -> {
                    received[0]++;
                    if (pair[1] != null) {
                        waits.add(Duration.between(pair[0], pair[1]).getSeconds());
                    }
                }));
        waits.sort(null);
        return new Speed(received[0], waits.size(), percentile(waits, 50), percentile(waits, 90));
    }

    /** Nearest-rank percentile; null when there is nothing to rank. */
    static Duration percentile(List<Long> sortedSeconds, int p) {
        if (sortedSeconds.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedSeconds.size());
        return Duration.ofSeconds(sortedSeconds.get(Math.max(0, rank - 1)));
    }

    /** Leads that need a reply, by how long they have waited. */
    public List<Count> waitingByAge() {
        var now = OffsetDateTime.now(clock);
        var bands = new ArrayList<Count>();
        var edges = List.of(
                Map.entry("under 1 h", Duration.ofHours(1)),
                Map.entry("1–4 h", Duration.ofHours(4)),
                Map.entry("4–24 h", Duration.ofHours(24)),
                Map.entry("1–3 d", Duration.ofDays(3)),
                Map.entry("over 3 d", Duration.ofDays(100_000)));
        long[] counts = new long[edges.size()];
        jdbi.useHandle(h -> h.createQuery("SELECT created_at FROM inquiry WHERE status = :new")
                .bind("new", LeadStatus.NEW.label())
                .mapTo(OffsetDateTime.class)
                .forEach(t -> {
                    var age = Duration.between(t, now);
                    for (int i = 0; i < edges.size(); i++) {
                        if (age.compareTo(edges.get(i).getValue()) < 0 || i == edges.size() - 1) {
                            counts[i]++;
                            break;
                        }
                    }
                }));
        for (int i = 0; i < edges.size(); i++) {
            bands.add(new Count(edges.get(i).getKey(), counts[i]));
        }
        return bands;
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
