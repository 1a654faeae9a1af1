package glossary.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interface's words in one language, from {@code i18n/messages_<tag>.properties}. Messages are
 * ICU MessageFormat patterns, so plurals ({@code {0, plural, one {# term} other {# terms}}}) and
 * numbers follow the language's own rules.
 */
public final class Text {
    /** Each language's bundle is its own file: English words must never show up on a Thai page. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Made when a language is first needed: ICU's data for it loads then, not at start-up. */
    private static final Map<Language, Text> ALL = new ConcurrentHashMap<>();

    private final Language language;
    private final ResourceBundle bundle;
    private final ULocale locale;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    private final DateFormat longDate;

    private Text(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("i18n.messages", language.locale(), NO_FALLBACK);
        this.locale = ULocale.forLocale(language.locale());
        // Thai readers date documents in the Buddhist era (1 ธันวาคม 2569); ICU's Thai locale does so.
        this.longDate = DateFormat.getDateInstance(DateFormat.LONG, locale);
        this.longDate.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
    }

    public static Text of(Language language) {
        return ALL.computeIfAbsent(language, Text::new);
    }

    public Language language() {
        return language;
    }

    /** The message under {@code key}, its {0}, {1}… filled in with {@code args}. */
    public String get(String key, Object... args) {
        var format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern(k), locale));
        synchronized (format) { // ICU formats are not thread-safe; these are tiny and cached
            return format.format(args);
        }
    }

    /** Whether the bundle has the key, for a message that only some pages carry. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    private String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message '" + key + "' for " + language.tag(), e);
        }
    }

    public String date(LocalDate date) {
        synchronized (longDate) {
            return longDate.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
    }
}
