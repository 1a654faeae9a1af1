package glossary.inquiry;

import gg.jte.Content;
import glossary.term.FormSlot;
import glossary.term.Term;
import glossary.web.FormTokens;
import glossary.web.Templates;
import io.javalin.http.Context;
import java.time.Duration;

/** The "Need help implementing X?" form at the end of every term page, empty and ready to fill in. */
public final class TermPageForm implements FormSlot {
    private final Templates templates;
    private final FormTokens tokens;
    private final Duration minimumFillTime;

    public TermPageForm(Templates templates, FormTokens tokens, Duration minimumFillTime) {
        this.templates = templates;
        this.tokens = tokens;
        this.minimumFillTime = minimumFillTime;
    }

    /** A page served from memory for a while carries a token whose time trap allows for that while. */
    @Override
    public Content blank(Context ctx, Term term, String referrer, Duration cachedFor) {
        var action = term.path() + "/inquiries";
        var values = InquiryForm.blank(term.slug(), term.path(), referrer, ctx);
        var view = new FormView(
                action,
                term.title(),
                values,
                new FieldErrors(),
                tokens.issue(FormTokens.Purpose.INQUIRY, minimumFillTime.plus(cachedFor)),
                null);
        return templates.content("inquiry/form.jte", view);
    }
}
