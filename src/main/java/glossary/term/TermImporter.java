package glossary.term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the term files into the database: new files are added, changed ones updated, vanished ones
 * marked removed. A file that does not parse is reported and skipped; its last good version stays.
 */
public final class TermImporter {
    private static final Logger log = LoggerFactory.getLogger(TermImporter.class);

    public record Report(int added, int updated, int unchanged, int removed, List<String> errors) {}

    private final Jdbi jdbi;
    private final TermParser parser = new TermParser();

    public TermImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Imports, then builds the catalog from what the database now holds as visible. */
    public TermCatalog importAndLoad(Optional<Path> contentDir) {
        var files = contentDir.map(TermImporter::readDirectory).orElseGet(TermImporter::readBundled);
        var report = importFiles(files);
        log.info(
                "Imported terms from {}: {} added, {} updated, {} unchanged, {} removed, {} with errors",
                contentDir.map(Path::toString).orElse("the bundled content"),
                report.added(),
                report.updated(),
                report.unchanged(),
                report.removed(),
                report.errors().size());
        report.errors().forEach(error -> log.error("Term file skipped: {}", error));
        return load();
    }

    public TermCatalog load() {
        var terms = new ArrayList<Term>();
        for (var source : jdbi.withExtension(TermRows.class, TermRows::visibleSources)) {
            terms.add(parser.parse("stored term", source));
        }
        return TermCatalog.of(terms);
    }

    /** @param files file name to file content */
    public Report importFiles(Map<String, String> files) {
        var errors = new ArrayList<String>();
        var parsed = new TreeMap<String, Term>();
        var sources = new HashMap<String, String>();
        var present = new HashSet<String>();
        for (var file : files.entrySet()) {
            present.add(file.getKey().replaceFirst("\\.md$", ""));
            try {
                var term = parser.parse(file.getKey(), file.getValue());
                if (parsed.containsKey(term.slug())) {
                    errors.add(file.getKey() + ": slug '" + term.slug() + "' is already used by another file");
                    continue;
                }
                parsed.put(term.slug(), term);
                sources.put(term.slug(), file.getValue());
                present.add(term.slug());
            } catch (TermParser.InvalidTermFile e) {
                errors.add(e.getMessage());
            }
        }
        var problems = new ContentLint().check(byFileName(parsed));
        if (!problems.isEmpty()) {
            log.warn(
                    "Content lint found {} problem(s); the first: {}",
                    problems.size(),
                    problems.subList(0, Math.min(10, problems.size())));
        }
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            lockAgainstOtherInstances(handle);
            var rows = handle.attach(TermRows.class);
            var stored = new HashMap<String, TermRows.Stored>();
            rows.all().forEach(row -> stored.put(row.slug(), row));
            int added = 0, updated = 0, unchanged = 0, removed = 0;
            for (var term : parsed.values()) {
                var source = sources.get(term.slug());
                var sha = sha256(source);
                var row = stored.get(term.slug());
                var status = term.status().label();
                if (row == null) {
                    rows.insert(term.slug(), term.title(), term.category(), status, source, sha, now);
                    added++;
                } else if (!row.sourceSha256().equals(sha) || !row.status().equals(status)) {
                    rows.update(term.slug(), term.title(), term.category(), status, source, sha, now);
                    updated++;
                } else {
                    unchanged++;
                }
            }
            for (var row : stored.values()) {
                if (!present.contains(row.slug()) && !row.status().equals("removed")) {
                    rows.markRemoved(row.slug(), now);
                    removed++;
                }
            }
            return new Report(added, updated, unchanged, removed, List.copyOf(errors));
        });
    }

    /**
     * Instances that start together import one after the other: on PostgreSQL the transaction
     * takes an advisory lock first (H2 serves a single process, so there is no one to wait for).
     */
    private static void lockAgainstOtherInstances(org.jdbi.v3.core.Handle handle) {
        try {
            if (!handle.getConnection().getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
                return;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        handle.createQuery("SELECT CAST(pg_advisory_xact_lock(:key) AS TEXT)")
                .bind("key", IMPORT_LOCK)
                .mapTo(String.class)
                .one();
    }

    /** Any fixed number, the same in every instance. */
    private static final long IMPORT_LOCK = 0x676c6f7373L;

    private static Map<String, Term> byFileName(Map<String, Term> bySlug) {
        var result = new TreeMap<String, Term>();
        bySlug.forEach((slug, term) -> result.put(slug + ".md", term));
        return result;
    }

    public static Map<String, String> readDirectory(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            var files = new TreeMap<String, String>();
            for (var path : paths.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read term files from " + dir, e);
        }
    }

    /** The db/terms folder packed into the jar (or target/classes when run from the build). */
    static Map<String, String> readBundled() {
        var url = TermImporter.class.getClassLoader().getResource("db/terms");
        if (url == null) {
            throw new IllegalStateException("No bundled content: db/terms is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readDirectory(Path.of(uri));
            }
            try {
                return readDirectory(FileSystems.getFileSystem(uri).provider().getPath(uri));
            } catch (FileSystemNotFoundException e) {
                try (var jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readDirectory(jar.provider().getPath(uri));
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read bundled content from " + url, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
