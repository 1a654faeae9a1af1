package glossary;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool and Jdbi over it; migrated before anyone gets to use it. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean embedded;

    private Database(HikariDataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        this.embedded = embedded;
    }

    /** For commands and tests that watch no metrics. */
    public static Database migrateAndOpen(Config config) {
        return migrateAndOpen(config, null);
    }

    public static Database migrateAndOpen(Config config, MeterRegistry metrics) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(config.db().url());
        hikari.setUsername(config.db().user());
        hikari.setPassword(config.db().password());
        hikari.setMaximumPoolSize(config.db().poolSize());
        hikari.setPoolName("glossary");
        // When the database is away, a request waits this long for a connection before it gets the
        // 503 page, rather than Hikari's default of 30 s, longer than a visitor or a proxy waits.
        hikari.setConnectionTimeout(3_000);
        if (metrics != null) {
            hikari.setMetricRegistry(metrics);
        }
        var dataSource = new HikariDataSource(hikari);
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            log.info(
                    "Database ready: {} migration(s) applied, schema version {}",
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, config.db().embedded());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        if (embedded) {
            // A clean SHUTDOWN compacts and closes the file so the next start does not need recovery.
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (java.sql.SQLException e) {
                // 90121: closing the statement after SHUTDOWN finds the database closed, as it should.
                if (e.getErrorCode() != 90121) {
                    log.warn("H2 shutdown failed: {}", e.getMessage());
                }
            }
        }
        dataSource.close();
    }
}
