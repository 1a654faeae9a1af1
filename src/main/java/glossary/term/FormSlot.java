package glossary.term;

import gg.jte.Content;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * The call to action a term page ends with. The read side only places it; the inquiry feature,
 * which sits above it, supplies the form.
 */
public interface FormSlot {
    /**
     * @param referrer where the visitor came from when that is another site, else ""
     * @param cachedFor how long the page carrying this form may be served from memory
     */
    Content blank(Context ctx, Term term, String referrer, Duration cachedFor);
}
