package glossary.mail;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: woken at once when an inquiry is stored, and every few seconds in
 * any case. A failed send is retried with exponential backoff and jitter up to a limit, then
 * marked failed with its last error. Stopping waits for the send in progress to finish. Rows of a
 * kind that has a {@link Courier} (webhook calls) go through it; the rest are mail, which waits in
 * the outbox while no mail server is configured.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** Writes a queued message out in full, from what the database holds now; inquiryId is null for the digest. */
    public interface Composer {
        OutgoingMessage compose(Long inquiryId, String kind, String messageId);
    }

    private final Outbox outbox;
    private final Composer composer;
    private final Optional<Mailer> mailer;
    private final Map<String, Courier> couriers = new ConcurrentHashMap<>();
    private final MailSettings mail;
    private final Clock clock;
    private final Duration poll;
    private final String name =
            ManagementFactory.getRuntimeMXBean().getName() + "/" + Long.toHexString(System.nanoTime());
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    /** @param mailer the mail server's sender; empty when none is configured (mail waits in the outbox) */
    public OutboxWorker(Outbox outbox, Composer composer, Optional<Mailer> mailer, MailSettings mail, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.mailer = mailer;
        this.mail = mail;
        this.clock = clock;
        // Poll at least as often as the shortest retry, so retries are not late.
        this.poll = mail.retryBase().compareTo(Duration.ofSeconds(5)) < 0 ? mail.retryBase() : Duration.ofSeconds(5);
        this.thread = new Thread(this::run, "outbox-worker");
        outbox.whenQueued(this::wake);
    }

    /** Rows of this kind go through this courier rather than the mail server; call before {@link #start}. */
    public OutboxWorker deliverWith(String kind, Courier courier) {
        couriers.put(kind, courier);
        return this;
    }

    /** There is something this worker can send: mail to a server, or rows for a courier. */
    public boolean hasWork() {
        return mailer.isPresent() || !couriers.isEmpty();
    }

    public OutboxWorker start() {
        thread.start();
        return this;
    }

    /** Something was just queued: look now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                sendDue();
                wakeUp.tryAcquire(Math.max(1, poll.toMillis()), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again.
                log.warn("Outbox round failed: {}", e.toString());
                sleepQuietly(poll);
            }
        }
    }

    /** Sends every message that is due now; returns how many were sent. */
    int sendDue() {
        int sent = 0;
        while (running) {
            // Without a mail server only the couriers' kinds are taken; mail stays queued for later.
            var due = outbox.due(20, mailer.isPresent() ? List.of() : List.copyOf(couriers.keySet()));
            if (due.isEmpty()) {
                return sent;
            }
            for (long id : due) {
                if (!running) {
                    return sent;
                }
                var claimed = outbox.claim(id, name, LEASE);
                if (claimed.isEmpty()) {
                    continue; // another worker has it
                }
                if (deliver(id, claimed.get())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean deliver(long id, Outbox.Claimed claimed) {
        var courier = couriers.get(claimed.kind());
        var what = courier == null ? "Mail" : "Delivery";
        try {
            if (courier != null) {
                courier.deliver(claimed.inquiryId(), claimed.messageId());
            } else {
                var message = composer.compose(claimed.inquiryId(), claimed.kind(), claimed.messageId());
                mailer.orElseThrow(() -> new IllegalStateException("no mail server configured"))
                        .send(message);
            }
            outbox.sent(id, name);
            log.info("{} sent: {} {}", what, claimed.kind(), claimed.messageId());
            return true;
        } catch (Exception e) {
            int attempts = outbox.attempts(id);
            var reason = describe(e);
            if (attempts >= mail.maxAttempts()) {
                outbox.failed(id, name, reason, null);
                log.error(
                        "{} failed for good after {} attempts: {} {} ({})",
                        what,
                        attempts,
                        claimed.kind(),
                        claimed.messageId(),
                        reason);
            } else {
                var delay = backoff(attempts);
                outbox.failed(id, name, reason, clock.instant().plus(delay));
                log.warn(
                        "{} attempt {} failed, retrying in {} s: {} {} ({})",
                        what,
                        attempts,
                        delay.toSeconds(),
                        claimed.kind(),
                        claimed.messageId(),
                        reason);
            }
            return false;
        }
    }

    /** The exception and its root cause: "Exception reading response" alone does not say it timed out. */
    static String describe(Throwable e) {
        var text = e.getClass().getSimpleName() + ": " + e.getMessage();
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** base × 2^(attempt-1), capped, times a random factor between 0.5 and 1.5. */
    Duration backoff(int attempt) {
        var exponential = mail.retryBase().multipliedBy(1L << Math.min(attempt - 1, 20));
        var capped = exponential.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : exponential;
        return Duration.ofMillis(
                (long) (capped.toMillis() * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
    }

    /** Stops after the send in progress, if any, has finished. */
    @Override
    public void close() {
        running = false;
        wakeUp.release();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
