package glossary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code java -jar glossary.jar backup} reaches a running app: the embedded database is open
 * in the app's process only (a second process may not open the file), so the app listens on a
 * Unix domain socket in its data directory and makes the backup itself. The socket lies in a
 * directory only the app's user may enter: whoever can use it could read the database file anyway.
 * One request per connection, one line each way: {@code backup <absolute path>}, then
 * {@code ok <bytes>} or {@code error <message>}.
 */
final class BackupSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackupSocket.class);

    private final ServerSocketChannel server;
    private final Path path;
    private final Thread thread;

    private BackupSocket(ServerSocketChannel server, Path path, Backups backups) {
        this.server = server;
        this.path = path;
        this.thread = new Thread(() -> serve(backups), "backup-socket");
        thread.setDaemon(true);
        thread.start();
    }

    static Path path(Path dataDir) {
        return dataDir.resolve("control").resolve("backup.sock");
    }

    /** Listens in the data directory; without a socket the app still runs (daily backups work), so a failure is a warning. */
    static Optional<BackupSocket> open(Path dataDir, Backups backups) {
        var path = path(dataDir);
        try {
            var dir = path.getParent();
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory keeps the data directory's permissions
            }
            // The database is open in this process, so no other app uses this data directory: a
            // socket file left here is one a killed process did not remove.
            Files.deleteIfExists(path);
            var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            return Optional.of(new BackupSocket(server, path, backups));
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "No backup socket at {} ({}): `backup` works only while the app is stopped; daily backups are unaffected",
                    path,
                    e.toString());
            return Optional.empty();
        }
    }

    private void serve(Backups backups) {
        while (server.isOpen()) {
            try (var client = server.accept();
                    var in = new BufferedReader(
                            new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                    Writer out = new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.UTF_8)) {
                var request = in.readLine();
                if (request == null) {
                    continue; // a look whether the app listens (see listening), not a request
                }
                out.write(answer(request, backups) + "\n");
                out.flush();
            } catch (ClosedChannelException e) {
                return; // closed: the app is stopping
            } catch (IOException | RuntimeException e) {
                log.warn("Backup socket: {}", e.toString());
            }
        }
    }

    private static String answer(String request, Backups backups) {
        if (!request.startsWith("backup ") || request.length() > 4096) {
            return "error not a backup request";
        }
        var file = Path.of(request.substring("backup ".length()));
        if (!file.isAbsolute()) {
            return "error the backup file must be given as an absolute path";
        }
        try {
            long began = System.nanoTime();
            long size = backups.backupTo(file);
            log.info("Backup: {} ({} bytes) in {} ms", file, size, (System.nanoTime() - began) / 1_000_000);
            return "ok " + size;
        } catch (Backups.Failed e) {
            log.warn("Backup to {} failed: {}", file, e.getMessage());
            return "error " + e.getMessage().replace('\n', ' ');
        }
    }

    /**
     * Asks the app running on this data directory for a backup.
     *
     * @return the app's answer, or empty when no app listens there
     */
    static Optional<String> request(Path dataDir, Path file) throws IOException {
        var path = path(dataDir);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            return Optional.empty(); // a socket file left behind by a process that was killed
        }
        try (channel;
                var out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
                var in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            out.write("backup " + file.toAbsolutePath().normalize() + "\n");
            out.flush();
            var answer = in.readLine();
            return Optional.of(answer == null ? "error the app closed the connection" : answer);
        }
    }

    /** Whether an app answers on this data directory's socket. */
    static boolean listening(Path dataDir) {
        var path = path(dataDir);
        if (!Files.exists(path)) {
            return false;
        }
        try (var channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            thread.join(30_000); // a backup in progress finishes before the database closes
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Closing the backup socket: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
