package glossary.inquiry;

import glossary.web.Text;
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

    /** What is wrong with each field, in the reader's language ({@code t}). */
    FieldErrors validate(Text t) {
        var errors = new FieldErrors();
        singleLine(t, errors, "name", name, NAME_MAX, "error.enterName");
        singleLine(t, errors, "email", email, EMAIL_MAX, "error.enterEmail");
        if (!errors.has("email") && !isEmail(email)) {
            errors.add("email", t.get("error.emailFormat"));
        }
        singleLine(t, errors, "company", company, COMPANY_MAX, "error.enterCompany");
        singleLine(t, errors, "role", role, ROLE_MAX, null);
        if (country.isEmpty()) {
            errors.add("country", t.get("error.chooseCountry"));
        } else if (!Choices.isCountry(country)) {
            errors.add("country", t.get("error.countryFromList"));
        }
        singleLine(t, errors, "phone", phone, PHONE_MAX, null);
        if (!errors.has("phone") && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            errors.add("phone", t.get("error.phoneFormat"));
        }
        int length = message.codePointCount(0, message.length());
        if (message.isBlank()) {
            errors.add("message", t.get("error.message"));
        } else if (CONTROL_EXCEPT_LINES.matcher(message).find()) {
            errors.add("message", t.get("error.messageCharacters"));
        } else if (length < MESSAGE_MIN) {
            errors.add("message", t.get("error.messageShort", MESSAGE_MIN));
        } else if (length > MESSAGE_MAX) {
            errors.add("message", t.get("error.messageLong", MESSAGE_MAX, length));
        }
        if (!timeline.isEmpty() && !Choices.isTimeline(timeline)) {
            errors.add("timeline", t.get("error.timelineFromList"));
        }
        if (!consent) {
            errors.add("consent", t.get("error.consent"));
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

    /** @param missing the message when the field is required and empty; null when it is optional */
    private static void singleLine(Text t, FieldErrors errors, String field, String value, int max, String missing) {
        if (value.isBlank()) {
            if (missing != null) {
                errors.add(field, t.get(missing));
            }
        } else if (CONTROL.matcher(value).find()) {
            errors.add(field, t.get("error.singleLine"));
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.add(field, t.get("error.tooLong", max + 1));
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
