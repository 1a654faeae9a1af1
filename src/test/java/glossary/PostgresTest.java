package glossary;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.term.TermImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only PostgreSQL can show: instances importing the content at the same moment. The
 * repository and end-to-end tests run on PostgreSQL as well, in the build's postgres pass; the
 * server is the machine's (127.0.0.1:5432, trust auth; .ci/run makes sure it is up).
 */
class PostgresTest {
    static final String SERVER =
            System.getenv().getOrDefault("GLOSSARY_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");

    @TempDir
    Path data;

    @Test
    void instances_starting_together_import_the_content_one_after_the_other() throws Exception {
        try (var db = TestDatabase.postgres(SERVER, data);
                var database = Database.migrateAndOpen(db.config())) {
            var importer = new TermImporter(database.jdbi());
            var files = TermImporter.readDirectory(Path.of("db/terms"));
            importer.importFiles(files);
            var changed = new TreeMap<>(files);
            var first = changed.firstKey();
            changed.put(first, changed.get(first).replace("last_reviewed: ", "last_reviewed:  "));
            var pool = Executors.newFixedThreadPool(4);
            try {
                var results = new ArrayList<Future<TermImporter.Report>>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> importer.importFiles(changed)));
                }
                int updated = 0;
                for (var result : results) {
                    var report = result.get();
                    assertThat(report.errors()).isEmpty();
                    updated += report.updated();
                }
                assertThat(updated)
                        .as("exactly one instance applies the change")
                        .isEqualTo(1);
            } finally {
                pool.shutdown();
            }
        }
    }
}
