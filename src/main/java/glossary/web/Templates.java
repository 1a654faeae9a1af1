package glossary.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** The precompiled jte templates, rendered straight to UTF-8 bytes. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] render(String template, Object page) {
        var output = new Utf8ByteOutput();
        engine.render(template, page, output);
        return output.toByteArray();
    }
}
