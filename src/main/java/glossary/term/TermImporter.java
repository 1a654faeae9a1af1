package glossary.term;

import glossary.web.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** The prepared files with each language's translation files added. */
    private static Prepared withTranslations(Prepared prepared, Map<Language, Map<String, String>> translations) {
        return new Prepared(
                prepared.origin(),
                prepared.parsed(),
                prepared.sources(),
                prepared.present(),
                prepared.errors(),
                prepared.catalog(),
                translations);
    }

    private static final Logger log = LoggerFactory.getLogger(TermImporter.class);

    public record Report(int added, int updated, int unchanged, int removed, List<String> errors) {}

    private final Jdbi jdbi;
    private final TermParser parser = new TermParser();

    public TermImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Imports, then builds the catalog from what is now visible: the terms just parsed, and the last
     * good version of any whose file failed to parse. Each file is parsed and rendered once.
     */
    public TermCatalog importAndLoad(Optional<Path> contentDir) {
        return store(prepare(contentDir));
    }

    /**
     * The files read, parsed, rendered and linted: everything that needs no database. (Running it
     * beside the database's start was measured and gained nothing on two cores: both are CPU-bound.)
     *
     * @param parsed the terms that parsed, by slug
     * @param catalog the visible parsed terms, rendered among themselves; what {@link #store} returns
     *     unless an older stored version has to stand in for a file that failed to parse
     */
    public record Prepared(
            String origin,
            Map<String, Term> parsed,
            Map<String, String> sources,
            Set<String> present,
            List<String> errors,
            TermCatalog catalog,
            Map<Language, Map<String, String>> translationFiles) {}

    public static Prepared prepare(Optional<Path> contentDir) {
        var files = contentDir.map(TermImporter::readDirectory).orElseGet(TermImporter::readBundled);
        var prepared = withTranslations(
                prepare(contentDir.map(Path::toString).orElse("the bundled content"), files),
                readTranslations(contentDir));
        var problems = new ContentLint().check(byFileName(prepared.parsed()), prepared.catalog()::rendered);
        if (!problems.isEmpty()) {
            log.warn(
                    "Content lint found {} problem(s); the first: {}",
                    problems.size(),
                    problems.subList(0, Math.min(10, problems.size())));
        }
        return prepared;
    }

    private static Prepared prepare(String origin, Map<String, String> files) {
        var parser = new TermParser();
        var errors = new ArrayList<String>();
        var parsed = new TreeMap<String, Term>();
        var sources = new HashMap<String, String>();
        var present = new HashSet<String>();
        for (var file : files.entrySet()) {
            present.add(withoutExtension(file.getKey()));
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
        return new Prepared(
                origin,
                parsed,
                sources,
                present,
                List.copyOf(errors),
                TermCatalog.of(List.copyOf(parsed.values())),
                Map.of());
    }

    /**
     * The glossary in every language: the English catalog as stored, and each language's translation
     * files laid over it. A translation file that fails to parse is logged and its term stays English.
     */
    public static Glossary glossary(Prepared prepared, TermCatalog english) {
        var shas = new HashMap<String, String>();
        prepared.sources().forEach((slug, source) -> shas.put(slug, Term.sourceSha(source)));
        return Glossary.of(english, prepared.translationFiles(), shas);
    }

    /** Each language's folder beside the English files (db/terms/th/…), where there is one. */
    static Map<Language, Map<String, String>> readTranslations(Optional<Path> contentDir) {
        var result = new EnumMap<Language, Map<String, String>>(Language.class);
        for (var language : Language.values()) {
            if (language.isDefault()) {
                continue;
            }
            if (contentDir.isPresent()) {
                var dir = contentDir.get().resolve(language.tag());
                if (Files.isDirectory(dir)) {
                    result.put(language, readDirectory(dir));
                }
            } else {
                var url = TermImporter.class.getClassLoader().getResource("db/terms/" + language.tag());
                if (url != null) {
                    result.put(language, readFolder(url));
                }
            }
        }
        return result;
    }

    /** Brings the database in line with the prepared files and returns the catalog now visible. */
    public TermCatalog store(Prepared prepared) {
        var written = write(prepared);
        var report = written.report();
        log.info(
                "Imported terms from {}: {} added, {} updated, {} unchanged, {} removed, {} with errors",
                prepared.origin(),
                report.added(),
                report.updated(),
                report.unchanged(),
                report.removed(),
                report.errors().size());
        report.errors().forEach(error -> log.error("Term file skipped: {}", error));
        if (written.standIns().isEmpty()) {
            return prepared.catalog();
        }
        var visible = new TreeMap<String, Term>();
        for (var term : prepared.parsed().values()) {
            visible.put(term.slug(), term);
        }
        for (var source : written.standIns()) {
            var term = parser.parse(STORED, source);
            visible.put(term.slug(), term);
        }
        return TermCatalog.of(List.copyOf(visible.values()));
    }

    /** The catalog of what the database holds as visible, each stored source parsed anew. */
    public TermCatalog load() {
        var terms = new ArrayList<Term>();
        for (var source : jdbi.withExtension(TermRows.class, TermRows::visibleSources)) {
            terms.add(parser.parse(STORED, source));
        }
        return TermCatalog.of(terms);
    }

    /** @param files file name to file content */
    public Report importFiles(Map<String, String> files) {
        return write(prepare("files", files)).report();
    }

    private Written write(Prepared prepared) {
        var parsed = prepared.parsed();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            lockAgainstOtherInstances(handle);
            var rows = handle.attach(TermRows.class);
            var stored = new HashMap<String, TermRows.Stored>();
            rows.all().forEach(row -> stored.put(row.slug(), row));
            var added = new ArrayList<TermRows.Source>();
            var updated = new ArrayList<TermRows.Source>();
            int unchanged = 0, removed = 0;
            for (var term : parsed.values()) {
                var source = prepared.sources().get(term.slug());
                var sha = sha256(source);
                var row = stored.get(term.slug());
                var status = term.status().label();
                var write = new TermRows.Source(term.slug(), term.title(), term.category(), status, source, sha);
                if (row == null) {
                    added.add(write);
                } else if (!row.sourceSha256().equals(sha) || !row.status().equals(status)) {
                    updated.add(write);
                } else {
                    unchanged++;
                }
            }
            if (!added.isEmpty()) {
                rows.insert(added, now);
            }
            if (!updated.isEmpty()) {
                rows.update(updated, now);
            }
            var standIns = new ArrayList<String>();
            for (var row : stored.values()) {
                if (parsed.containsKey(row.slug())) {
                    continue;
                }
                if (!prepared.present().contains(row.slug())) {
                    if (!row.status().equals("removed")) {
                        rows.markRemoved(row.slug(), now);
                        removed++;
                    }
                } else if (VISIBLE.contains(row.status())) {
                    standIns.add(rows.source(row.slug()));
                }
            }
            return new Written(
                    new Report(added.size(), updated.size(), unchanged, removed, prepared.errors()), standIns);
        });
    }

    private record Written(Report report, List<String> standIns) {}

    /** The statuses TermRows.visibleSources selects. */
    private static final Set<String> VISIBLE = Set.of("published", "in-review");

    private static final String STORED = "stored term";

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

    private static String withoutExtension(String fileName) {
        return fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
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
        return readFolder(url);
    }

    /** The .md files directly in a folder given as a file: or jar: URL. */
    static Map<String, String> readFolder(URL url) {
        try {
            if (!"jar".equals(url.getProtocol())) {
                return readDirectory(Path.of(url.toURI()));
            }
            return readJarFolder((JarURLConnection) url.openConnection());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read bundled content from " + url, e);
        }
    }

    /**
     * The .md files directly in a folder of a jar. Read with JarFile, which shares the class
     * loader's already parsed zip directory, rather than a zip file system, which builds its own.
     */
    private static Map<String, String> readJarFolder(JarURLConnection folder) throws IOException {
        var prefix = folder.getEntryName().endsWith("/") ? folder.getEntryName() : folder.getEntryName() + "/";
        folder.setUseCaches(false); // our own JarFile, closed below
        var files = new TreeMap<String, String>();
        try (var jar = folder.getJarFile()) {
            for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                var name = entry.getName();
                if (name.startsWith(prefix)
                        && name.endsWith(".md")
                        && name.indexOf('/', prefix.length()) < 0
                        && !entry.isDirectory()) {
                    try (var in = jar.getInputStream(entry)) {
                        files.put(
                                name.substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return files;
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
