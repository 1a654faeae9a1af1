package glossary.mail;

import glossary.web.Firm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The firm as every message presents it (src/main/jte/mail/layout.jte and its plain-text twin):
 * a wordmark instead of the SVG logo, which many mail clients block, coloured like the logo.
 *
 * @param initial the letter in the wordmark's square, standing in for the logo's mark
 * @param colour the logo's first fill dark enough for white text on it, or the site's accent
 */
public record Letterhead(
        String name,
        String initial,
        String colour,
        String pitch,
        String email,
        String phone,
        String phoneHref,
        String siteUrl,
        String siteHost,
        List<String> offices) {

    static final String ACCENT = "#1f4e79";
    private static final Pattern FILL = Pattern.compile("fill=\"(#[0-9a-fA-F]{6})\"");

    public static Letterhead of(Firm firm, String siteUrl) {
        var offices = firm.offices().stream()
                .map(o -> o.city() + ": " + String.join(", ", o.address()))
                .toList();
        return new Letterhead(
                firm.name(),
                firm.name().substring(0, firm.name().offsetByCodePoints(0, 1)),
                colour(new String(firm.logoSvg(), StandardCharsets.UTF_8)),
                firm.pitch(),
                firm.email(),
                firm.phone(),
                firm.phoneHref(),
                siteUrl,
                siteUrl.replaceFirst("^https?://", ""),
                offices);
    }

    static String colour(String svg) {
        var fills = FILL.matcher(svg);
        while (fills.find()) {
            if (contrastWithWhite(fills.group(1)) >= 4.5) {
                return fills.group(1).toLowerCase();
            }
        }
        return ACCENT;
    }

    /** WCAG 2 contrast ratio of white text on this colour. */
    static double contrastWithWhite(String hex) {
        double luminance = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            luminance += weights[i] * c;
        }
        return 1.05 / (luminance + 0.05);
    }
}
