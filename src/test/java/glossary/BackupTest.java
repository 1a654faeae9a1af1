package glossary;

import static glossary.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import glossary.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of the embedded database and restoring them, as an operator runs them: the commands'
 * exit status and message, and what the data directory holds afterwards. Always on H2 (the
 * commands only point PostgreSQL users to pg_dump), whichever database the build's pass uses.
 */
class BackupTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand().env(StaffClient.ENV);

    @TempDir
    Path temp;

    /** An app on the embedded database in this directory. */
    private TestApp embeddedApp(Path dataDir, Map<String, String> more) {
        var env = new HashMap<>(more);
        env.put("GLOSSARY_DATA_DIR", dataDir.toString());
        env.put("GLOSSARY_DATABASE_URL", Config.h2Url(dataDir));
        return apps.start(env);
    }

    private TestApp embeddedApp(Path dataDir) {
        return embeddedApp(dataDir, Map.of());
    }

    /** What a command printed and the status it exits with. */
    private record Outcome(int status, String output) {}

    private static Outcome command(Path dataDir, String... args) {
        var bytes = new ByteArrayOutputStream();
        var config = Config.from(Map.of("GLOSSARY_DATA_DIR", dataDir.toString()));
        int status = BackupCommand.run(args, config, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Outcome(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Set<Long> inquiryIds(TestApp app) {
        return new HashSet<>(app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM inquiry")
                        .mapTo(Long.class)
                        .list()));
    }

    @Test
    void a_backup_taken_while_inquiries_are_written_restores_every_one_acknowledged_before_it() throws Exception {
        var live = temp.resolve("live");
        var app = embeddedApp(live);
        var acknowledged = new ConcurrentLinkedQueue<Long>();
        var stop = new AtomicBoolean();
        var writers = Executors.newFixedThreadPool(3);
        var failures = new ConcurrentLinkedQueue<Throwable>();
        try {
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.submit(() -> {
                    var visitor = Client.of(app);
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            acknowledged.add(Inquiries.submit(
                                    visitor,
                                    Map.of(
                                            "company",
                                            "Writer " + writer + " no " + i,
                                            "email",
                                            "w" + writer + "-" + i + "@example.com")));
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    }
                });
            }
            await("inquiries being written").until(() -> acknowledged.size() >= 30);
            var beforeBackup = new HashSet<>(acknowledged);
            var file = temp.resolve("during-writes.zip");

            var backup = command(live, "backup", file.toString());

            assertThat(backup.status()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("Backed up").contains(file.toString());
            int atBackupEnd = acknowledged.size();
            await("inquiries written after the backup").until(() -> acknowledged.size() >= atBackupEnd + 10);
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(failures).isEmpty();

            var restoredDir = temp.resolve("restored");
            var restore = command(restoredDir, "restore", file.toString());
            assertThat(restore.status()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("Restored");

            var restored = embeddedApp(restoredDir);
            assertThat(inquiryIds(restored)).containsAll(beforeBackup);
            assertThat(inquiryIds(restored)).isSubsetOf(inquiryIds(app));
            // It started as any app does: migrated, content imported, the staff account there.
            assertThat(Client.of(restored)
                            .get("/glossary/retrieval-augmented-generation")
                            .statusCode())
                    .isEqualTo(200);
            var staff = StaffClient.signedIn(restored);
            long id = beforeBackup.iterator().next();
            assertThat(staff.page("/admin/leads/" + id).select(".f-company").text())
                    .startsWith("Writer ");
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
    }

    @Test
    void a_stopped_app_is_backed_up_from_its_file_and_a_directory_without_a_database_is_not() throws Exception {
        var dataDir = temp.resolve("stopped");
        var app = embeddedApp(dataDir);
        long id = Inquiries.submit(Client.of(app), Map.of());
        app.close();

        var backup = command(dataDir, "backup", temp.resolve("stopped.zip").toString());
        assertThat(backup.status()).as(backup.output()).isZero();
        var restore = command(
                temp.resolve("again"), "restore", temp.resolve("stopped.zip").toString());
        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(inquiryIds(embeddedApp(temp.resolve("again")))).contains(id);

        var empty = temp.resolve("empty");
        var none = command(empty, "backup", temp.resolve("none.zip").toString());
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.output()).contains("no database");
        assertThat(empty).doesNotExist();
        assertThat(temp.resolve("none.zip")).doesNotExist();
    }

    @Test
    void a_backup_never_overwrites_a_file_and_needs_a_directory_to_go_into() throws Exception {
        var dataDir = temp.resolve("data");
        embeddedApp(dataDir);
        var existing = Files.writeString(temp.resolve("existing.zip"), "precious");

        var over = command(dataDir, "backup", existing.toString());
        assertThat(over.status()).isEqualTo(1);
        assertThat(over.output()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("precious");

        var nowhere =
                command(dataDir, "backup", temp.resolve("no/such/dir/b.zip").toString());
        assertThat(nowhere.status()).isEqualTo(1);
        assertThat(nowhere.output()).contains("no directory");
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void a_missing_or_damaged_backup_is_refused_and_changes_nothing() throws Exception {
        var dataDir = temp.resolve("data");
        var app = embeddedApp(dataDir);
        long id = Inquiries.submit(Client.of(app), Map.of());
        var good = temp.resolve("good.zip");
        assertThat(command(dataDir, "backup", good.toString()).status()).isZero();
        app.close();
        var before = Files.readAllBytes(dataDir.resolve("glossary.mv.db"));

        var garbage = Files.write(temp.resolve("garbage.zip"), "not a zip at all".getBytes(StandardCharsets.UTF_8));
        var bytes = Files.readAllBytes(good);
        var truncated = Files.write(temp.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var otherZip = zipOf(temp.resolve("other.zip"), "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        var damagedDatabase = zipOf(
                temp.resolve("damaged.zip"),
                "glossary.mv.db",
                "H:2,block:garbage".repeat(500).getBytes());

        for (var file : List.of(temp.resolve("missing.zip"), garbage, truncated, otherZip, damagedDatabase)) {
            for (var target : List.of(dataDir, temp.resolve("fresh-" + file.getFileName()))) {
                var outcome = command(target, "restore", file.toString(), "--force");
                assertThat(outcome.status())
                        .as(file + " into " + target + ": " + outcome.output())
                        .isEqualTo(1);
                assertThat(outcome.output()).containsAnyOf("no backup file", "not a Glossary backup", "does not open");
                assertThat(outcome.output()).doesNotContain("Exception\n\tat");
            }
        }
        assertThat(Files.readAllBytes(dataDir.resolve("glossary.mv.db"))).isEqualTo(before);
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".restore-") || n.startsWith("replaced-"));
        }
        for (var name : List.of("fresh-garbage.zip", "fresh-truncated.zip", "fresh-damaged.zip")) {
            var fresh = temp.resolve(name);
            assertThat(!Files.exists(fresh) || isEmpty(fresh)).as(name).isTrue();
        }
        assertThat(inquiryIds(embeddedApp(dataDir))).contains(id);
    }

    @Test
    void a_restore_into_a_directory_in_use_is_refused() throws Exception {
        var dataDir = temp.resolve("busy");
        var app = embeddedApp(dataDir);
        long id = Inquiries.submit(Client.of(app), Map.of());
        var file = temp.resolve("busy.zip");
        assertThat(command(dataDir, "backup", file.toString()).status()).isZero();
        long later = Inquiries.submit(Client.of(app), Map.of());

        var outcome = command(dataDir, "restore", file.toString(), "--force");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.output()).contains("in use");
        assertThat(inquiryIds(app)).contains(id, later);
        assertThat(Inquiries.submit(Client.of(app), Map.of())).isGreaterThan(later);
    }

    @Test
    void a_directory_holding_a_database_is_replaced_only_with_force_and_its_files_are_kept_aside() throws Exception {
        var dataDir = temp.resolve("data");
        var app = embeddedApp(dataDir);
        long inBackup = Inquiries.submit(Client.of(app), Map.of());
        var file = temp.resolve("b.zip");
        assertThat(command(dataDir, "backup", file.toString()).status()).isZero();
        long afterBackup = Inquiries.submit(Client.of(app), Map.of());
        app.close();

        var refused = command(dataDir, "restore", file.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output()).contains("already holds a database").contains("--force");

        var forced = command(dataDir, "restore", file.toString(), "--force");
        assertThat(forced.status()).as(forced.output()).isZero();
        assertThat(forced.output()).contains("replaced-");
        try (var aside = Files.list(dataDir)) {
            var replaced = aside.filter(p -> p.getFileName().toString().startsWith("replaced-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(replaced.resolve("glossary.mv.db")).exists();
        }
        var restored = inquiryIds(embeddedApp(dataDir));
        assertThat(restored).contains(inBackup).doesNotContain(afterBackup);
    }

    @Test
    void daily_backups_keep_the_newest_and_leave_other_files_alone() throws Exception {
        var dataDir = temp.resolve("data");
        var backups = temp.resolve("backups");
        Files.createDirectories(backups);
        var notOurs = Files.writeString(backups.resolve("glossary-notes.txt"), "mine");
        var clock = new TestClock();
        var env = new HashMap<String, String>();
        env.put("GLOSSARY_DATA_DIR", dataDir.toString());
        env.put("GLOSSARY_DATABASE_URL", Config.h2Url(dataDir));
        env.put("GLOSSARY_BACKUP_DIR", backups.toString());
        env.put("GLOSSARY_BACKUP_KEEP", "2");
        var app = apps.start(env, clock);
        var days = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofDays(1));
            days.add(java.time.LocalDate.now(clock).toString());
            app.daily.runDue();
        }

        try (var files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "glossary-" + days.get(2) + ".zip",
                            "glossary-" + days.get(3) + ".zip",
                            "glossary-notes.txt");
        }
        assertThat(Files.readString(notOurs)).isEqualTo("mine");
        var restore = command(
                temp.resolve("from-daily"),
                "restore",
                backups.resolve("glossary-" + days.get(3) + ".zip").toString());
        assertThat(restore.status()).as(restore.output()).isZero();
    }

    @Test
    void on_postgresql_the_commands_point_to_pg_dump_and_pg_restore() {
        var config = Config.from(Map.of("GLOSSARY_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/glossary"));
        for (var args : List.of(new String[] {"backup"}, new String[] {"restore", "x.zip"})) {
            var bytes = new ByteArrayOutputStream();
            int status = BackupCommand.run(args, config, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(1);
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .contains("pg_dump")
                    .contains("pg_restore");
        }
    }

    private static Path zipOf(Path file, String entry, byte[] content) throws IOException {
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
