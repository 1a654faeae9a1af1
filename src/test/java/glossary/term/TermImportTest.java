package glossary.term;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import glossary.Database;
import glossary.TestDatabase;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TermImportTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand();

    @TempDir
    Path content;

    @TempDir
    Path data;

    private static String term(String slug, String title, String status) {
        return TermFiles.aTerm(slug, title, "Testing", List.of(), List.of("alpha", "beta", "gamma"), status);
    }

    @Test
    void changed_files_update_removed_files_unpublish_and_a_bad_file_does_not_stop_the_others() throws Exception {
        TermFiles.write(content, "alpha", term("alpha", "Alpha", "published"));
        TermFiles.write(content, "beta", term("beta", "Beta", "published"));
        TermFiles.write(content, "gamma", term("gamma", "Gamma", "draft"));
        try (var db = TestDatabase.fresh(data);
                var database = Database.migrateAndOpen(db.config())) {
            var importer = new TermImporter(database.jdbi());
            var first = importer.importFiles(TermImporter.readDirectory(content));
            assertThat(first.added()).isEqualTo(3);
            assertThat(importer.load().terms()).extracting(Term::slug).containsExactly("alpha", "beta");

            TermFiles.write(content, "alpha", term("alpha", "Alpha Renamed", "published"));
            Files.delete(content.resolve("beta.md"));
            TermFiles.write(content, "broken", "---\ntitle: [oops\n---\n");
            TermFiles.write(content, "gamma", term("gamma", "Gamma", "published"));
            var second = importer.importFiles(TermImporter.readDirectory(content));

            assertThat(second.updated()).isEqualTo(2);
            assertThat(second.removed()).isEqualTo(1);
            assertThat(second.errors()).singleElement().asString().startsWith("broken.md: ");
            assertThat(importer.load().terms()).extracting(Term::title).containsExactly("Alpha Renamed", "Gamma");

            var third = importer.importFiles(TermImporter.readDirectory(content));
            assertThat(third.unchanged()).isEqualTo(2);
            assertThat(third.updated() + third.added() + third.removed()).isZero();
        }
    }

    @Test
    void a_bad_edit_keeps_the_last_good_version_online() {
        TermFiles.write(content, "alpha", term("alpha", "Alpha", "published"));
        TermFiles.write(content, "beta", term("beta", "Beta", "published"));
        try (var db = TestDatabase.fresh(data);
                var database = Database.migrateAndOpen(db.config())) {
            var importer = new TermImporter(database.jdbi());
            importer.importFiles(TermImporter.readDirectory(content));
            TermFiles.write(content, "alpha", "---\nslug: alpha\n---\nbroken");
            var report = importer.importFiles(TermImporter.readDirectory(content));
            assertThat(report.errors()).hasSize(1);
            assertThat(importer.load().entry("alpha")).isPresent();
        }
    }

    @Test
    void the_catalog_built_while_importing_is_the_one_the_database_holds() throws Exception {
        TermFiles.write(content, "alpha", term("alpha", "Alpha", "published"));
        TermFiles.write(content, "beta", term("beta", "Beta", "in-review"));
        TermFiles.write(content, "gamma", term("gamma", "Gamma", "draft"));
        try (var db = TestDatabase.fresh(data);
                var database = Database.migrateAndOpen(db.config())) {
            var importer = new TermImporter(database.jdbi());
            assertSameCatalog(importer.importAndLoad(Optional.of(content)), importer.load());

            // A broken edit keeps the stored alpha, a file may declare another slug, a removed file goes.
            TermFiles.write(content, "alpha", "---\nslug: alpha\n---\nbroken");
            TermFiles.write(content, "beta", term("delta", "Delta", "published"));
            TermFiles.write(content, "gamma", term("gamma", "Gamma", "published"));
            var catalog = importer.importAndLoad(Optional.of(content));
            assertThat(catalog.terms()).extracting(Term::slug).containsExactly("alpha", "beta", "delta", "gamma");
            assertSameCatalog(catalog, importer.load());

            Files.delete(content.resolve("gamma.md"));
            assertSameCatalog(importer.importAndLoad(Optional.of(content)), importer.load());
        }
    }

    private static void assertSameCatalog(TermCatalog imported, TermCatalog loaded) {
        assertThat(imported.terms()).isEqualTo(loaded.terms());
        for (var term : loaded.terms()) {
            assertThat(imported.entry(term.slug())).isEqualTo(loaded.entry(term.slug()));
        }
        assertThat(imported.categories()).isEqualTo(loaded.categories());
    }

    @Test
    void bundled_content_is_read_from_its_folder_in_the_jar() throws Exception {
        var jar = data.resolve("content.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (var entry : List.of("db/terms/", "db/terms/alpha.md", "db/terms/notes.txt", "db/terms/old/beta.md")) {
                out.putNextEntry(new JarEntry(entry));
                out.write(entry.endsWith("/") ? new byte[0] : ("content of " + entry).getBytes(UTF_8));
            }
        }
        var files = TermImporter.readFolder(new URL("jar:" + jar.toUri() + "!/db/terms"));
        assertThat(files).containsExactly(entry("alpha.md", "content of db/terms/alpha.md"));
    }

    @Test
    void the_app_serves_content_from_a_configured_directory_without_drafts() {
        TermFiles.write(content, "alpha", term("alpha", "Alpha", "published"));
        TermFiles.write(content, "beta", term("beta", "Beta", "in-review"));
        TermFiles.write(content, "gamma", term("gamma", "Gamma", "draft"));
        var visitor = Client.of(apps.start(Map.of("GLOSSARY_CONTENT_DIR", content.toString())));
        assertThat(visitor.page("/glossary").select(".term-list > li > a").eachText())
                .containsExactly("Alpha", "Beta");
        assertThat(visitor.get("/glossary/gamma").statusCode()).isEqualTo(404);
        assertThat(visitor.page("/glossary/beta").select(".status-note")).hasSize(1);
        assertThat(visitor.get("/sitemap.xml").body()).doesNotContain("/glossary/gamma");
    }
}
