package glossary.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The firm that publishes the glossary, from db/site.yml: named in the header, the call to action,
 * the contact and privacy pages, the footer, mail and the structured data.
 *
 * @param logoSvg the logo file's bytes, served as an image (never inlined, so it cannot run script)
 */
public record Firm(
        String name,
        String pitch,
        String email,
        String phone,
        byte[] logoSvg,
        List<Office> offices,
        Controller controller,
        List<Adviser> advisers,
        List<Link> social,
        Map<Language, String> pitches) {

    /** The pitch in a reader's language, from {@code pitch_translations}; English where none is given. */
    public String pitch(Language language) {
        return pitches.getOrDefault(language, pitch);
    }

    public record Office(String city, List<String> address) {}

    /** Who is responsible for the personal data the forms collect, and where to write about it. */
    public record Controller(String name, String address, String email) {}

    /** @param roles the role in other languages, from {@code role_translations} */
    public record Adviser(String name, String role, Map<Language, String> roles) {
        public String role(Language language) {
            return roles.getOrDefault(language, role);
        }
    }

    public record Link(String name, String url) {}

    /** A site file that cannot be used; the message lists every problem. */
    public static final class InvalidSiteFile extends RuntimeException {
        InvalidSiteFile(String origin, List<String> problems) {
            super(origin + ": " + String.join("; ", problems));
        }
    }

    /** The phone number as a tel: link wants it: digits and a leading plus only. */
    public String phoneHref() {
        return "tel:" + phone.replaceAll("[^+0-9]", "");
    }

    /** Still the bundled example, which must not go live unnoticed. */
    public boolean placeholder() {
        return email.endsWith("@example.com") || controller.email().endsWith("@example.com");
    }

    /** The site file at the given path, or the bundled db/site.yml. */
    public static Firm load(Optional<Path> siteFile) {
        if (siteFile.isPresent()) {
            var file = siteFile.get();
            return parse(
                    file.toString(),
                    read(file),
                    logo -> readIfPresent(file.toAbsolutePath().resolveSibling(logo)));
        }
        return parse("db/site.yml", bundled("db/site.yml").orElseThrow(), logo -> bundled("db/" + logo));
    }

    interface LogoReader {
        Optional<byte[]> read(String name);
    }

    static Firm parse(String origin, byte[] yaml, LogoReader logos) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new InvalidSiteFile(origin, List.of("not valid YAML: " + e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidSiteFile(origin, List.of("must be a YAML mapping"));
        }
        var problems = new ArrayList<String>();
        var fields = new Fields(map, "", problems);
        fields.known(KNOWN);
        var name = fields.text("name", 80);
        var pitch = fields.text("pitch", 160);
        var pitches = fields.translations("pitch_translations", 200);
        var email = fields.email("email");
        var phone = fields.text("phone", 40);
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            problems.add("phone: write it in international form, e.g. +65 6123 4567");
        }
        var logoName = fields.text("logo", 100);
        byte[] logo = new byte[0];
        if (!logoName.isEmpty()) {
            if (!logoName.endsWith(".svg") || logoName.contains("/") || logoName.contains("\\")) {
                problems.add("logo: name an .svg file next to the site file");
            } else {
                logo = logos.read(logoName).orElse(new byte[0]);
                var svg = new String(logo, StandardCharsets.UTF_8);
                if (logo.length == 0) {
                    problems.add("logo: " + logoName + " is missing");
                } else if (!svg.contains("<svg") || svg.toLowerCase().contains("<script")) {
                    problems.add("logo: " + logoName + " must be an SVG image without scripts");
                }
            }
        }
        var offices = new ArrayList<Office>();
        for (var office : fields.list("offices", 1)) {
            offices.add(new Office(office.text("city", 60), office.lines("address", 4)));
        }
        var controllerFields = fields.map("controller");
        var controller = new Controller(
                controllerFields.text("name", 120),
                controllerFields.text("address", 200),
                controllerFields.email("email"));
        var advisers = new ArrayList<Adviser>();
        for (var adviser : fields.list("advisers", 0)) {
            advisers.add(new Adviser(
                    adviser.text("name", 80), adviser.text("role", 80), adviser.translations("role_translations", 80)));
        }
        var social = new ArrayList<Link>();
        for (var link : fields.list("social", 0)) {
            social.add(new Link(link.text("name", 40), link.https("url")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSiteFile(origin, problems);
        }
        return new Firm(
                name,
                pitch,
                email,
                phone,
                logo,
                List.copyOf(offices),
                controller,
                List.copyOf(advisers),
                List.copyOf(social),
                pitches);
    }

    private static final Set<String> KNOWN = Set.of(
            "name",
            "pitch",
            "pitch_translations",
            "email",
            "phone",
            "logo",
            "offices",
            "controller",
            "advisers",
            "social");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ()-]{6,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /** Reads one level of the file, collecting problems with their path rather than stopping at the first. */
    private record Fields(Map<?, ?> map, String path, List<String> problems) {
        void known(Set<String> keys) {
            for (var key : map.keySet()) {
                if (!keys.contains(String.valueOf(key))) {
                    problems.add(path + key + ": unknown field");
                }
            }
        }

        String text(String key, int maxLength) {
            var value = map.get(key);
            if (value == null
                    || value instanceof Map
                    || value instanceof List
                    || String.valueOf(value).isBlank()) {
                problems.add(path + key + ": is required (text)");
                return "";
            }
            var text = String.valueOf(value).strip();
            if (text.length() > maxLength) {
                problems.add(path + key + ": keep it under " + maxLength + " characters");
            }
            if (text.chars().anyMatch(c -> c < 0x20)) {
                problems.add(path + key + ": must be one line");
            }
            return text;
        }

        /** An optional mapping from a language tag (id, vi, th) to the text in that language. */
        Map<Language, String> translations(String key, int maxLength) {
            var value = map.get(key);
            var result = new EnumMap<Language, String>(Language.class);
            if (value == null) {
                return result;
            }
            if (!(value instanceof Map<?, ?> inner)) {
                problems.add(path + key + ": must map a language (id, vi, th) to its text");
                return result;
            }
            var texts = new Fields(inner, path + key + ".", problems);
            for (var tag : inner.keySet()) {
                var language = Language.ofTag(String.valueOf(tag));
                if (language.isEmpty() || language.get().isDefault()) {
                    problems.add(path + key + "." + tag + ": not one of the glossary's other languages (id, vi, th)");
                } else {
                    result.put(language.get(), texts.text(String.valueOf(tag), maxLength));
                }
            }
            return result;
        }

        String email(String key) {
            var text = text(key, 254);
            if (!text.isEmpty() && !EMAIL.matcher(text).matches()) {
                problems.add(path + key + ": is not an email address");
            }
            return text;
        }

        String https(String key) {
            var text = text(key, 300);
            if (!text.isEmpty() && !text.startsWith("https://")) {
                problems.add(path + key + ": must be an https:// address");
            }
            return text;
        }

        List<String> lines(String key, int max) {
            var value = map.get(key);
            var lines = new ArrayList<String>();
            if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > max) {
                problems.add(path + key + ": must be a list of 1 to " + max + " lines");
                return lines;
            }
            for (var line : list) {
                lines.add(String.valueOf(line).strip());
            }
            return List.copyOf(lines);
        }

        Fields map(String key) {
            if (map.get(key) instanceof Map<?, ?> inner) {
                return new Fields(inner, path + key + ".", problems);
            }
            problems.add(path + key + ": is required (a mapping)");
            return new Fields(Map.of(), path + key + ".", problems);
        }

        List<Fields> list(String key, int min) {
            var value = map.get(key);
            var items = new ArrayList<Fields>();
            if (value == null && min == 0) {
                return items;
            }
            if (!(value instanceof List<?> list) || list.size() < min) {
                problems.add(path + key + ": must be a list" + (min > 0 ? " of at least " + min : ""));
                return items;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> item) {
                    items.add(new Fields(item, path + key + "[" + (i + 1) + "].", problems));
                } else {
                    problems.add(path + key + "[" + (i + 1) + "]: must be a mapping");
                }
            }
            return items;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the site file " + file, e);
        }
    }

    private static Optional<byte[]> readIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private static Optional<byte[]> bundled(String resource) {
        try (InputStream in = Firm.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
