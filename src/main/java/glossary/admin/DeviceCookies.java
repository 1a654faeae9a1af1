package glossary.admin;

import glossary.web.AppSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * OWASP's device cookies: a browser that signed in to an account successfully carries a cookie
 * only the server could have signed for that account, which sets it apart from strangers guessing
 * the account's password. The value is {@code id.signature} over the account's email and the id,
 * so the cookie itself does not say whose it is. The key is in the database: every instance checks it.
 */
public final class DeviceCookies {
    static final String COOKIE = "glossary_device";
    static final Duration LIFETIME = Duration.ofDays(365);

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    DeviceCookies(byte[] key) {
        this.key = key.clone();
    }

    public static DeviceCookies load(Jdbi jdbi) {
        return new DeviceCookies(AppSecret.load(jdbi, "device-cookie-key"));
    }

    /** A new cookie value for a browser that has just signed in to this account. */
    String issue(String email) {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        var id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return id + "." + sign(Staff.normalize(email), id);
    }

    /** The device's id, if this cookie was signed for this account; nothing for a forged or foreign one. */
    Optional<String> device(String cookie, String email) {
        if (cookie == null || cookie.length() > 100) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        var id = cookie.substring(0, dot);
        var expected = sign(Staff.normalize(email), id).getBytes(StandardCharsets.US_ASCII);
        var sent = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sent) ? Optional.of(id) : Optional.empty();
    }

    private String sign(String email, String id) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var digest = mac.doFinal(("staff-device|" + email + "|" + id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
