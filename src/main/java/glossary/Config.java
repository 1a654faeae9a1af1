package glossary;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Everything the app can be told from outside, read once from GLOSSARY_* environment variables. */
public record Config(
        int port,
        Path dataDir,
        String baseUrl,
        Optional<Path> contentDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword) {

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        var dataDir = Path.of(env.getOrDefault("GLOSSARY_DATA_DIR", "./data")).toAbsolutePath().normalize();
        var baseUrl = stripTrailingSlash(env.getOrDefault("GLOSSARY_BASE_URL", "http://localhost:7070"));
        URI.create(baseUrl); // fail fast on a malformed URL
        return new Config(
                Integer.parseInt(env.getOrDefault("GLOSSARY_PORT", "7070")),
                dataDir,
                baseUrl,
                Optional.ofNullable(blankToNull(env.get("GLOSSARY_CONTENT_DIR"))).map(Path::of),
                env.getOrDefault("GLOSSARY_DATABASE_URL", h2Url(dataDir)),
                env.getOrDefault("GLOSSARY_DATABASE_USER", "sa"),
                env.getOrDefault("GLOSSARY_DATABASE_PASSWORD", ""));
    }

    public boolean https() {
        return baseUrl.startsWith("https://");
    }

    public boolean embeddedDatabase() {
        return databaseUrl.startsWith("jdbc:h2:");
    }

    /**
     * PostgreSQL mode so the same migrations run on both; WRITE_DELAY=0 so a commit reaches the file
     * before the statement returns (the default 500 ms delay loses commits when the process is killed).
     */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("glossary")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
