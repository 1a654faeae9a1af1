package glossary.term;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Term page views, counted in memory (no cookie, no write per request) and added to the page_view
 * table every 30 seconds and on shutdown. Additions, not overwrites, so several instances add up.
 */
public final class PageViews implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PageViews.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "page-view-flush");
        thread.setDaemon(true);
        return thread;
    });

    public PageViews(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        flusher.scheduleWithFixedDelay(this::flushQuietly, 30, 30, TimeUnit.SECONDS);
    }

    /** Counts a page served from memory, when it is a term's. */
    public void countPath(String path) {
        if (path.startsWith(Term.path(""))) {
            count(path.substring(Term.path("").length()));
        }
    }

    public void count(String slug) {
        counts.computeIfAbsent(slug, k -> new LongAdder()).increment();
    }

    /** Moves what was counted so far into the database. */
    public void flush() {
        var day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (var slug : counts.keySet()) {
            var adder = counts.get(slug);
            long views = adder == null ? 0 : adder.sumThenReset();
            if (views == 0) {
                continue;
            }
            try {
                jdbi.useTransaction(h -> {
                    int updated = h.createUpdate(
                                    "UPDATE page_view SET views = views + :n WHERE view_day = :day AND slug = :slug")
                            .bind("n", views)
                            .bind("day", day)
                            .bind("slug", slug)
                            .execute();
                    if (updated == 0) {
                        h.createUpdate("INSERT INTO page_view (view_day, slug, views) VALUES (:day, :slug, :n)")
                                .bind("n", views)
                                .bind("day", day)
                                .bind("slug", slug)
                                .execute();
                    }
                });
            } catch (RuntimeException e) {
                adder.add(views); // keep them for the next flush
                throw e;
            }
        }
    }

    /** Views per term slug since counting began, as saved so far (flush first for the latest). */
    public Map<String, Long> byTerm() {
        var views = new HashMap<String, Long>();
        jdbi.useHandle(h -> h.createQuery("SELECT slug, SUM(views) FROM page_view GROUP BY slug")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> views.put(e.getKey(), e.getValue())));
        return views;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Page views not saved yet: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
