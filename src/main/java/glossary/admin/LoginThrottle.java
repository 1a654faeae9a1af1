package glossary.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing, per account and per client address, in the database so that all
 * instances count together. After {@link #FREE_FAILURES} failures each further one locks the key
 * for twice as long as the last, up to 15 minutes.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final Clock clock;

    public LoginThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public boolean locked(String key) {
        var until =
                jdbi.withHandle(h -> h.createQuery("SELECT locked_until FROM login_throttle WHERE throttle_key = :k")
                        .bind("k", key)
                        .mapTo(OffsetDateTime.class)
                        .findOne());
        return until.isPresent() && until.get().isAfter(OffsetDateTime.now(clock));
    }

    public void failed(String key) {
        jdbi.useTransaction(h -> {
            var failures = h.createQuery("SELECT failures FROM login_throttle WHERE throttle_key = :k FOR UPDATE")
                            .bind("k", key)
                            .mapTo(Integer.class)
                            .findOne()
                            .orElse(0)
                    + 1;
            var lock = failures <= FREE_FAILURES
                    ? Duration.ZERO
                    : Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES - 1, 20));
            if (lock.compareTo(MAX_LOCK) > 0) {
                lock = MAX_LOCK;
            }
            var until = OffsetDateTime.now(clock).plus(lock);
            int updated = h.createUpdate(
                            "UPDATE login_throttle SET failures = :f, locked_until = :u WHERE throttle_key = :k")
                    .bind("f", failures)
                    .bind("u", until)
                    .bind("k", key)
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO login_throttle (throttle_key, failures, locked_until) VALUES (:k, :f, :u)")
                        .bind("k", key)
                        .bind("f", failures)
                        .bind("u", until)
                        .execute();
            }
        });
    }

    public void succeeded(String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_throttle WHERE throttle_key = :k")
                .bind("k", key)
                .execute());
    }
}
