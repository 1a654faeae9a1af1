package glossary;

import glossary.admin.DigestSettings;
import glossary.inquiry.FormSettings;
import glossary.mail.DkimSettings;
import glossary.mail.MailSettings;
import glossary.mail.SmtpSettings;
import glossary.ops.OpsSettings;
import glossary.web.TimeSettings;
import glossary.webhook.WebhookSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
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
        int retentionMonths,
        Backups backups,
        TimeSettings time,
        DkimSettings dkim,
        DigestSettings digest,
        WebhookSettings webhook) {

    /** Daily backups of the embedded database into dir (none when empty), keeping the newest {@code keep}. */
    public record Backups(Optional<Path> dir, int keep) {}

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
                atLeastOne("GLOSSARY_RETENTION_MONTHS", env.getOrDefault("GLOSSARY_RETENTION_MONTHS", "24")),
                new Backups(
                        Optional.ofNullable(blankToNull(env.get("GLOSSARY_BACKUP_DIR")))
                                .map(dir -> Path.of(dir).toAbsolutePath().normalize()),
                        atLeastOne("GLOSSARY_BACKUP_KEEP", env.getOrDefault("GLOSSARY_BACKUP_KEEP", "7"))),
                new TimeSettings(zone(env.get("GLOSSARY_TIMEZONE"))),
                dkim(env),
                new DigestSettings(digestHour(env.getOrDefault("GLOSSARY_DIGEST_HOUR", "9"))),
                webhook(env));
    }

    private static int digestHour(String value) {
        int hour;
        try {
            hour = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            hour = -2;
        }
        if (hour < -1 || hour > 23) {
            throw new IllegalArgumentException("GLOSSARY_DIGEST_HOUR must be an hour from 0 to 23, or -1 for no "
                    + "digest, not " + value.strip());
        }
        return hour;
    }

    /**
     * A URL and its secret, or neither. The URL is https (plain http only to this machine, for a
     * local relay or a test), so the leads it carries cannot be read on the way.
     */
    private static WebhookSettings webhook(Map<String, String> env) {
        var url = Optional.ofNullable(blankToNull(env.get("GLOSSARY_WEBHOOK_URL")))
                .map(String::strip);
        var secret = Optional.ofNullable(blankToNull(env.get("GLOSSARY_WEBHOOK_SECRET")))
                .map(String::strip)
                .orElse("");
        if (url.isEmpty()) {
            if (!secret.isEmpty()) {
                throw new IllegalArgumentException(
                        "GLOSSARY_WEBHOOK_SECRET is set but GLOSSARY_WEBHOOK_URL is not: set both, or neither");
            }
            return WebhookSettings.off();
        }
        URI uri;
        try {
            uri = new URI(url.get());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("GLOSSARY_WEBHOOK_URL is not a URL: " + url.get());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && local))) {
            throw new IllegalArgumentException("GLOSSARY_WEBHOOK_URL must be an https:// URL (http:// only for "
                    + "localhost or 127.0.0.1), not " + url.get());
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("GLOSSARY_WEBHOOK_URL is set but GLOSSARY_WEBHOOK_SECRET is not: "
                    + "every call is signed with it (make one with `openssl rand -hex 32`)");
        }
        if (secret.length() < WebhookSettings.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("GLOSSARY_WEBHOOK_SECRET must have at least "
                    + WebhookSettings.MIN_SECRET_LENGTH + " characters (make one with `openssl rand -hex 32`)");
        }
        return new WebhookSettings(Optional.of(uri), secret);
    }

    private static int atLeastOne(String name, String value) {
        int n = Integer.parseInt(value.strip());
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, not " + n);
        }
        return n;
    }

    /** The same settings on an embedded database in another directory: a restore opens its copy there first. */
    Config onEmbeddedIn(Path dir) {
        return new Config(
                port,
                dir,
                baseUrl,
                contentDir,
                siteFile,
                new Db(h2Url(dir), db.user(), db.password(), 2),
                smtp,
                mail,
                forms,
                admin,
                ops,
                retentionMonths,
                backups,
                time,
                dkim,
                digest,
                webhook);
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return TimeSettings.DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "GLOSSARY_TIMEZONE: " + value + " is not a time zone; use a name such as Asia/Singapore");
        }
    }

    /** All three settings or none: a half-configured signature would fail silently at the receivers. */
    private static DkimSettings dkim(Map<String, String> env) {
        var domain = Optional.ofNullable(blankToNull(env.get("GLOSSARY_DKIM_DOMAIN")))
                .map(String::strip)
                .orElse("");
        var selector = Optional.ofNullable(blankToNull(env.get("GLOSSARY_DKIM_SELECTOR")))
                .map(String::strip)
                .orElse("");
        var keyFile = Optional.ofNullable(blankToNull(env.get("GLOSSARY_DKIM_KEY_FILE")))
                .map(String::strip)
                .map(Path::of);
        int set = (domain.isEmpty() ? 0 : 1) + (selector.isEmpty() ? 0 : 1) + (keyFile.isEmpty() ? 0 : 1);
        if (set == 0) {
            return DkimSettings.off();
        }
        if (set < 3) {
            throw new IllegalArgumentException("DKIM needs all of GLOSSARY_DKIM_DOMAIN, GLOSSARY_DKIM_SELECTOR and "
                    + "GLOSSARY_DKIM_KEY_FILE, or none of them");
        }
        return new DkimSettings(domain, selector, keyFile);
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
