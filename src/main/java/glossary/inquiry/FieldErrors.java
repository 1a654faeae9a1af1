package glossary.inquiry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is wrong with a submitted form, field by field, in the order of the form. */
public final class FieldErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();

    public FieldErrors() {}

    void add(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    /** The message for a field, or null when it is fine. */
    public String message(String field) {
        return messages.get(field);
    }

    public List<String> fields() {
        return List.copyOf(messages.keySet());
    }

    public int count() {
        return messages.size();
    }
}
