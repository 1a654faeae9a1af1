package glossary.ops;

import java.time.Duration;
import java.util.Optional;

/**
 * Operations: metrics on 127.0.0.1 at this port when one is set (they are always at /admin/metrics
 * for staff), and how long a stopping instance waits for requests in flight.
 */
public record OpsSettings(Optional<Integer> metricsPort, Duration shutdownGrace) {}
