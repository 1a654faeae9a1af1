package glossary;

import glossary.admin.StaffSettings;
import glossary.inquiry.FormSettings;
import glossary.mail.MailSettings;
import glossary.mail.SmtpSettings;
import glossary.ops.OpsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the app can be told from outside, read once from GLOSSARY_* environment variables. */
public record Config(
        int port,
        Path dataDir,
        String baseUrl,
        Optional<Path> contentDir,
        Optional<Path> siteFile,
        Db db,
        SmtpSettings smtp,
        MailSettings mail,
        FormSettings forms,
        FirstAdmin admin,
        OpsSettings ops,
        StaffSettings staff) {

    /** The first staff account, created on a start where there is none; no default exists. */
    public record FirstAdmin(String email, String password) {}

    /** poolSize: connections per instance; N instances need N times this many from PostgreSQL's max_connections. */
    public record Db(String url, String user, String password, int poolSize) {
        public boolean embedded() {
            return url.startsWith("jdbc:h2:");
        }
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        var dataDir = Path.of(env.getOrDefault("GLOSSARY_DATA_DIR", "./data"))
                .toAbsolutePath()
                .normalize();
        var baseUrl = stripTrailingSlash(env.getOrDefault("GLOSSARY_BASE_URL", "http://localhost:7070"));
        URI.create(baseUrl); // fail fast on a malformed URL
        var tls = SmtpSettings.Tls.valueOf(
                env.getOrDefault("GLOSSARY_SMTP_TLS", "starttls").strip().toUpperCase());
        int defaultSmtpPort = switch (tls) {
            case STARTTLS -> 587;
            case SSL -> 465;
            case NONE -> 25;
        };
        return new Config(
                Integer.parseInt(env.getOrDefault("GLOSSARY_PORT", "7070")),
                dataDir,
                baseUrl,
                Optional.ofNullable(blankToNull(env.get("GLOSSARY_CONTENT_DIR")))
                        .map(Path::of),
                Optional.ofNullable(blankToNull(env.get("GLOSSARY_SITE_FILE"))).map(Path::of),
                new Db(
                        env.getOrDefault("GLOSSARY_DATABASE_URL", h2Url(dataDir)),
                        env.getOrDefault("GLOSSARY_DATABASE_USER", "sa"),
                        env.getOrDefault("GLOSSARY_DATABASE_PASSWORD", ""),
                        Integer.parseInt(env.getOrDefault("GLOSSARY_DATABASE_POOL_SIZE", "10")
                                .strip())),
                new SmtpSettings(
                        env.getOrDefault("GLOSSARY_SMTP_HOST", "").strip(),
                        Integer.parseInt(env.getOrDefault("GLOSSARY_SMTP_PORT", String.valueOf(defaultSmtpPort))),
                        env.getOrDefault("GLOSSARY_SMTP_USER", ""),
                        env.getOrDefault("GLOSSARY_SMTP_PASSWORD", ""),
                        tls,
                        seconds(env.getOrDefault("GLOSSARY_SMTP_TIMEOUT_SECONDS", "20"))),
                new MailSettings(
                        list(env.getOrDefault("GLOSSARY_TEAM_EMAIL", "team@localhost")),
                        env.getOrDefault("GLOSSARY_MAIL_FROM", "glossary@localhost")
                                .strip(),
                        !"false"
                                .equalsIgnoreCase(env.getOrDefault("GLOSSARY_ACK_EMAIL", "true")
                                        .strip()),
                        seconds(env.getOrDefault("GLOSSARY_MAIL_RETRY_SECONDS", "30")),
                        Integer.parseInt(env.getOrDefault("GLOSSARY_MAIL_MAX_ATTEMPTS", "10"))),
                new FormSettings(
                        seconds(env.getOrDefault("GLOSSARY_FORM_MIN_SECONDS", "3")),
                        Integer.parseInt(env.getOrDefault("GLOSSARY_RATE_LIMIT", "5")),
                        seconds(env.getOrDefault("GLOSSARY_RATE_WINDOW_SECONDS", "600")),
                        list(env.getOrDefault("GLOSSARY_TRUSTED_PROXIES", ""))),
                new FirstAdmin(
                        env.getOrDefault("GLOSSARY_ADMIN_EMAIL", "").strip(),
                        env.getOrDefault("GLOSSARY_ADMIN_PASSWORD", "")),
                new OpsSettings(
                        Optional.ofNullable(blankToNull(env.get("GLOSSARY_METRICS_PORT")))
                                .map(p -> Integer.parseInt(p.strip())),
                        seconds(env.getOrDefault("GLOSSARY_SHUTDOWN_SECONDS", "20"))),
                new StaffSettings(ZoneId.of(
                        env.getOrDefault("GLOSSARY_TIMEZONE", "Asia/Singapore").strip())));
    }

    public boolean https() {
        return baseUrl.startsWith("https://");
    }

    /**
     * PostgreSQL mode so the same migrations run on both; WRITE_DELAY=0 so a commit reaches the file
     * before the statement returns (the default 500 ms delay loses commits when the process is killed);
     * DB_CLOSE_ON_EXIT=FALSE so H2 does not close the database under our own shutdown hook, which
     * still stores the inquiries in flight.
     */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("glossary")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
