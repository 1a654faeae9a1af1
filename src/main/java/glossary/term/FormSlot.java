package glossary.term;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * The call to action a term page ends with. The read side only places it; the inquiry feature,
 * which sits above it, supplies the form.
 */
public interface FormSlot {
    /** Stands where the form's token goes in a page kept in memory; it occurs nowhere else on the page. */
    String TOKEN_PLACEHOLDER = "form-token-issued-on-delivery";

    /**
     * The form with a token issued now, for a page rendered for this visitor only.
     *
     * @param referrer where the visitor came from when that is another site, else ""
     */
    Content blank(Context ctx, Term term, String referrer);

    /** The same form with {@link #TOKEN_PLACEHOLDER} for its token, for a page served from memory. */
    Content withPlaceholder(Context ctx, Term term);

    /** A token for one delivery of a page made with {@link #withPlaceholder}, so its time trap starts now. */
    String freshToken();
}
