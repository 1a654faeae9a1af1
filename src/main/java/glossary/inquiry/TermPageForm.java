package glossary.inquiry;

import gg.jte.Content;
import glossary.term.FormSlot;
import glossary.term.Term;
import glossary.web.FormTokens;
import glossary.web.Templates;
import io.javalin.http.Context;
import java.time.Duration;

/** The inquiry form at the end of every term page, empty and ready to fill in. */
public final class TermPageForm implements FormSlot {
    private final Templates templates;
    private final FormTokens tokens;
    private final Duration minimumFillTime;

    public TermPageForm(Templates templates, FormTokens tokens, Duration minimumFillTime) {
        this.templates = templates;
        this.tokens = tokens;
        this.minimumFillTime = minimumFillTime;
    }

    @Override
    public Content blank(Context ctx, Term term, String referrer) {
        return form(ctx, term, referrer, freshToken());
    }

    @Override
    public Content withPlaceholder(Context ctx, Term term) {
        return form(ctx, term, "", TOKEN_PLACEHOLDER);
    }

    @Override
    public String freshToken() {
        return tokens.issue(FormTokens.Purpose.INQUIRY, minimumFillTime);
    }

    /**
     * The form posts to the term's own address, so the address a failed submission leaves in the
     * browser is the page itself. No fragment: a page opened at a fragment skips autofocus, and the
     * error summary must take the focus (the failed page puts the form first instead).
     */
    static String action(Term term) {
        return term.path();
    }

    private Content form(Context ctx, Term term, String referrer, String token) {
        var action = action(term);
        var values = InquiryForm.blank(term.slug(), term.path(), referrer, ctx);
        var view = new FormView(action, term.title(), values, new FieldErrors(), token, null, term.language());
        return templates.content("inquiry/form.jte", view);
    }
}
