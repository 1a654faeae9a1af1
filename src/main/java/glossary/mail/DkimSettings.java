package glossary.mail;

import java.nio.file.Path;
import java.util.Optional;

/**
 * DKIM signing of outgoing mail: on when all three are set (GLOSSARY_DKIM_DOMAIN, _SELECTOR,
 * _KEY_FILE), off when none is; Config refuses a half-set configuration.
 *
 * @param keyFile an RSA private key in PEM (PKCS #8, as {@code openssl genpkey} writes it)
 */
public record DkimSettings(String domain, String selector, Optional<Path> keyFile) {
    public static DkimSettings off() {
        return new DkimSettings("", "", Optional.empty());
    }

    public boolean enabled() {
        return keyFile.isPresent();
    }
}
