package glossary.ops;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs that run once a day across all instances. Every instance looks every so often; the first
 * whose conditional update on the {@code daily_job} row moves its day forward runs the job, the
 * others find the day taken. A job is due from an hour of the day in a zone (the day is that
 * zone's day): by default from midnight UTC.
 */
public final class Daily implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daily.class);
    /** Often enough that a job runs within a quarter of an hour after it is due, or after a start. */
    private static final Duration LOOK_EVERY = Duration.ofMinutes(15);

    /** From this hour (0 to 23) on, in this zone, the job is due for that zone's day. */
    private record Job(ZoneId zone, int hour, Consumer<LocalDate> run) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final String instance;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    public Daily(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
    }

    /** A job under a name that has its row in daily_job (added by the migration that brings the job), due from midnight UTC. */
    public Daily add(String name, Runnable job) {
        return add(name, ZoneOffset.UTC, 0, day -> job.run());
    }

    /**
     * A job due each day from {@code hour} o'clock in {@code zone}, and not before: an instance that
     * starts or looks earlier that day leaves it. The job is told which day (in that zone) it runs for.
     */
    public Daily add(String name, ZoneId zone, int hour, Consumer<LocalDate> job) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour of day " + hour + " is not between 0 and 23");
        }
        jobs.put(name, new Job(zone, hour, job));
        return this;
    }

    /** Looks now (in the background) and then every 15 minutes. */
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "daily");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runDue, 0, LOOK_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** True once the app is stopping: a long job stops between steps and the next day's run goes on. */
    public boolean stopping() {
        return stopping;
    }

    /** Runs each job whose day this instance wins; a failing job is logged and tried again the next day. */
    public void runDue() {
        for (var job : jobs.entrySet()) {
            try {
                var now = ZonedDateTime.now(clock.withZone(job.getValue().zone()));
                if (now.getHour() < job.getValue().hour()) {
                    continue; // not yet due today
                }
                var today = now.toLocalDate();
                if (claim(job.getKey(), today)) {
                    job.getValue().run().accept(today);
                }
            } catch (RuntimeException e) {
                log.warn("Daily job {} failed: {}", job.getKey(), e.toString());
            }
        }
    }

    /** True for exactly one caller per job and day, whichever instance it runs in. */
    boolean claim(String name, LocalDate day) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE daily_job SET last_day = :day, claimed_by = :me, "
                                + "claimed_at = :now WHERE name = :name AND (last_day IS NULL OR last_day < :day)")
                        .bind("day", day)
                        .bind("me", instance)
                        .bind("now", OffsetDateTime.now(clock))
                        .bind("name", name)
                        .execute())
                == 1;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            // No interrupt: an interrupted write on H2 closes its file. A job in progress finishes
            // (retention and backups check stopping() between their steps) before the pool closes.
            stopping = true;
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
