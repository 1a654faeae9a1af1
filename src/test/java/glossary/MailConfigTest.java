package glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The firm's time zone and DKIM settings, read from the environment with a clear answer when wrong. */
class MailConfigTest {
    @Test
    void the_zone_defaults_to_singapore_and_a_wrong_one_is_named() {
        assertThat(Config.from(Map.of()).time().zone()).isEqualTo(ZoneId.of("Asia/Singapore"));
        assertThat(Config.from(Map.of("GLOSSARY_TIMEZONE", "Asia/Jakarta"))
                        .time()
                        .zone())
                .isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThatThrownBy(() -> Config.from(Map.of("GLOSSARY_TIMEZONE", "Mars/Olympus")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GLOSSARY_TIMEZONE: Mars/Olympus");
    }

    @Test
    void dkim_is_off_unless_all_three_settings_are_given() {
        assertThat(Config.from(Map.of()).dkim().enabled()).isFalse();
        var all = Config.from(Map.of(
                        "GLOSSARY_DKIM_DOMAIN", "firm.example",
                        "GLOSSARY_DKIM_SELECTOR", "s1",
                        "GLOSSARY_DKIM_KEY_FILE", "/etc/glossary/dkim.pem"))
                .dkim();
        assertThat(all.enabled()).isTrue();
        assertThat(all.keyFile()).contains(Path.of("/etc/glossary/dkim.pem"));
        assertThatThrownBy(() -> Config.from(Map.of("GLOSSARY_DKIM_DOMAIN", "firm.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GLOSSARY_DKIM_SELECTOR");
    }
}
