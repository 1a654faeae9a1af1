package glossary.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** application/x-www-form-urlencoded, as a browser sends a form: the one encoder of the tests. */
public final class Form {
    private Form() {}

    /** The fields in the map's order. */
    public static String encode(Map<String, String> fields) {
        var body = new StringJoiner("&");
        for (var field : fields.entrySet()) {
            body.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** Fields from name, value, name, value …, in that order. */
    public static Map<String, String> of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a value for every name");
        }
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
