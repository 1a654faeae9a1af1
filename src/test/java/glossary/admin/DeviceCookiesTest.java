package glossary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeviceCookiesTest {
    private final DeviceCookies devices = new DeviceCookies(key(1));

    @Test
    void a_cookie_names_its_device_only_for_the_account_it_was_signed_for() {
        var cookie = devices.issue("boss@firm.example");
        var id = cookie.substring(0, cookie.indexOf('.'));
        assertThat(devices.device(cookie, "boss@firm.example")).hasValue(id);
        assertThat(devices.device(cookie, "Boss@Firm.example"))
                .as("as the account compares")
                .hasValue(id);
        assertThat(devices.device(cookie, "colleague@firm.example")).isEmpty();
        assertThat(cookie).doesNotContain("boss");
        assertThat(devices.issue("boss@firm.example"))
                .as("each sign-in a new device id")
                .isNotEqualTo(cookie);
    }

    @Test
    void a_cookie_signed_with_another_key_or_tampered_with_names_no_device() {
        var cookie = devices.issue("boss@firm.example");
        assertThat(new DeviceCookies(key(2)).device(cookie, "boss@firm.example"))
                .isEmpty();
        assertThat(devices.device("x" + cookie, "boss@firm.example")).isEmpty();
        assertThat(devices.device(cookie + "x", "boss@firm.example")).isEmpty();
        assertThat(devices.device(null, "boss@firm.example")).isEmpty();
        assertThat(devices.device("", "boss@firm.example")).isEmpty();
        assertThat(devices.device(".", "boss@firm.example")).isEmpty();
        assertThat(devices.device("a".repeat(5000), "boss@firm.example")).isEmpty();
    }

    private static byte[] key(int fill) {
        var key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
