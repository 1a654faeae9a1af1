package glossary.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** The DKIM signing key, read once at start, and the DNS record that publishes its public half. */
public record DkimKey(DkimSettings settings, RSAPrivateCrtKey privateKey) {
    /** A key file that cannot be used; the message says what to do. */
    public static final class InvalidKey extends RuntimeException {
        InvalidKey(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static DkimKey load(DkimSettings settings) {
        var file = settings.keyFile().orElseThrow();
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidKey("Cannot read GLOSSARY_DKIM_KEY_FILE " + file + ": " + e.getMessage(), e);
        }
        return new DkimKey(settings, parse(pem, file));
    }

    static RSAPrivateCrtKey parse(String pem, Path origin) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new InvalidKey(
                    origin + " is a PKCS #1 key; convert it with `openssl pkcs8 -topk8 -nocrypt -in " + origin
                            + " -out dkim.pem`, or make a new one with `openssl genpkey -algorithm RSA "
                            + "-pkeyopt rsa_keygen_bits:2048 -out dkim.pem`",
                    null);
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new InvalidKey(
                    origin + " holds no unencrypted private key in PEM (\"-----BEGIN PRIVATE KEY-----\"); make one "
                            + "with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem`",
                    null);
        }
        var base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end)
                .replaceAll("\\s", "");
        try {
            var key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new InvalidKey(origin + " is not a complete RSA private key", null);
            }
            if (rsa.getModulus().bitLength() < 1024) {
                throw new InvalidKey(origin + " is shorter than 1024 bits, which receivers ignore; use 2048", null);
            }
            return rsa;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKey(origin + " is not an RSA private key (Ed25519 is not supported): " + e, e);
        }
    }

    /** The public key as the p= tag wants it: the DER SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        try {
            var spec = new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent());
            return Base64.getEncoder()
                    .encodeToString(
                            KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the record goes: selector._domainkey.domain. */
    public String recordName() {
        return settings.selector() + "._domainkey." + settings.domain();
    }

    /** The TXT record's value, split into strings of at most 255 characters as DNS requires. */
    public String recordValue() {
        var value = "v=DKIM1; k=rsa; p=" + publicKeyBase64();
        var quoted = new StringBuilder();
        for (int i = 0; i < value.length(); i += 255) {
            if (i > 0) {
                quoted.append(' ');
            }
            quoted.append('"')
                    .append(value, i, Math.min(value.length(), i + 255))
                    .append('"');
        }
        return quoted.toString();
    }

    int bits() {
        return privateKey.getModulus().bitLength();
    }
}
