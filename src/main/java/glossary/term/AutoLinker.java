package glossary.term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Links the first mention of another term in a Markdown tree to that term's page: titles and
 * aliases, longest match first, whole words (a plural "s" allowed), case-insensitive, never inside
 * headings or links (code has no Text nodes, so it is skipped by construction).
 */
final class AutoLinker {
    private record Name(String text, String slug) {}

    /** Names grouped by their first word, longest first, so a scan only tries plausible names. */
    private final Map<String, List<Name>> namesByFirstWord = new HashMap<>();

    AutoLinker(List<Term> terms) {
        for (var term : terms) {
            add(term.title(), term.slug());
            for (var alias : term.aliases()) {
                add(alias, term.slug());
            }
        }
        for (var names : namesByFirstWord.values()) {
            names.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
        }
    }

    private void add(String name, String slug) {
        var trimmed = name.strip();
        if (trimmed.isEmpty() || !Character.isLetterOrDigit(trimmed.charAt(0))) {
            return;
        }
        namesByFirstWord
                .computeIfAbsent(firstWord(trimmed, 0), k -> new ArrayList<>())
                .add(new Name(trimmed, slug));
    }

    /** Rewrites the tree in place; returns the slugs it linked to. */
    Set<String> link(Node document, String selfSlug) {
        var texts = new ArrayList<Text>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {}

            @Override
            public void visit(Link link) {}

            @Override
            public void visit(Text text) {
                texts.add(text);
            }
        });
        var linked = new HashSet<String>();
        linked.add(selfSlug);
        for (var text : texts) {
            linkIn(text, linked);
        }
        linked.remove(selfSlug);
        return linked;
    }

    private void linkIn(Text node, Set<String> linked) {
        var literal = node.getLiteral();
        int i = 0;
        while (i < literal.length()) {
            if (!isWordStart(literal, i)) {
                i++;
                continue;
            }
            var match = longestAt(literal, i);
            if (match == null) {
                i = endOfWord(literal, i);
                continue;
            }
            int end = i + match.length;
            if (linked.add(match.name.slug())) {
                // Split "before [match] after" and carry on scanning the "after" part.
                var link = new Link("/glossary/" + match.name.slug(), null);
                link.appendChild(new Text(literal.substring(i, end)));
                var after = new Text(literal.substring(end));
                node.setLiteral(literal.substring(0, i));
                node.insertAfter(link);
                link.insertAfter(after);
                linkIn(after, linked);
                return;
            }
            i = end; // an already linked term: skip it whole so no shorter name inside it links
        }
    }

    private record Match(Name name, int length) {}

    /** The longest name at this position; a plural first word ("LLMs") also finds its singular. */
    private Match longestAt(String text, int start) {
        var word = firstWord(text, start);
        var match = longestAt(text, start, namesByFirstWord.get(word));
        if (word.endsWith("s")) {
            var singular = longestAt(text, start, namesByFirstWord.get(word.substring(0, word.length() - 1)));
            if (singular != null && (match == null || singular.length > match.length)) {
                match = singular;
            }
        }
        return match;
    }

    private static Match longestAt(String text, int start, List<Name> candidates) {
        if (candidates == null) {
            return null;
        }
        for (var name : candidates) {
            int len = name.text().length();
            if (!text.regionMatches(true, start, name.text(), 0, len)) {
                continue;
            }
            if (isWordEnd(text, start + len)) {
                return new Match(name, len);
            }
            if (start + len < text.length() && text.charAt(start + len) == 's' && isWordEnd(text, start + len + 1)) {
                return new Match(name, len + 1);
            }
        }
        return null;
    }

    private static boolean isWordStart(String s, int i) {
        return Character.isLetterOrDigit(s.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
    }

    private static boolean isWordEnd(String s, int i) {
        return i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    private static int endOfWord(String s, int i) {
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String firstWord(String s, int start) {
        return s.substring(start, endOfWord(s, start)).toLowerCase(Locale.ROOT);
    }
}
