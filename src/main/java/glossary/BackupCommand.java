package glossary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code java -jar glossary.jar backup [FILE]} and {@code restore FILE [--force]} for the embedded
 * database. A backup is made by the running app when one runs on the data directory (through
 * {@link BackupSocket}), otherwise from the database file directly. A restore goes only into a
 * data directory no app is using; the backup is unpacked and opened (migrated, as a start would)
 * beside the data before anything there is touched. Every failure is one clear line and status 1.
 */
final class BackupCommand {
    static final String USAGE =
            "Usage: java -jar glossary.jar backup [FILE]   |   java -jar glossary.jar restore FILE [--force]";

    static final String POSTGRES =
            "The database is PostgreSQL (GLOSSARY_DATABASE_URL): back it up with pg_dump and restore "
                    + "it with pg_restore, e.g. pg_dump -Fc -f glossary.dump DBNAME and pg_restore --clean --if-exists -d DBNAME "
                    + "glossary.dump (see \"Backups\" in the README).";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private BackupCommand() {}

    static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    static int run(String[] args, Config config, PrintStream out) {
        if (args[0].equals("backup") && args.length <= 2) {
            return config.db().embedded()
                    ? backup(args.length == 2 ? Path.of(args[1]) : defaultFile(), config, out)
                    : postgres(out);
        }
        if (args[0].equals("restore") && (args.length == 2 || (args.length == 3 && args[2].equals("--force")))) {
            return config.db().embedded() ? restore(Path.of(args[1]), args.length == 3, config, out) : postgres(out);
        }
        out.println(USAGE);
        return 2;
    }

    private static int postgres(PrintStream out) {
        out.println(POSTGRES);
        return 1;
    }

    private static Path defaultFile() {
        return Path.of("glossary-backup-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + ".zip");
    }

    static int backup(Path file, Config config, PrintStream out) {
        file = file.toAbsolutePath().normalize();
        var dataDir = config.dataDir();
        long began = System.nanoTime();
        long size;
        try {
            var answer = BackupSocket.request(dataDir, file);
            if (answer.isPresent()) {
                if (!answer.get().startsWith("ok ")) {
                    out.println(answer.get().replaceFirst("^error ", ""));
                    return 1;
                }
                size = Long.parseLong(answer.get().substring(3).strip());
            } else {
                size = backupStopped(file, config);
            }
        } catch (Backups.Failed e) {
            out.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("Could not ask the running app for a backup: " + e);
            return 1;
        }
        out.printf(
                Locale.ROOT,
                "Backed up %s to %s (%,d bytes) in %.1f s%n",
                dataDir,
                file,
                size,
                (System.nanoTime() - began) / 1e9);
        return 0;
    }

    /** No app answers on the data directory: open the file here, never creating a database that is not there. */
    private static long backupStopped(Path file, Config config) throws Backups.Failed {
        var database = config.dataDir().resolve(Backups.DATABASE_FILE);
        if (!Files.exists(database)) {
            throw new Backups.Failed("There is no database in " + config.dataDir() + " (no " + Backups.DATABASE_FILE
                    + "): nothing to back up. Is GLOSSARY_DATA_DIR right?");
        }
        try (var connection = java.sql.DriverManager.getConnection(
                config.db().url() + ";IFEXISTS=TRUE",
                config.db().user(),
                config.db().password())) {
            return Backups.backup(Jdbi.create(connection), file);
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) {
                throw new Backups.Failed(
                        "The database in " + config.dataDir() + " is in use by a process that does not " + "answer on "
                                + BackupSocket.path(config.dataDir()) + "; stop it, or back up through it.");
            }
            throw new Backups.Failed("Cannot open the database in " + config.dataDir() + ": " + Backups.rootMessage(e));
        }
    }

    static int restore(Path file, boolean force, Config config, PrintStream out) {
        file = file.toAbsolutePath().normalize();
        var dataDir = config.dataDir();
        if (!Files.isRegularFile(file)) {
            out.println("There is no backup file " + file + ".");
            return 1;
        }
        try (var zip = new ZipFile(file.toFile())) {
            if (zip.getEntry(Backups.DATABASE_FILE) == null) {
                out.println(file + " is not a Glossary backup: it holds no " + Backups.DATABASE_FILE + ".");
                return 1;
            }
        } catch (ZipException e) {
            out.println(file + " is not a Glossary backup, or it is damaged: it is not a readable zip file.");
            return 1;
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e);
            return 1;
        }
        if (inUse(dataDir)) {
            out.println(
                    "The data directory " + dataDir + " is in use by a running Glossary: stop it before restoring.");
            return 1;
        }
        List<Path> present;
        try {
            present = databaseFiles(dataDir);
        } catch (IOException e) {
            out.println("Cannot read the data directory " + dataDir + ": " + e);
            return 1;
        }
        if (!present.isEmpty() && !force) {
            out.println("The data directory " + dataDir + " already holds a database. Restore into an empty data "
                    + "directory, or add --force to replace it (its files are then moved aside, not deleted).");
            return 1;
        }
        long began = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(dataDir);
            staging = Files.createTempDirectory(dataDir, ".restore-");
            try (var zip = new ZipFile(file.toFile());
                    var in = zip.getInputStream(zip.getEntry(Backups.DATABASE_FILE))) {
                Files.copy(in, staging.resolve(Backups.DATABASE_FILE));
            }
            long inquiries = check(config.onEmbeddedIn(staging));
            Path aside = null;
            if (!present.isEmpty()) {
                aside = dataDir.resolve(
                        "replaced-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP));
                Files.createDirectory(aside);
                for (var old : present) {
                    Files.move(old, aside.resolve(old.getFileName()));
                }
            }
            Files.move(staging.resolve(Backups.DATABASE_FILE), dataDir.resolve(Backups.DATABASE_FILE));
            out.printf(
                    Locale.ROOT,
                    "Restored %s into %s (%,d inquiries) in %.1f s%s%n",
                    file,
                    dataDir,
                    inquiries,
                    (System.nanoTime() - began) / 1e9,
                    aside == null ? "" : "; the database it replaced is in " + aside);
            return 0;
        } catch (IOException e) {
            out.println("The restore failed and " + dataDir + " was left as it was (is the disk full?): " + e);
            return 1;
        } catch (RuntimeException e) {
            out.println(
                    file + " does not open as a Glossary database, so nothing was restored: " + Backups.rootMessage(e));
            return 1;
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    /** Opens the restored copy as a start would (migrations included) and counts what it holds. */
    private static long check(Config staged) {
        try (var database = Database.migrateAndOpen(staged)) {
            return database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inquiry")
                            .mapTo(Long.class)
                            .one());
        }
    }

    /** An app has the data directory: it answers on the socket, or holds the lock on the database file. */
    static boolean inUse(Path dataDir) {
        if (BackupSocket.listening(dataDir)) {
            return true;
        }
        var database = dataDir.resolve(Backups.DATABASE_FILE);
        if (!Files.exists(database)) {
            return false;
        }
        try (var channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process (an app started in the same JVM)
        } catch (IOException e) {
            return true; // cannot tell: better refuse than replace a database under a running app
        }
    }

    /** The embedded database's files (glossary.mv.db and its companions) in the data directory. */
    private static List<Path> databaseFiles(Path dataDir) throws IOException {
        var files = new ArrayList<Path>();
        if (!Files.isDirectory(dataDir)) {
            return files;
        }
        try (var list = Files.list(dataDir)) {
            list.filter(f -> f.getFileName().toString().matches("glossary\\..*\\.db"))
                    .forEach(files::add);
        }
        return files;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover staging directory is harmless and named .restore-*
        }
    }
}
