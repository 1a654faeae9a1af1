package glossary.term;

import glossary.web.SafeHtml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Turns a term's Markdown into the HTML of its page sections, once, when the catalog is built. */
final class TermRenderer {
    static final String WHY = "why it matters for business";
    static final String CONSIDERATIONS = "key considerations";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Parser parser = Parser.builder().build();
    // Raw HTML in content is shown as text and javascript: style URLs are dropped; links to other
    // sites get rel="nofollow", links within the glossary stay followable.
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link && attributes.getOrDefault("href", "").startsWith("/")) {
                    attributes.remove("rel");
                }
            })
            .build();

    /** The page sections, plus what the lint checks, so a catalog build and the lint share one render. */
    record Rendered(
            SafeHtml why,
            SafeHtml considerations,
            List<String> headings,
            int considerationCount,
            List<SafeHtml> faqAnswers,
            Set<String> linksTo) {}

    /** The body split at its level-2 headings; used by the lint as well as by rendering. */
    record Sections(Document why, Document considerations, List<String> headings) {}

    Sections sections(String markdown) {
        var document = parser.parse(markdown);
        var why = new Document();
        var considerations = new Document();
        var headings = new ArrayList<String>();
        Document current = null;
        Node node = document.getFirstChild();
        while (node != null) {
            var next = node.getNext();
            if (node instanceof Heading heading) {
                var title = plainText(heading);
                headings.add("h" + heading.getLevel() + " " + title);
                var key = title.toLowerCase(Locale.ROOT).strip();
                if (heading.getLevel() == 2) {
                    current = key.equals(WHY) ? why : key.equals(CONSIDERATIONS) ? considerations : null;
                } else if (current != null) {
                    current.appendChild(node);
                }
            } else if (current != null) {
                current.appendChild(node);
            }
            node = next;
        }
        return new Sections(why, considerations, headings);
    }

    Rendered render(Term term, AutoLinker linker) {
        var sections = sections(term.body());
        var container = new Document(); // link across both sections so "first mention" spans the body
        container.appendChild(sections.why());
        container.appendChild(sections.considerations());
        var links = linker.link(container, term.slug());
        var answers = new ArrayList<SafeHtml>();
        for (var faq : term.faq()) {
            answers.add(new SafeHtml(renderer.render(parser.parse(faq.answer()))));
        }
        return new Rendered(
                new SafeHtml(renderer.render(sections.why())),
                new SafeHtml(renderer.render(sections.considerations())),
                List.copyOf(sections.headings()),
                listItems(sections.considerations()),
                List.copyOf(answers),
                links);
    }

    static int listItems(Document section) {
        int count = 0;
        for (Node node = section.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof BulletList || node instanceof OrderedList) {
                for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    static String plainText(Node node) {
        var text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else {
                text.append(plainText(child));
            }
        }
        return text.toString();
    }

    static int words(String text) {
        var trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : WHITESPACE.split(trimmed).length;
    }
}
