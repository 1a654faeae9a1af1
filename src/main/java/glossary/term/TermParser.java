package glossary.term;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a term file: YAML front matter between two "---" lines, then the Markdown body. */
public final class TermParser {
    private static final Set<String> KNOWN_KEYS = Set.of(
            "title",
            "question",
            "cta",
            "slug",
            "category",
            "aliases",
            "former_slugs",
            "status",
            "last_reviewed",
            "featured",
            "definition",
            "related",
            "faq",
            "references");

    /** A file that cannot become a term; the message names the file and what is wrong. */
    public static final class InvalidTermFile extends RuntimeException {
        public InvalidTermFile(String file, String problem) {
            super(file + ": " + problem);
        }
    }

    public Term parse(String file, String source) {
        try {
            return parseOrThrow(source);
        } catch (YAMLException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidTermFile(
                    file, e.getMessage() == null ? e.toString() : e.getMessage().strip());
        }
    }

    private Term parseOrThrow(String source) {
        var text = source.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException("must start with a '---' line opening the front matter");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalArgumentException("front matter is not closed by a '---' line");
        }
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object loaded = yaml.load(text.substring(4, end));
        if (!(loaded instanceof Map<?, ?> front)) {
            throw new IllegalArgumentException("front matter must be a YAML mapping");
        }
        for (var key : front.keySet()) {
            if (!KNOWN_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown field '" + key + "'");
            }
        }
        return new Term(
                required(front, "slug"),
                required(front, "title"),
                optional(front, "question"),
                optional(front, "cta"),
                required(front, "category"),
                strings(front, "aliases"),
                strings(front, "former_slugs"),
                Term.Status.parse(required(front, "status")),
                date(front.get("last_reviewed")),
                Boolean.TRUE.equals(front.get("featured")),
                required(front, "definition"),
                strings(front, "related"),
                faq(front.get("faq")),
                references(front.get("references")),
                text.substring(end + 5).strip());
    }

    private static String optional(Map<?, ?> map, String key) {
        return map.get(key) == null ? "" : required(map, key);
    }

    private static String required(Map<?, ?> map, String key) {
        var value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("'" + key + "' must be text");
        }
        return String.valueOf(value).strip();
    }

    private static List<String> strings(Map<?, ?> map, String key) {
        var value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        var result = new ArrayList<String>();
        for (var item : list) {
            result.add(String.valueOf(item).strip());
        }
        return List.copyOf(result);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("'last_reviewed' is required (YYYY-MM-DD)");
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'last_reviewed' must be a date like 2026-11-29");
        }
    }

    private static List<Term.Faq> faq(Object value) {
        var result = new ArrayList<Term.Faq>();
        for (var item : maps(value, "faq")) {
            result.add(new Term.Faq(required(item, "q"), required(item, "a")));
        }
        return List.copyOf(result);
    }

    private static List<Term.Reference> references(Object value) {
        var result = new ArrayList<Term.Reference>();
        for (var item : maps(value, "references")) {
            var year = required(item, "year");
            if (!FOUR_DIGITS.matcher(year).matches()) {
                throw new IllegalArgumentException("a reference's year must be four digits, not '" + year + "'");
            }
            result.add(new Term.Reference(
                    required(item, "title"),
                    required(item, "publisher"),
                    Integer.parseInt(year),
                    required(item, "url")));
        }
        return List.copyOf(result);
    }

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    private static List<Map<?, ?>> maps(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        var result = new ArrayList<Map<?, ?>>();
        for (var item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("each item of '" + key + "' must be a mapping");
            }
            result.add(map);
        }
        return result;
    }
}
