package glossary.admin;

import com.nulabinc.zxcvbn.Zxcvbn;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Staff passwords: Argon2id with OWASP's parameters (19 MiB, 2 passes), and a policy that refuses
 * short, common and guessable ones.
 */
public final class Passwords {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** zxcvbn's scores run 0 to 4; 3 means "safely unguessable" for an online attack. */
    private static final int MIN_SCORE = 3;

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * What is wrong with a new password, if anything, as NIST SP 800-63B advises: long enough, not
     * common, not the account's email or its current password, and not easy to guess (zxcvbn's
     * estimate of at least 3 of 4, with the email's words counted as known to an attacker).
     *
     * @param current the password it replaces, or null for a new account
     */
    public static Optional<String> problem(String password, String email, String current) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.isBlank()) {
            return Optional.of("A password of only spaces is easy to guess; choose another.");
        }
        if (current != null && current.equals(password)) {
            return Optional.of("Choose a password different from your current one.");
        }
        var normalizedEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        var lowered = password.strip().toLowerCase(Locale.ROOT);
        if (!normalizedEmail.isEmpty()
                && (lowered.equals(normalizedEmail)
                        || lowered.equals(normalizedEmail.split("@", 2)[0]))) {
            return Optional.of("Do not use your email address as your password.");
        }
        if (Common.PASSWORDS.contains(lowered)) {
            return Optional.of("That password is on a list of common passwords; choose another.");
        }
        var strength = Common.ZXCVBN.measure(password, List.of(normalizedEmail.split("[@.]")));
        if (strength.getScore() < MIN_SCORE) {
            var warning = strength.getFeedback().getWarning();
            return Optional.of("That password would be easy to guess"
                    + (warning == null || warning.isBlank()
                            ? ""
                            : ": " + warning.strip().replaceAll("\\.$", ""))
                    + ". Try a few unrelated words.");
        }
        return Optional.empty();
    }

    /** Loaded when a new password is first checked, not at every start. */
    private static final class Common {
        static final Set<String> PASSWORDS = loadCommon();
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    private static Set<String> loadCommon() {
        var common = new HashSet<String>();
        try (var in = Passwords.class.getResourceAsStream("/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("the common password list is missing from the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                common.add(line.strip().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
