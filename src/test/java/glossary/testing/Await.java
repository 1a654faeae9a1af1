package glossary.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;

/**
 * The one way tests wait: for a condition, never for a length of time. A wait that runs out fails
 * with what it waited for and the last assertion that did not hold.
 */
public final class Await {
    /** Long enough for a loaded build machine; a condition that holds is seen within 50 ms of it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Await() {}

    /** Awaitility with this suite's timeout and poll interval; name what is awaited, for the failure message. */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what)
                .atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .pollInSameThread();
    }

    /**
     * That something that must not happen does not, for a while: when nothing can signal the
     * non-event, the assertion is checked throughout rather than once after a sleep.
     */
    public static void holdsFor(Duration period, String what, ThrowingRunnable assertion) {
        await(what).during(period).atMost(period.plusSeconds(1)).untilAsserted(assertion);
    }
}
