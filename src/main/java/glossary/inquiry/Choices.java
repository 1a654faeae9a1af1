package glossary.inquiry;

import glossary.web.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The options of the form's select fields. */
public final class Choices {
    /** ASEAN members first, where most of the firm's clients are, then every other country A-Z. */
    static final List<String> FIRST = List.of("SG", "MY", "ID", "TH", "VN", "PH", "BN", "KH", "LA", "MM", "TL");

    public static final List<Option> COUNTRIES = countries();

    public static final List<Option> TIMELINES = List.of(
            new Option("asap", "As soon as possible"),
            new Option("3-months", "Within 3 months"),
            new Option("6-months", "Within 6 months"),
            new Option("12-months", "Within a year"),
            new Option("exploring", "Just exploring"));

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

    private static List<Option> countries() {
        var options = new ArrayList<Option>();
        for (var code : FIRST) {
            options.add(new Option(code, new Locale("", code).getDisplayCountry(Locale.UK)));
        }
        var rest = new ArrayList<Option>();
        var first = Set.copyOf(FIRST);
        for (var code : Locale.getISOCountries()) {
            if (!first.contains(code)) {
                rest.add(new Option(code, new Locale("", code).getDisplayCountry(Locale.UK)));
            }
        }
        rest.sort(Comparator.comparing(Option::label));
        options.addAll(rest);
        return List.copyOf(options);
    }

    private static Map<String, String> names(List<Option> options) {
        var map = new TreeMap<String, String>();
        options.forEach(o -> map.put(o.value(), o.label()));
        return map;
    }
}
