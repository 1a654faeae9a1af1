package glossary.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * Markup that the app itself produced with escaping on (Markdown rendered with raw HTML disabled,
 * JSON-LD with '<' escaped). Templates write it as is; nothing typed by a visitor ever becomes one.
 */
public record SafeHtml(String html) implements Content {
    public static final SafeHtml EMPTY = new SafeHtml("");

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }

    @Override
    public boolean isEmptyContent() {
        return html.isEmpty();
    }
}
