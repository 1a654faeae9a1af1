package glossary.inquiry;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import glossary.web.Language;
import glossary.web.Option;
import glossary.web.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The options of the form's select fields. */
public final class Choices {
    /** ASEAN members first, where most of the firm's clients are, then every other country A-Z. */
    static final List<String> FIRST = List.of("SG", "MY", "ID", "TH", "VN", "PH", "BN", "KH", "LA", "MM", "TL");

    public static final List<Option> COUNTRIES = countries(Locale.UK);

    /** The timeline choices' values; their labels are in each language's bundle as timeline.<value>. */
    private static final List<String> TIMELINE_VALUES =
            List.of("asap", "3-months", "6-months", "12-months", "exploring");

    public static final List<Option> TIMELINES = timelines(Language.EN);

    private static final Map<Language, List<Option>> LOCAL_COUNTRIES = new ConcurrentHashMap<>();

    /** Country names as the reader's language writes them, ASEAN first, the rest in that language's order. */
    public static List<Option> countries(Language language) {
        return language.isDefault() ? COUNTRIES : LOCAL_COUNTRIES.computeIfAbsent(language, l -> countries(l.locale()));
    }

    public static List<Option> timelines(Language language) {
        var text = Text.of(language);
        return TIMELINE_VALUES.stream()
                .map(value -> new Option(value, text.get("timeline." + value)))
                .toList();
    }

    private static final Map<String, String> COUNTRY_NAMES = names(COUNTRIES);
    private static final Map<String, String> TIMELINE_NAMES = names(TIMELINES);

    private Choices() {}

    public static boolean isCountry(String code) {
        return COUNTRY_NAMES.containsKey(code);
    }

    public static boolean isTimeline(String value) {
        return TIMELINE_NAMES.containsKey(value);
    }

    public static String countryName(String code) {
        return COUNTRY_NAMES.getOrDefault(code, code);
    }

    public static String timelineName(String value) {
        return value == null ? "" : TIMELINE_NAMES.getOrDefault(value, value);
    }

    private static List<Option> countries(Locale locale) {
        var options = new ArrayList<Option>();
        for (var code : FIRST) {
            options.add(new Option(code, new Locale("", code).getDisplayCountry(locale)));
        }
        var rest = new ArrayList<Option>();
        var first = Set.copyOf(FIRST);
        for (var code : Locale.getISOCountries()) {
            if (!first.contains(code)) {
                rest.add(new Option(code, new Locale("", code).getDisplayCountry(locale)));
            }
        }
        if (locale.equals(Locale.UK)) {
            rest.sort(Comparator.comparing(Option::label));
        } else {
            var collator = Collator.getInstance(ULocale.forLocale(locale));
            rest.sort(Comparator.comparing(Option::label, collator::compare));
        }
        options.addAll(rest);
        return List.copyOf(options);
    }

    private static Map<String, String> names(List<Option> options) {
        var map = new TreeMap<String, String>();
        options.forEach(o -> map.put(o.value(), o.label()));
        return map;
    }
}
