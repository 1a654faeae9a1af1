package glossary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.Database;
import glossary.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-29T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path data;

    @Test
    void a_session_ends_after_30_idle_minutes_and_after_12_hours_in_all() {
        var clock = new ManualClock();
        try (var db = TestDatabase.fresh(data);
                var database = Database.migrateAndOpen(db.config())) {
            var staff = new Staff(database.jdbi(), clock).add("a@firm.example", "a long enough passphrase");
            var sessions = new Sessions(database.jdbi(), clock);

            var idle = sessions.start(staff.id());
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            assertThat(sessions.find(idle)).isPresent();
            clock.now = clock.now.plus(Duration.ofMinutes(31));
            assertThat(sessions.find(idle)).isEmpty();

            var busy = sessions.start(staff.id());
            for (int i = 0; i < 11 * 4 + 3; i++) { // active every 15 minutes for 11 h 45 min
                clock.now = clock.now.plus(Duration.ofMinutes(15));
                assertThat(sessions.find(busy))
                        .as("after %d minutes", (i + 1) * 15)
                        .isPresent();
            }
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            assertThat(sessions.find(busy)).isEmpty();
            assertThat(sessions.find("made-up")).isEmpty();
        }
    }
}
