package glossary.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed form tokens: the CSRF token and the time trap in one. A token says "this form, for this
 * purpose, was delivered with nonce N, and a person could not have filled it before instant T",
 * signed with a key kept in the database, so any instance can check a token another one issued,
 * with no session. The nonce lets the form's owner make a token good for one submission.
 */
public final class FormTokens {
    public enum Verdict {
        VALID,
        TOO_FAST,
        EXPIRED,
        INVALID
    }

    /** What a token is for; signed into it, so a token of one form is worthless at another. */
    public enum Purpose {
        INQUIRY("inquiry-form"),
        SIGN_IN("staff-sign-in");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    /** @param nonce the token's random part, unique to one delivery of a form; null when INVALID */
    public record Check(Verdict verdict, Instant notBefore, String nonce) {}

    static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_LENGTH = 120;

    // Pure Java DRBG, one per thread: the system one reads /dev/urandom under a lock, once per page.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private final SecretKeySpec key;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    FormTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Loads the signing key, creating it on the very first start (any instance may win that race). */
    public static FormTokens load(Jdbi jdbi, Clock clock) {
        return new FormTokens(AppSecret.load(jdbi, "form-token-key"), clock);
    }

    /**
     * A token for a form delivered now, which a person needs at least {@code minimumFillTime} to
     * complete: "notBefore.nonce.signature".
     */
    public String issue(Purpose purpose, Duration minimumFillTime) {
        var notBefore = clock.instant().plus(minimumFillTime).getEpochSecond();
        var random = new byte[16];
        RANDOM.get().nextBytes(random);
        var nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return notBefore + "." + nonce + "." + sign(purpose, notBefore, nonce);
    }

    public Check check(Purpose purpose, String token) {
        var invalid = new Check(Verdict.INVALID, null, null);
        if (token == null || token.length() > MAX_LENGTH) {
            return invalid;
        }
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1) {
            return invalid;
        }
        long notBefore;
        try {
            notBefore = Long.parseLong(token.substring(0, first));
        } catch (NumberFormatException e) {
            return invalid;
        }
        var nonce = token.substring(first + 1, second);
        var expected = sign(purpose, notBefore, nonce).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(second + 1).getBytes(StandardCharsets.US_ASCII))) {
            return invalid;
        }
        var issuedFor = Instant.ofEpochSecond(notBefore);
        var now = clock.instant();
        if (now.isBefore(issuedFor)) {
            return new Check(Verdict.TOO_FAST, issuedFor, nonce);
        }
        if (now.isAfter(issuedFor.plus(LIFETIME))) {
            return new Check(Verdict.EXPIRED, issuedFor, nonce);
        }
        return new Check(Verdict.VALID, issuedFor, nonce);
    }

    private String sign(Purpose purpose, long notBefore, String nonce) {
        var mac = macs.get();
        var digest = mac.doFinal((purpose.label + "|" + notBefore + "|" + nonce).getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
