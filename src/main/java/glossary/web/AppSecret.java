package glossary.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;

/** Keys every instance must share (to check what another one signed), kept in the app_secret table. */
public final class AppSecret {
    private AppSecret() {}

    /** The 32-byte key of this name, created on the very first start (any instance may win that race). */
    public static byte[] load(Jdbi jdbi, String name) {
        var fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        var stored = jdbi.withHandle(h -> {
            var existing = h.createQuery("SELECT secret FROM app_secret WHERE name = :n")
                    .bind("n", name)
                    .mapTo(String.class)
                    .findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                h.createUpdate("INSERT INTO app_secret (name, secret) VALUES (:n, :v)")
                        .bind("n", name)
                        .bind("v", HexFormat.of().formatHex(fresh))
                        .execute();
            } catch (RuntimeException e) {
                // another instance created it between our read and our insert: use theirs
            }
            return h.createQuery("SELECT secret FROM app_secret WHERE name = :n")
                    .bind("n", name)
                    .mapTo(String.class)
                    .one();
        });
        return HexFormat.of().parseHex(stored);
    }
}
