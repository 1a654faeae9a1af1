package glossary.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A PostgreSQL server of the test's own, from Debian's binaries, in a temporary directory on a free
 * port: it can be stopped and started under load without disturbing the machine's server. As root
 * it runs as the postgres user, as PostgreSQL requires.
 */
public final class PgServer implements AutoCloseable {
    private final Path bin;
    private final Path home;
    private final Path data;
    public final int port;

    private PgServer(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
    }

    public static PgServer create() throws Exception {
        var bin = binaries();
        var home = Files.createTempDirectory("glossary-pg");
        var server = new PgServer(bin, home, freePort());
        if (isRoot()) {
            run(List.of("chown", "postgres", home.toString()));
        }
        server.pg("initdb", "-D", server.data.toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        server.start();
        return server;
    }

    public void start() throws Exception {
        pg(
                "pg_ctl",
                "-D",
                data.toString(),
                "-w",
                "-t",
                "60",
                "-l",
                home.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=200",
                "start");
    }

    /** A fast shutdown: open connections are cut, as when the server restarts or fails over. */
    public void stop() throws Exception {
        pg("pg_ctl", "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabase(String name) throws SQLException {
        try (var c = connect("postgres");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            try (var paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void pg(String program, String... args) throws Exception {
        var command = new ArrayList<String>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static Path binaries() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException(
                            "no PostgreSQL server binaries under /usr/lib/postgresql (.ci/run installs them)"));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
