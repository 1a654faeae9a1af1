package glossary;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.inquiry.InquiriesForTests;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same migrations and the same app on a real PostgreSQL (127.0.0.1:5432, database "test",
 * trust auth, as on the project's machines; .ci/run makes sure it is up). Each run gets a fresh
 * database of its own, dropped afterwards.
 */
class PostgresTest {
    static final String SERVER = System.getenv().getOrDefault("GLOSSARY_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DATABASE = "glossary_test_" + Long.toHexString(System.nanoTime());
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        try (var connection = DriverManager.getConnection(SERVER + "test", "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        var env = new HashMap<String, String>(Map.of(
                "GLOSSARY_DATABASE_URL", SERVER + DATABASE,
                "GLOSSARY_DATABASE_USER", "postgres",
                "GLOSSARY_DATABASE_PASSWORD", "",
                "GLOSSARY_ADMIN_EMAIL", "boss@firm.example",
                "GLOSSARY_ADMIN_PASSWORD", "correct horse battery staple 42",
                "GLOSSARY_FORM_MIN_SECONDS", "0"));
        app = TestApp.start(env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        try (var connection = DriverManager.getConnection(SERVER + "test", "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void the_glossary_inquiries_and_the_inbox_work_on_postgresql() {
        assertThat(app.page("/glossary/retrieval-augmented-generation").select("h1").text())
                .isEqualTo("What is Retrieval-Augmented Generation?");
        assertThat(app.page("/search?q=no+such+thing+here").select(".no-results")).hasSize(1);

        long id = InquiriesForTests.submit(app, Map.of("company", "Postgres Pte Ltd", "name", "Ana Ng"));
        assertThat(InquiriesForTests.status(app, id)).isEqualTo("new");
        long outbox = app.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE inquiry_id = :id")
                .bind("id", id).mapTo(Long.class).one());
        assertThat(outbox).isEqualTo(2);

        var staff = new glossary.admin.StaffClientForTests(app).signIn("boss@firm.example", "correct horse battery staple 42");
        assertThat(Jsoup.parse(staff.get("/admin/leads?q=postgres").body()).select("table.leads tbody tr")).hasSize(1);
        assertThat(staff.act("/admin/leads/" + id + "/status", Map.of("status", "contacted")).statusCode()).isEqualTo(303);
        assertThat(staff.act("/admin/leads/" + id + "/notes", Map.of("note", "Called from PostgreSQL.")).statusCode()).isEqualTo(303);
        assertThat(staff.get("/admin/leads.csv").body()).contains("Postgres Pte Ltd");
        assertThat(staff.get("/admin").statusCode()).isEqualTo(200);
        assertThat(staff.act("/admin/leads/" + id + "/erase", Map.of("confirm", "ERASE")).statusCode()).isEqualTo(303);
        assertThat(staff.get("/admin/leads.csv").body()).doesNotContain("Postgres Pte Ltd").doesNotContain("Ana Ng");
    }

    @Test
    void instances_starting_together_import_the_content_one_after_the_other() throws Exception {
        var importer = new glossary.term.TermImporter(app.database.jdbi());
        var files = glossary.term.TermImporter.readDirectory(java.nio.file.Path.of("db/terms"));
        var changed = new java.util.TreeMap<>(files);
        var first = changed.firstKey();
        changed.put(first, changed.get(first).replace("last_reviewed: ", "last_reviewed:  "));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<glossary.term.TermImporter.Report>>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> importer.importFiles(changed)));
            }
            int updated = 0;
            for (var result : results) {
                var report = result.get();
                assertThat(report.errors()).isEmpty();
                updated += report.updated();
            }
            assertThat(updated).as("exactly one instance applies the change").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
