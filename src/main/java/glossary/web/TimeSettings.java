package glossary.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The firm's time zone: where "today" and "the next business day" are reckoned for people. */
public record TimeSettings(ZoneId zone) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Singapore");

    /** The business day (Monday to Friday; public holidays are not known) after the day of {@code now}. */
    public LocalDate nextBusinessDay(Instant now) {
        var day = LocalDate.ofInstant(now, zone).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** How people name the zone: "Singapore time" for Asia/Singapore, "UTC" for UTC. */
    public String zoneName() {
        var id = zone.getId();
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1).replace('_', ' ') + " time";
    }
}
