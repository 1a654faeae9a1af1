package glossary.term;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Counts the searches that found nothing, so the content team can see which terms readers miss. */
public final class SearchMisses {
    static final int MAX_QUERY = 100;

    private final Jdbi jdbi;
    private final Clock clock;

    public SearchMisses(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(String query) {
        var key = Slugs.normalized(query);
        if (key.isEmpty()) {
            return;
        }
        var bounded = key.length() > MAX_QUERY ? key.substring(0, MAX_QUERY) : key;
        var now = OffsetDateTime.now(clock);
        if (increment(bounded, now) == 0) {
            try {
                jdbi.useHandle(h -> h.createUpdate(
                                "INSERT INTO search_miss (query, hits, first_seen, last_seen) VALUES (:q, 1, :now, :now)")
                        .bind("q", bounded)
                        .bind("now", now)
                        .execute());
            } catch (UnableToExecuteStatementException e) {
                increment(bounded, now); // another request inserted it first
            }
        }
    }

    private int increment(String query, OffsetDateTime now) {
        return jdbi.withHandle(
                h -> h.createUpdate("UPDATE search_miss SET hits = hits + 1, last_seen = :now WHERE query = :q")
                        .bind("q", query)
                        .bind("now", now)
                        .execute());
    }

    public long hits(String query) {
        return jdbi.withHandle(h -> h.createQuery("SELECT hits FROM search_miss WHERE query = :q")
                .bind("q", Slugs.normalized(query))
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    public record Miss(String query, long hits) {}

    /** The searches that most often found nothing: what readers want that the glossary lacks. */
    public List<Miss> top(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT query, hits FROM search_miss ORDER BY hits DESC, last_seen DESC LIMIT :limit")
                .bind("limit", limit)
                .map(ConstructorMapper.of(Miss.class))
                .list());
    }
}
