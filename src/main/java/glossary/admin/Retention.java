package glossary.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention period the privacy notice promises: a person's leads are erased, exactly as a
 * staff erasure does, once nothing has happened with them (inquiry, reply, note, status change)
 * for this many months. Run once a day across all instances (see {@code ops.Daily}).
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Jdbi jdbi;
    private final LeadWorkflow workflow;
    private final int months;
    private final Clock clock;

    /**
     * The count is a forecast over 30 days and moves only with activity, so the dashboard may show
     * one a few minutes old rather than scan every lead on every visit.
     */
    private static final Duration FORECAST_FOR = Duration.ofMinutes(10);

    private record Forecast(Duration window, Instant at, long leads) {}

    private volatile Forecast forecast;

    public Retention(Jdbi jdbi, LeadWorkflow workflow, int months, Clock clock) {
        this.jdbi = jdbi;
        this.workflow = workflow;
        this.months = months;
        this.clock = clock;
    }

    public int months() {
        return months;
    }

    /**
     * Erases every person whose last activity is older than the retention period, one person per
     * transaction, stopping early (to go on the next day) when the app stops.
     *
     * @return how many leads were erased
     */
    public int eraseDue(BooleanSupplier stopping) {
        var cutoff = cutoff();
        var people = peopleLastActiveBefore(cutoff);
        int leads = 0;
        int erasedPeople = 0;
        for (var person : people) {
            if (stopping.getAsBoolean()) {
                break;
            }
            int erased = workflow.eraseExpired(person, cutoff, months);
            leads += erased;
            erasedPeople += erased > 0 ? 1 : 0;
        }
        forecast = null;
        log.info(
                "Retention: erased {} lead(s) of {} person(s) with no activity for {} months",
                leads,
                erasedPeople,
                months);
        return leads;
    }

    /**
     * How many leads (not yet erased) the retention run will erase within this time, if nothing
     * happens meanwhile. One scan, grouped by person (about 1 s for 100,000 leads on H2 here,
     * like the dashboard's other counts); an IN over the due people took twice as long.
     */
    public long dueWithin(Duration window) {
        var now = clock.instant();
        var last = forecast;
        if (last != null
                && last.window().equals(window)
                && now.isBefore(last.at().plus(FORECAST_FOR))) {
            return last.leads();
        }
        long leads = countDueWithin(window);
        forecast = new Forecast(window, now, leads);
        return leads;
    }

    private long countDueWithin(Duration window) {
        var cutoff = cutoff();
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(leads), 0) FROM (SELECT k, SUM(lead) AS leads, "
                        + "MAX(t) AS last FROM (" + LeadWorkflow.ACTIVITY_COUNTING_LEADS + ") activity GROUP BY k) "
                        + "people WHERE last < :until")
                .bind("until", cutoff.plus(window))
                .mapTo(Long.class)
                .one());
    }

    private List<String> peopleLastActiveBefore(OffsetDateTime cutoff) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT k FROM (" + LeadWorkflow.ACTIVITY + ") activity GROUP BY k HAVING MAX(t) < :cutoff")
                .bind("cutoff", cutoff)
                .mapTo(String.class)
                .list());
    }

    private OffsetDateTime cutoff() {
        return OffsetDateTime.now(clock).minusMonths(months);
    }
}
