package glossary.mail;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code java -jar glossary.jar mail dkim-record}: prints the DNS records that let receivers trust
 * the firm's mail (DKIM from the configured key, with SPF and DMARC to adapt), so nobody has to
 * extract a public key with openssl by hand.
 */
public final class MailCommand {
    private MailCommand() {}

    public static int run(String[] args, DkimSettings dkim, String from, PrintStream out) {
        if (args.length != 2 || !args[0].equals("mail") || !args[1].equals("dkim-record")) {
            out.println("Usage: java -jar glossary.jar mail dkim-record   (with GLOSSARY_DKIM_DOMAIN, "
                    + "GLOSSARY_DKIM_SELECTOR and GLOSSARY_DKIM_KEY_FILE set)");
            return 2;
        }
        if (!dkim.enabled()) {
            out.println("DKIM is not configured: set GLOSSARY_DKIM_DOMAIN, GLOSSARY_DKIM_SELECTOR and "
                    + "GLOSSARY_DKIM_KEY_FILE (make a key with `openssl genpkey -algorithm RSA "
                    + "-pkeyopt rsa_keygen_bits:2048 -out dkim.pem`).");
            return 1;
        }
        DkimKey key;
        try {
            key = DkimKey.load(dkim);
        } catch (DkimKey.InvalidKey e) {
            out.println(e.getMessage());
            return 1;
        }
        var domain = dkim.domain();
        var fromDomain =
                from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
        out.println("; DNS records for mail from " + from + ". Publish them in the zone of " + domain + ".");
        out.println();
        out.println("; DKIM: the public half of " + dkim.keyFile().get() + " (" + key.bits() + "-bit RSA).");
        out.println(key.recordName() + ". 3600 IN TXT ( " + key.recordValue() + " )");
        out.println();
        out.println("; SPF: one record per domain. If " + domain + " has one, add your mail provider's");
        out.println("; mechanism to it instead; replace the include with what your provider documents.");
        out.println(domain + ". 3600 IN TXT \"v=spf1 include:<your mail provider's SPF domain> ~all\"");
        out.println();
        out.println("; DMARC: start by only collecting reports (p=none); after some weeks of clean reports");
        out.println("; move to p=quarantine, then p=reject.");
        out.println("_dmarc." + domain + ". 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain
                + "; adkim=r; aspf=r\"");
        if (!aligned(fromDomain, domain)) {
            out.println();
            out.println("; WARNING: the sender (GLOSSARY_MAIL_FROM) is on " + fromDomain + ", not on " + domain
                    + ": DMARC passes only when the DKIM domain is the sender's domain or a parent of it.");
            return 1;
        }
        return 0;
    }

    /** DMARC's relaxed alignment: the sender's domain is the signing domain or below it. */
    static boolean aligned(String fromDomain, String dkimDomain) {
        var from = fromDomain.toLowerCase(Locale.ROOT);
        var signing = dkimDomain.toLowerCase(Locale.ROOT);
        return from.equals(signing) || from.endsWith("." + signing);
    }
}
