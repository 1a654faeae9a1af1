package glossary.inquiry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for inquiries. Request threads hand their submission over and wait; one writer
 * stores whatever has gathered in a single transaction and only then answers each of them. A
 * commit that reaches the disk costs the same for one inquiry as for fifty, so under load this
 * multiplies throughput, and nobody is told "received" before their inquiry is stored.
 */
public final class InquiryWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InquiryWriter.class);
    static final int MAX_BATCH = 64;
    static final int WRITERS = 2;

    /** The store was too busy or unavailable to take the inquiry; nothing was stored. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Pending(
            InquiryRepository.Submission submission, CompletableFuture<InquiryRepository.Stored> result) {}

    private final InquiryRepository repository;
    private final InquiryRepository.RateLimit limit;
    private final List<String> messageKinds;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(2_000);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public InquiryWriter(InquiryRepository repository, InquiryRepository.RateLimit limit, List<String> messageKinds) {
        this.repository = repository;
        this.limit = limit;
        this.messageKinds = List.copyOf(messageKinds);
        // Two writers: while one waits for its commit to reach the disk, the other prepares the next batch.
        for (int i = 1; i <= WRITERS; i++) {
            var thread = new Thread(this::run, "inquiry-writer-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stores the submission and returns it once committed; throws {@link Unavailable} if it could not be. */
    InquiryRepository.Stored store(InquiryRepository.Submission submission) {
        var pending = new Pending(submission, new CompletableFuture<>());
        try {
            if (!running || !queue.offer(pending, 5, TimeUnit.SECONDS)) {
                throw new Unavailable("inquiry store is not accepting", null);
            }
            return pending.result().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new Unavailable("could not store the inquiry", e.getCause() == null ? e : e.getCause());
        }
    }

    private void run() {
        var batch = new ArrayList<Pending>();
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            var stored =
                    repository.storeAll(batch.stream().map(Pending::submission).toList(), limit, messageKinds);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(stored.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                log.error("Could not store an inquiry: {}", e.toString());
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One bad row must not sink the others: store them one by one.
            for (var pending : batch) {
                write(List.of(pending));
            }
        }
    }

    /** Stops accepting, stores what is already waiting, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            for (var thread : threads) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
