package glossary.inquiry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the acknowledgement may repeat of what a visitor typed. Anyone can type someone else's
 * address into a contact form, so the acknowledgement is a way to mail chosen words to a stranger;
 * what it repeats is kept short and carries no link or address to click, which is what such abuse
 * is for. The team's notification quotes everything as typed.
 */
final class Quote {
    static final int MAX_CHARS = 300;
    static final int MAX_LINES = 6;
    static final String LINK_REMOVED = "[link removed]";

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.)\\S*");
    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** Host names that mail clients turn into links without a scheme: example.com, bit.ly/x. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)\\b(?:[a-z0-9-]+\\.)+(?:com|net|org|info|biz|io|co|ai|app|dev|me|ly|gl|to|cc|tv|ws|xyz|top|site|online|"
                    + "shop|store|club|link|click|live|life|pro|today|email|ru|cn|su|tk|ml|ga|cf|gq|uk|de|fr|nl|it|"
                    + "es|pl|in|us|eu|sg|my|id|th|vn|ph|au|nz|jp|kr|hk|tw|br)\\b(?:/\\S*)?");
    /** Bidirectional controls and invisible characters that would make text read differently than it is. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]");

    private Quote() {}

    /** The text without links, addresses or invisible controls, whitespace collapsed within lines. */
    static String defused(String typed) {
        var text = INVISIBLE.matcher(typed).replaceAll("");
        text = URL.matcher(text).replaceAll(LINK_REMOVED);
        text = EMAIL.matcher(text).replaceAll(LINK_REMOVED);
        text = DOMAIN.matcher(text).replaceAll(LINK_REMOVED);
        return text.replaceAll("[ \\t\\x0B\\f]+", " ");
    }

    /** A person's name for a greeting, defused; empty when nothing of it is left. */
    static String name(String typed) {
        var name =
                defused(typed).replace(LINK_REMOVED, "").replaceAll("\\s+", " ").strip();
        return name.length() > 60 ? "" : name;
    }

    /** The start of a message, defused, as lines: at most six lines and about 300 characters. */
    static Excerpt excerpt(String typed) {
        var lines = new ArrayList<String>();
        int chars = 0;
        boolean shortened = false;
        for (var raw : defused(typed).strip().split("\\R")) {
            var line = raw.strip();
            if (line.isEmpty()
                    && (lines.isEmpty() || lines.get(lines.size() - 1).isEmpty())) {
                continue; // one empty line between paragraphs at most
            }
            if (lines.size() == MAX_LINES || chars >= MAX_CHARS) {
                shortened = true;
                break;
            }
            if (chars + line.length() > MAX_CHARS) {
                line = cut(line, MAX_CHARS - chars);
                shortened = true;
            }
            lines.add(line);
            chars += line.length();
            if (shortened) {
                break;
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (shortened && !lines.isEmpty()) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " …");
        }
        return new Excerpt(List.copyOf(lines), shortened);
    }

    record Excerpt(List<String> lines, boolean shortened) {}

    /** At most {@code max} characters, at a space when there is one in the last third. */
    private static String cut(String line, int max) {
        if (line.length() <= max) {
            return line;
        }
        int space = line.lastIndexOf(' ', max);
        return (space > max * 2 / 3 ? line.substring(0, space) : line.substring(0, max)).strip();
    }
}
