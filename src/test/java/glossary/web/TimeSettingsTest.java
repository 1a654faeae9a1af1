package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeSettingsTest {
    private final TimeSettings singapore = new TimeSettings(ZoneId.of("Asia/Singapore"));

    @Test
    void the_next_business_day_skips_the_weekend_in_the_firms_zone() {
        // 2026-12-04 is a Friday.
        assertThat(singapore.nextBusinessDay(Instant.parse("2026-12-01T02:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(singapore.nextBusinessDay(Instant.parse("2026-12-04T09:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(singapore.nextBusinessDay(Instant.parse("2026-12-05T09:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-12-07"));
        // Thursday 20:00 in London is already Friday in Singapore: the answer is due Monday.
        assertThat(singapore.nextBusinessDay(Instant.parse("2026-12-03T20:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(new TimeSettings(ZoneId.of("UTC")).nextBusinessDay(Instant.parse("2026-12-03T20:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void the_zone_is_named_as_people_say_it() {
        assertThat(singapore.zoneName()).isEqualTo("Singapore time");
        assertThat(new TimeSettings(ZoneId.of("America/New_York")).zoneName()).isEqualTo("New York time");
        assertThat(new TimeSettings(ZoneId.of("UTC")).zoneName()).isEqualTo("UTC");
    }
}
