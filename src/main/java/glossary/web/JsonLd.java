package glossary.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Structured data for search engines, serialised so that it can sit safely inside a script element. */
public final class JsonLd {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLd() {}

    /**
     * A node with its keys in the order given. Never Map.of: its order changes from one JVM to the
     * next, and with it the page's bytes and ETag on every instance and after every restart.
     */
    public static Map<String, Object> node(Object... keysAndValues) {
        var node = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                node.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return node;
    }

    public static SafeHtml of(List<?> graph) {
        try {
            var json = MAPPER.writeValueAsString(graph.size() == 1 ? graph.get(0) : graph)
                    // Only string contents can hold these; escaping them keeps "</script>" inert.
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
            return new SafeHtml("<script type=\"application/ld+json\">" + json + "</script>");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
