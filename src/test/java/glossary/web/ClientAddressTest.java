package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.1", "::1"));

    @Test
    void a_direct_client_is_its_own_address_whatever_the_header_says() {
        assertThat(new ClientAddress(List.of()).resolve("203.0.113.9", "1.2.3.4"))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
    }

    @Test
    void behind_trusted_proxies_the_rightmost_untrusted_hop_is_the_client() {
        assertThat(behindProxies.resolve("10.1.2.3", "198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(behindProxies.resolve("10.1.2.3", "6.6.6.6, 198.51.100.4, 192.168.1.1"))
                .isEqualTo("198.51.100.4");
        assertThat(behindProxies.resolve("::1", "2001:db8::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void garbage_in_the_header_stops_at_the_last_address_we_can_vouch_for() {
        assertThat(behindProxies.resolve("10.1.2.3", "evil.example.com")).isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.1.2.3", "")).isEqualTo("10.1.2.3");
    }
}
