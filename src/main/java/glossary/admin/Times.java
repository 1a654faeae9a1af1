package glossary.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as staff read them: in the firm's zone, relative ("3 h ago") with the exact time beside. */
public final class Times {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.UK);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ZoneId zone;
    private final Clock clock;

    public Times(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * For the datetime attribute and the CSV export: ISO-8601 in the firm's zone with its offset, to
     * the second ("2026-12-01T10:46:00+08:00"; the seconds are written even when they are zero).
     */
    public String iso(OffsetDateTime t) {
        return ISO.format(t.atZoneSameInstant(zone).toOffsetDateTime());
    }

    /** "Tue 1 Dec 2026, 10:46 SGT". */
    public String exact(OffsetDateTime t) {
        return EXACT.format(t.atZoneSameInstant(zone));
    }

    /** "1 Dec 2026", the day in the firm's zone. */
    public String day(OffsetDateTime t) {
        return DAY.format(t.atZoneSameInstant(zone));
    }

    /** How long ago: "just now", "12 min", "3 h", "2 d". */
    public String age(OffsetDateTime t) {
        return span(Duration.between(t, OffsetDateTime.now(clock)));
    }

    /** "3 h ago", or "in 5 min" for a time still to come. */
    public String ago(OffsetDateTime t) {
        var now = OffsetDateTime.now(clock);
        if (t.isAfter(now.plusMinutes(1))) {
            return "in " + span(Duration.between(now, t));
        }
        var age = age(t);
        return age.equals("just now") ? age : age + " ago";
    }

    /** A duration in the same short words: "45 min", "3 h", "2 d". */
    public static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60 && minutes / 60 < 24) {
            return (minutes / 60) + " h";
        }
        return (minutes / (24 * 60)) + " d";
    }
}
