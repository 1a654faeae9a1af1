package glossary.web;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the glossary is read in. English keeps today's URLs; every other language lives
 * under its own prefix ({@code /th/glossary/…}), so each page has one stable address per language.
 */
public enum Language {
    EN("en", "English", "en_GB"),
    ID("id", "Bahasa Indonesia", "id_ID"),
    VI("vi", "Tiếng Việt", "vi_VN"),
    TH("th", "ไทย", "th_TH");

    private final String tag;
    private final String nativeName;
    private final String ogLocale;
    private final Locale locale;

    Language(String tag, String nativeName, String ogLocale) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.ogLocale = ogLocale;
        this.locale = Locale.forLanguageTag(ogLocale.replace('_', '-'));
    }

    /** The BCP 47 tag, as in {@code lang} and {@code hreflang}: en, id, vi, th. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, as a switcher shows it. */
    public String nativeName() {
        return nativeName;
    }

    public String ogLocale() {
        return ogLocale;
    }

    public Locale locale() {
        return locale;
    }

    /** All four are written left to right; kept so templates never hard-code it. */
    public String dir() {
        return "ltr";
    }

    public boolean isDefault() {
        return this == EN;
    }

    /** The language's address of an English path: "/glossary" becomes "/th/glossary", "/" becomes "/th". */
    public String path(String englishPath) {
        if (isDefault()) {
            return englishPath;
        }
        return englishPath.equals("/") ? "/" + tag : "/" + tag + englishPath;
    }

    public static Optional<Language> ofTag(String tag) {
        for (var language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** A stored tag read back: unknown or missing tags (older rows) are English. */
    public static Language orDefault(String tag) {
        return ofTag(tag).orElse(EN);
    }
}
