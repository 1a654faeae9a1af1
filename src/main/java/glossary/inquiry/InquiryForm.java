package glossary.inquiry;

import io.javalin.http.Context;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What a visitor typed (or what the page filled in for them), exactly as sent: invalid input is
 * kept so the form can show it again next to the messages.
 */
public record InquiryForm(
        String name,
        String email,
        String company,
        String role,
        String country,
        String phone,
        String message,
        String timeline,
        boolean consent,
        String term,
        String page,
        String referrer,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmTerm,
        String utmContent) {

    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int COMPANY_MAX = 150;
    static final int ROLE_MAX = 100;
    static final int PHONE_MAX = 40;
    static final int MESSAGE_MIN = 10;
    static final int MESSAGE_MAX = 5000;
    static final int ATTRIBUTION_MAX = 200;
    static final int URL_MAX = 500;

    // Control characters: CR, LF, NUL and the rest. None belongs in a single-line field; a message
    // may keep its line breaks and tabs.
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern CONTROL_EXCEPT_LINES = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{5,40}");

    public static InquiryForm blank(String term, String page, String referrer, Context ctx) {
        return new InquiryForm(
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                false,
                term,
                page,
                referrer,
                clip(ctx.queryParam("utm_source")),
                clip(ctx.queryParam("utm_medium")),
                clip(ctx.queryParam("utm_campaign")),
                clip(ctx.queryParam("utm_term")),
                clip(ctx.queryParam("utm_content")));
    }

    static InquiryForm from(Context ctx) {
        return new InquiryForm(
                text(ctx, "name"),
                text(ctx, "email"),
                text(ctx, "company"),
                text(ctx, "role"),
                text(ctx, "country"),
                text(ctx, "phone"),
                text(ctx, "message"),
                text(ctx, "timeline"),
                "yes".equals(ctx.formParam("consent")),
                text(ctx, "term"),
                text(ctx, "page"),
                text(ctx, "referrer"),
                text(ctx, "utm_source"),
                text(ctx, "utm_medium"),
                text(ctx, "utm_campaign"),
                text(ctx, "utm_term"),
                text(ctx, "utm_content"));
    }

    FieldErrors validate() {
        var errors = new FieldErrors();
        singleLine(errors, "name", name, NAME_MAX, true, "your name");
        singleLine(errors, "email", email, EMAIL_MAX, true, "your work email");
        if (!errors.has("email") && !isEmail(email)) {
            errors.add("email", "Enter an email address like name@company.com.");
        }
        singleLine(errors, "company", company, COMPANY_MAX, true, "your company or organisation");
        singleLine(errors, "role", role, ROLE_MAX, false, "your role");
        if (country.isEmpty()) {
            errors.add("country", "Choose your country.");
        } else if (!Choices.isCountry(country)) {
            errors.add("country", "Choose a country from the list.");
        }
        singleLine(errors, "phone", phone, PHONE_MAX, false, "your phone number");
        if (!errors.has("phone") && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            errors.add("phone", "Enter a phone number using digits, spaces and + ( ) - only.");
        }
        if (message.isBlank()) {
            errors.add("message", "Tell us how we can help.");
        } else if (CONTROL_EXCEPT_LINES.matcher(message).find()) {
            errors.add("message", "Your message contains characters we cannot accept.");
        } else if (message.codePointCount(0, message.length()) < MESSAGE_MIN) {
            errors.add("message", "Tell us a little more: at least " + MESSAGE_MIN + " characters.");
        } else if (message.codePointCount(0, message.length()) > MESSAGE_MAX) {
            errors.add(
                    "message",
                    "Keep your message under " + MESSAGE_MAX + " characters (it has "
                            + message.codePointCount(0, message.length()) + ").");
        }
        if (!timeline.isEmpty() && !Choices.isTimeline(timeline)) {
            errors.add("timeline", "Choose a timeline from the list.");
        }
        if (!consent) {
            errors.add("consent", "Please agree so that we may use your details to reply.");
        }
        return errors;
    }

    /** Attribution fields are not the visitor's to fix: they are made safe instead of rejected. */
    InquiryForm withSafeAttribution() {
        return new InquiryForm(
                name,
                email,
                company,
                role,
                country,
                phone,
                message,
                timeline,
                consent,
                clip(term),
                clipUrl(page),
                clipUrl(referrer),
                clip(utmSource),
                clip(utmMedium),
                clip(utmCampaign),
                clip(utmTerm),
                clip(utmContent));
    }

    private static void singleLine(
            FieldErrors errors, String field, String value, int max, boolean required, String what) {
        if (value.isBlank()) {
            if (required) {
                errors.add(field, "Enter " + what + ".");
            }
        } else if (CONTROL.matcher(value).find()) {
            errors.add(field, "Use a single line without special characters.");
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.add(field, "Keep it under " + (max + 1) + " characters.");
        }
    }

    /** One address, no display name, a dot in the domain: what a reply can actually reach. */
    static boolean isEmail(String value) {
        if (value.length() > EMAIL_MAX
                || value.indexOf('@') < 1
                || value.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            var address = new InternetAddress(value, true);
            address.validate();
            var domain = value.substring(value.lastIndexOf('@') + 1);
            return address.getAddress().equals(value)
                    && address.getPersonal() == null
                    && domain.contains(".")
                    && !domain.startsWith(".")
                    && !domain.endsWith(".");
        } catch (AddressException e) {
            return false;
        }
    }

    private static String text(Context ctx, String field) {
        var value = ctx.formParam(field);
        return value == null
                ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        var clean = CONTROL.matcher(value).replaceAll("").strip();
        return clean.length() > ATTRIBUTION_MAX ? clean.substring(0, ATTRIBUTION_MAX) : clean;
    }

    private static String clipUrl(String value) {
        var clean = value == null ? "" : CONTROL.matcher(value).replaceAll("").strip();
        return clean.length() > URL_MAX ? clean.substring(0, URL_MAX) : clean;
    }
}
