package glossary.mail;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.Database;
import glossary.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox claim as several instances use it: on one database, workers with outboxes of their
 * own never take the same message, and a claim left by a worker that died passes to another once
 * its lease has run out. Runs on H2 and on PostgreSQL.
 */
class OutboxTest {
    @TempDir
    Path data;

    /** A person releasing or retrying mail wakes the worker, but only once the change is committed. */
    @Test
    void release_and_retry_wake_the_worker_after_commit_and_states_follow_the_workflow() throws Exception {
        try (var db = TestDatabase.fresh(data);
                var database = Database.migrateAndOpen(db.config())) {
            var jdbi = database.jdbi();
            long inquiry = anInquiry(jdbi);
            var outbox = new Outbox(jdbi, Clock.systemUTC());
            var wakes = new java.util.concurrent.atomic.AtomicInteger();
            outbox.whenQueued(wakes::incrementAndGet);
            jdbi.useTransaction(h -> {
                outbox.enqueue(h, inquiry, "team", "<held@test>", true);
                outbox.enqueue(h, inquiry, "ack", "<queued@test>", false);
            });
            assertThat(states(outbox, inquiry)).containsExactly(Outbox.Status.HELD, Outbox.Status.QUEUED);

            jdbi.useTransaction(h -> {
                outbox.release(h, inquiry);
                assertThat(wakes).as("not before the commit").hasValue(0);
            });
            assertThat(wakes).hasValue(1);
            assertThat(states(outbox, inquiry)).containsExactly(Outbox.Status.QUEUED, Outbox.Status.QUEUED);

            jdbi.useTransaction(h -> outbox.hold(h, inquiry));
            assertThat(states(outbox, inquiry)).containsExactly(Outbox.Status.HELD, Outbox.Status.HELD);
            long first = outbox.forInquiry(inquiry).get(0).id();
            try {
                jdbi.useTransaction(h -> {
                    assertThat(outbox.retry(h, first)).contains(inquiry);
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the retry is undone, and nobody is woken for it
            }
            assertThat(wakes).hasValue(1);
            assertThat(states(outbox, inquiry)).containsExactly(Outbox.Status.HELD, Outbox.Status.HELD);
            assertThat(retry(jdbi, outbox, first)).contains(inquiry);
            assertThat(wakes).hasValue(2);
            assertThat(states(outbox, inquiry)).containsExactly(Outbox.Status.QUEUED, Outbox.Status.HELD);
            assertThat(retry(jdbi, outbox, first))
                    .as("a queued message is not retried")
                    .isEmpty();

            jdbi.useTransaction(h -> outbox.cancel(h, inquiry));
            assertThat(states(outbox, inquiry)).containsExactly(Outbox.Status.CANCELLED, Outbox.Status.CANCELLED);
            assertThat(outbox.due(10)).isEmpty();
            assertThat(outbox.unsent(10)).isEmpty();
        }
    }

    private static java.util.Optional<Long> retry(Jdbi jdbi, Outbox outbox, long id) {
        return jdbi.inTransaction(h -> outbox.retry(h, id));
    }

    private static java.util.List<Outbox.Status> states(Outbox outbox, long inquiry) {
        return outbox.forInquiry(inquiry).stream().map(Outbox.Entry::status).toList();
    }

    @Test
    void workers_racing_for_the_same_messages_each_claim_a_message_once() throws Exception {
        try (var db = TestDatabase.fresh(data);
                var database = Database.migrateAndOpen(db.config())) {
            var jdbi = database.jdbi();
            long inquiry = anInquiry(jdbi);
            var outbox = new Outbox(jdbi, Clock.systemUTC());
            jdbi.useTransaction(h -> {
                for (int i = 0; i < 200; i++) {
                    outbox.enqueue(h, inquiry, "team", "<race-" + i + "@test>", false);
                }
            });

            // Every worker sees all 200 due before any claims one, then all try to claim every one
            // at once: each message is contested by all four, however the threads are scheduled.
            var due = outbox.due(200);
            assertThat(due).hasSize(200);
            var claimedBy = new ConcurrentHashMap<Long, String>();
            var twice = new ConcurrentHashMap<Long, String>();
            var refused = new AtomicInteger();
            var start = new CyclicBarrier(4);
            var pool = Executors.newFixedThreadPool(4);
            try {
                var workers = new ArrayList<Future<?>>();
                for (int w = 0; w < 4; w++) {
                    var worker = "instance-" + w;
                    var own = new Outbox(jdbi, Clock.systemUTC()); // as on another instance
                    workers.add(pool.submit(() -> {
                        start.await();
                        for (long id : due) {
                            var claimed = own.claim(id, worker, OutboxWorker.LEASE);
                            if (claimed.isEmpty()) {
                                refused.incrementAndGet();
                                continue;
                            }
                            var earlier = claimedBy.putIfAbsent(claimed.get().id(), worker);
                            if (earlier != null) {
                                twice.put(claimed.get().id(), earlier + " and " + worker);
                            }
                            own.sent(claimed.get().id(), worker);
                        }
                        return null;
                    }));
                }
                for (var worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(twice).isEmpty();
            assertThat(claimedBy).hasSize(200);
            assertThat(refused)
                    .as("the other three claims of each message were refused")
                    .hasValue(3 * 200);
            assertThat(outbox.due(10)).isEmpty();
            assertThat(outbox.count(Outbox.Status.SENT)).isEqualTo(200);
        }
    }

    @Test
    void a_claim_whose_worker_died_passes_to_another_when_its_lease_runs_out() {
        try (var db = TestDatabase.fresh(data);
                var database = Database.migrateAndOpen(db.config())) {
            var jdbi = database.jdbi();
            var start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the column stores it
            var atStart = new Outbox(jdbi, Clock.fixed(start, ZoneOffset.UTC));
            long inquiry = anInquiry(jdbi);
            jdbi.useTransaction(h -> atStart.enqueue(h, inquiry, "team", "<lease@test>", false));
            long id = atStart.due(1).get(0);

            assertThat(atStart.claim(id, "instance-a", OutboxWorker.LEASE)).isPresent(); // and then instance A dies
            var aMinuteLater = new Outbox(jdbi, Clock.fixed(start.plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
            assertThat(aMinuteLater.due(10)).isEmpty();
            assertThat(aMinuteLater.claim(id, "instance-b", OutboxWorker.LEASE)).isEmpty();

            var afterTheLease =
                    new Outbox(jdbi, Clock.fixed(start.plus(OutboxWorker.LEASE).plusSeconds(1), ZoneOffset.UTC));
            assertThat(afterTheLease.due(10)).containsExactly(id);
            assertThat(afterTheLease.claim(id, "instance-b", OutboxWorker.LEASE))
                    .isPresent();
            assertThat(afterTheLease.attempts(id)).isEqualTo(2);

            afterTheLease.sent(id, "instance-a"); // a late word from the old claim changes nothing
            assertThat(afterTheLease.forInquiry(inquiry))
                    .singleElement()
                    .extracting(Outbox.Entry::status)
                    .isEqualTo(Outbox.Status.SENDING);
            afterTheLease.sent(id, "instance-b");
            assertThat(afterTheLease.forInquiry(inquiry))
                    .singleElement()
                    .extracting(Outbox.Entry::status)
                    .isEqualTo(Outbox.Status.SENT);
        }
    }

    private static long anInquiry(Jdbi jdbi) {
        return jdbi.withHandle(
                h -> h.createUpdate("INSERT INTO inquiry (created_at, name, email, company, country, message, "
                                + "client_ip, status) VALUES (:now, 'Out Box', 'out@example.com', 'Outbox Ltd', 'SG', 'A message.', "
                                + "'192.0.2.1', 'new')")
                        .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }
}
