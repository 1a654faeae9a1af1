package glossary.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed form tokens: the CSRF token and the time trap in one. A token says "a person could not
 * have filled this form before instant T" and is signed with a key kept in the database, so any
 * instance can check a token another one issued, with no session.
 */
public final class FormTokens {
    public enum Verdict {
        VALID,
        TOO_FAST,
        EXPIRED,
        INVALID
    }

    public record Check(Verdict verdict, Instant notBefore) {}

    static final Duration LIFETIME = Duration.ofHours(24);

    private final byte[] key;
    private final Clock clock;

    FormTokens(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    /** Loads the signing key, creating it on the very first start (any instance may win that race). */
    public static FormTokens load(Jdbi jdbi, Clock clock) {
        var fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        var stored = jdbi.withHandle(h -> {
            var existing = h.createQuery("SELECT secret FROM app_secret WHERE name = 'form-token-key'")
                    .mapTo(String.class)
                    .findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                h.createUpdate("INSERT INTO app_secret (name, secret) VALUES ('form-token-key', :v)")
                        .bind("v", HexFormat.of().formatHex(fresh))
                        .execute();
            } catch (RuntimeException e) {
                // another instance created it between our read and our insert: use theirs
            }
            return h.createQuery("SELECT secret FROM app_secret WHERE name = 'form-token-key'")
                    .mapTo(String.class)
                    .one();
        });
        return new FormTokens(HexFormat.of().parseHex(stored), clock);
    }

    /** A token for a form shown now, which a person needs at least {@code minimumFillTime} to complete. */
    public String issue(Duration minimumFillTime) {
        var notBefore = clock.instant().plus(minimumFillTime).getEpochSecond();
        return notBefore + "." + sign(notBefore);
    }

    public Check check(String token) {
        if (token == null || token.length() > 100) {
            return new Check(Verdict.INVALID, null);
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return new Check(Verdict.INVALID, null);
        }
        long notBefore;
        try {
            notBefore = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return new Check(Verdict.INVALID, null);
        }
        var expected = sign(notBefore).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return new Check(Verdict.INVALID, null);
        }
        var issuedFor = Instant.ofEpochSecond(notBefore);
        var now = clock.instant();
        if (now.isBefore(issuedFor)) {
            return new Check(Verdict.TOO_FAST, issuedFor);
        }
        if (now.isAfter(issuedFor.plus(LIFETIME))) {
            return new Check(Verdict.EXPIRED, issuedFor);
        }
        return new Check(Verdict.VALID, issuedFor);
    }

    private String sign(long notBefore) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var digest = mac.doFinal(("inquiry-form|" + notBefore).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
