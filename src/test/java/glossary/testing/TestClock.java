package glossary.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that starts at the real time and moves only when the test says, so waiting costs nothing. */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock() {
        // whole milliseconds, which the database stores exactly: "now" written reads back as now, not later
        this(new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS)), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Moves on to this moment, which must not be in this clock's past. */
    public void advanceTo(Instant moment) {
        now.updateAndGet(t -> {
            if (moment.isBefore(t)) {
                throw new IllegalArgumentException("a test clock does not go back: " + moment + " is before " + t);
            }
            return moment;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now, zone); // shares the time, so it moves with this one
    }
}
