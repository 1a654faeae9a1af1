package glossary.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing, per account and per client address, in the database so that all
 * instances count together. After {@link #FREE_FAILURES} failures each further one locks the key
 * for twice as long as the last, up to 15 minutes. A known browser (see {@link DeviceCookies}) has
 * a budget of its own: after {@link #DEVICE_FAILURES} failures it is locked for 15 minutes at once.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int DEVICE_FAILURES = 10;
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
        failed(key, LoginThrottle::doubling);
    }

    /** A failure from a known browser: it keeps its exemption until it has used up its own budget. */
    public void deviceFailed(String key) {
        failed(key, failures -> failures < DEVICE_FAILURES ? Duration.ZERO : MAX_LOCK);
    }

    private static Duration doubling(int failures) {
        var lock = failures <= FREE_FAILURES
                ? Duration.ZERO
                : Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES - 1, 20));
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private void failed(String key, IntFunction<Duration> lockAfter) {
        jdbi.useTransaction(h -> {
            var failures = h.createQuery("SELECT failures FROM login_throttle WHERE throttle_key = :k FOR UPDATE")
                            .bind("k", key)
                            .mapTo(Integer.class)
                            .findOne()
                            .orElse(0)
                    + 1;
            var until = OffsetDateTime.now(clock).plus(lockAfter.apply(failures));
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
