package glossary;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the embedded H2 database while it is in use: H2's {@code BACKUP TO} copies the
 * database file into a zip as of the last commit (the store is append-only while it copies, so
 * writers carry on and the copy is consistent). Daily backups go to {@code GLOSSARY_BACKUP_DIR}
 * as glossary-YYYY-MM-DD.zip, keeping the newest {@code GLOSSARY_BACKUP_KEEP}.
 */
final class Backups {
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    /** The one file of the database, as the app's URL names it, and as it appears in a backup. */
    static final String DATABASE_FILE = "glossary.mv.db";

    private static final Pattern DAILY = Pattern.compile("glossary-\\d{4}-\\d{2}-\\d{2}\\.zip");

    /** Why a backup was not made; the message is for the person who asked. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final Jdbi jdbi;
    private final Config.Backups settings;
    private final Clock clock;

    Backups(Jdbi jdbi, Config.Backups settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
    }

    /** See {@link #backup(Jdbi, Path)}. */
    long backupTo(Path file) throws Failed {
        return backup(jdbi, file);
    }

    /**
     * Writes a consistent copy of the database to {@code file}, a zip. It is written beside it
     * under a temporary name and renamed when complete, so a failure (a full disk) leaves no
     * half-written backup behind, and an existing file is never overwritten.
     *
     * @return the size of the backup in bytes
     */
    static long backup(Jdbi jdbi, Path file) throws Failed {
        file = file.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new Failed(file + " already exists; a backup never overwrites a file, so name another.");
        }
        var dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            throw new Failed("There is no directory " + dir + " to write the backup into.");
        }
        Path partial;
        try {
            partial = Files.createTempFile(dir, "." + file.getFileName() + "-", ".partial");
        } catch (IOException e) {
            throw new Failed("Cannot write in " + dir + ": " + e);
        }
        try {
            var target = partial.toString().replace("'", "''");
            jdbi.useHandle(h -> h.execute("BACKUP TO '" + target + "'"));
            Files.move(partial, file);
            return Files.size(file);
        } catch (FileAlreadyExistsException e) {
            throw new Failed(file + " appeared while the backup was written; it was left as it is.");
        } catch (IOException | RuntimeException e) {
            throw new Failed("The backup to " + file + " failed (is the disk full?): " + rootMessage(e));
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("Could not remove the unfinished backup {}: {}", partial, e.toString());
            }
        }
    }

    /** Today's backup into the backup directory, then the oldest beyond the number to keep removed. */
    void daily() {
        var dir = settings.dir().orElseThrow();
        var day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var file = dir.resolve("glossary-" + day + ".zip");
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                return; // made before a restart today
            }
            long began = System.nanoTime();
            long size = backupTo(file);
            log.info("Daily backup: {} ({} bytes) in {} ms", file, size, (System.nanoTime() - began) / 1_000_000);
            for (var old : beyondKeep(dir, settings.keep())) {
                Files.deleteIfExists(old);
                log.info("Daily backup: removed {}, keeping the newest {}", old.getFileName(), settings.keep());
            }
        } catch (Failed e) {
            log.error("Daily backup failed: {}", e.getMessage());
        } catch (IOException e) {
            log.error("Daily backup failed: {}", e.toString());
        }
    }

    /** The daily backups older than the newest {@code keep}; other files in the directory are not ours. */
    static List<Path> beyondKeep(Path dir, int keep) throws IOException {
        var daily = new ArrayList<Path>();
        try (var files = Files.list(dir)) {
            files.filter(f -> DAILY.matcher(f.getFileName().toString()).matches())
                    .forEach(daily::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        daily.sort(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed());
        return daily.size() <= keep ? List.of() : daily.subList(keep, daily.size());
    }

    static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        var message = cause instanceof SQLException sql ? sql.getMessage() : cause.toString();
        // H2 appends the statement and its version to every message: the first line says what happened.
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
