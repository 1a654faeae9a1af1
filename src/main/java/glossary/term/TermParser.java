package glossary.term;

import glossary.web.Language;
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

    /** The keys of a translation: its words, and which English page and version it translates. */
    private static final Set<String> TRANSLATION_KEYS = Set.of(
            "translates",
            "title",
            "question",
            "cta",
            "aliases",
            "status",
            "checked",
            "english_sha",
            "definition",
            "faq",
            "references");

    public Term parse(String file, String source) {
        try {
            return parseOrThrow(source);
        } catch (YAMLException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidTermFile(
                    file, e.getMessage() == null ? e.toString() : e.getMessage().strip());
        }
    }

    /**
     * A translation file (db/terms/th/rag.md): only the words. Its slug is the English page's it
     * translates; {@link Term#translatedAs} lays it over that page.
     */
    public Term parseTranslation(String file, String source, Language language) {
        try {
            var document = split(source);
            var front = document.front();
            known(front, TRANSLATION_KEYS);
            var slug = required(front, "translates");
            if (!file.equals(slug + ".md") && !file.endsWith("/" + slug + ".md")) {
                throw new IllegalArgumentException("'translates' must name the English page the file is named after");
            }
            var checked = date(front.get("checked"), "checked");
            return new Term(
                    slug,
                    required(front, "title"),
                    optional(front, "question"),
                    optional(front, "cta"),
                    "",
                    strings(front, "aliases"),
                    List.of(),
                    Term.Status.parse(required(front, "status")),
                    checked,
                    false,
                    required(front, "definition"),
                    List.of(),
                    faq(front.get("faq")),
                    references(front.get("references")),
                    document.body(),
                    language,
                    checked,
                    optional(front, "english_sha"));
        } catch (YAMLException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidTermFile(
                    file, e.getMessage() == null ? e.toString() : e.getMessage().strip());
        }
    }

    private record Document(Map<?, ?> front, String body) {}

    private static Document split(String source) {
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
        return new Document(front, text.substring(end + 5).strip());
    }

    private static void known(Map<?, ?> front, Set<String> keys) {
        for (var key : front.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown field '" + key + "'");
            }
        }
    }

    private Term parseOrThrow(String source) {
        var document = split(source);
        var front = document.front();
        known(front, KNOWN_KEYS);
        return new Term(
                required(front, "slug"),
                required(front, "title"),
                optional(front, "question"),
                optional(front, "cta"),
                required(front, "category"),
                strings(front, "aliases"),
                strings(front, "former_slugs"),
                Term.Status.parse(required(front, "status")),
                date(front.get("last_reviewed"), "last_reviewed"),
                Boolean.TRUE.equals(front.get("featured")),
                required(front, "definition"),
                strings(front, "related"),
                faq(front.get("faq")),
                references(front.get("references")),
                document.body(),
                Language.EN,
                null,
                "");
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

    private static LocalDate date(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is required (YYYY-MM-DD)");
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + key + "' must be a date like 2026-11-29");
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
