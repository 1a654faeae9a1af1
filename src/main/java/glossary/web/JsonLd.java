package glossary.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Structured data for search engines, serialised so that it can sit safely inside a script element. */
public final class JsonLd {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLd() {}

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
