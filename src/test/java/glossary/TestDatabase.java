package glossary;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh database for one test: an H2 file in the test's data directory, or, when the system
 * property glossary.test.postgres names a PostgreSQL server (the build's postgres pass sets it),
 * a new database there, dropped on close. The same tests thus run on both.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String SERVER_PROPERTY = "glossary.test.postgres";
    private final Map<String, String> env;
    private final String server;
    private final String name;

    private TestDatabase(Map<String, String> env, String server, String name) {
        this.env = env;
        this.server = server;
        this.name = name;
    }

    public static TestDatabase fresh(Path dataDir) {
        var server = System.getProperty(SERVER_PROPERTY, "");
        return server.isBlank()
                ? new TestDatabase(Map.of("GLOSSARY_DATA_DIR", dataDir.toString()), null, null)
                : postgres(server, dataDir);
    }

    /** A new database on the PostgreSQL server at this JDBC URL (ending in '/'), user postgres, trust auth. */
    public static TestDatabase postgres(String server, Path dataDir) {
        var name = "glossary_test_" + Long.toHexString(System.nanoTime());
        execute(server, "CREATE DATABASE " + name);
        return new TestDatabase(
                Map.of(
                        "GLOSSARY_DATA_DIR",
                        dataDir.toString(),
                        "GLOSSARY_DATABASE_URL",
                        server + name,
                        "GLOSSARY_DATABASE_USER",
                        "postgres",
                        "GLOSSARY_DATABASE_PASSWORD",
                        ""),
                server,
                name);
    }

    /** The GLOSSARY_* variables that point the app at this database. */
    public Map<String, String> env() {
        return env;
    }

    public Config config() {
        return Config.from(new HashMap<>(env));
    }

    @Override
    public void close() {
        if (name != null) {
            execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void execute(String server, String sql) {
        try (var connection = DriverManager.getConnection(server + "test", "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + ": " + e.getMessage(), e);
        }
    }
}
