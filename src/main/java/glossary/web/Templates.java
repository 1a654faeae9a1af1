package glossary.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;

/** The precompiled jte templates, rendered to UTF-8 bytes. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    /** Plain text (the text part of mail), from src/main/jte-text: nothing is HTML-escaped there. */
    private final TemplateEngine text =
            TemplateEngine.createPrecompiled(null, ContentType.Plain, null, "gg.jte.generated.text");

    public byte[] render(String template, Object page) {
        // One StringBuilder encoded once measured faster here than jte's chunked Utf8ByteOutput.
        return renderString(template, page).getBytes(StandardCharsets.UTF_8);
    }

    public String renderString(String template, Object page) {
        var output = new StringOutput(8192);
        engine.render(template, page, output);
        return output.toString();
    }

    public String renderText(String template, Object model) {
        var output = new StringOutput(2048);
        text.render(template, model, output);
        return output.toString();
    }

    /** A template as a piece of another page: one feature's part placed in another's page. */
    public Content content(String template, Object model) {
        return output -> engine.render(template, model, output);
    }
}
