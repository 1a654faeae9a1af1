package glossary.web;

import static glossary.web.FormTokens.Purpose.INQUIRY;
import static glossary.web.FormTokens.Purpose.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static FormTokens at(Instant instant) {
        return new FormTokens(KEY, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void a_token_is_too_fast_then_valid_then_expired() {
        var token = at(NOW).issue(INQUIRY, Duration.ofSeconds(3));
        assertThat(at(NOW.plusSeconds(1)).check(INQUIRY, token).verdict()).isEqualTo(FormTokens.Verdict.TOO_FAST);
        assertThat(at(NOW.plusSeconds(4)).check(INQUIRY, token).verdict()).isEqualTo(FormTokens.Verdict.VALID);
        assertThat(at(NOW.plus(Duration.ofHours(25))).check(INQUIRY, token).verdict())
                .isEqualTo(FormTokens.Verdict.EXPIRED);
    }

    @Test
    void a_token_signed_with_another_key_or_altered_is_invalid() {
        var token = at(NOW).issue(INQUIRY, Duration.ZERO);
        var other = new FormTokens("another key, another key, 32 by".getBytes(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.check(INQUIRY, token).verdict()).isEqualTo(FormTokens.Verdict.INVALID);
        var altered =
                (Long.parseLong(token.substring(0, token.indexOf('.'))) - 100) + token.substring(token.indexOf('.'));
        assertThat(at(NOW).check(INQUIRY, altered).verdict()).isEqualTo(FormTokens.Verdict.INVALID);
        assertThat(at(NOW).check(INQUIRY, null).verdict()).isEqualTo(FormTokens.Verdict.INVALID);
        assertThat(at(NOW).check(INQUIRY, "garbage").verdict()).isEqualTo(FormTokens.Verdict.INVALID);
    }

    @Test
    void a_token_is_good_for_its_own_purpose_only_and_each_is_unique() {
        var signIn = at(NOW).issue(SIGN_IN, Duration.ZERO);
        assertThat(at(NOW).check(SIGN_IN, signIn).verdict()).isEqualTo(FormTokens.Verdict.VALID);
        assertThat(at(NOW).check(INQUIRY, signIn).verdict()).isEqualTo(FormTokens.Verdict.INVALID);
        var one = at(NOW).check(INQUIRY, at(NOW).issue(INQUIRY, Duration.ZERO));
        var two = at(NOW).check(INQUIRY, at(NOW).issue(INQUIRY, Duration.ZERO));
        assertThat(one.nonce()).isNotBlank().isNotEqualTo(two.nonce());
    }
}
