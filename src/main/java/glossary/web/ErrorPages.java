package glossary.web;

import io.javalin.http.Context;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error a visitor can meet gets a page in the site's own layout, never a stack trace. */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Site site;
    private final Templates templates;
    private final NotFoundPage notFoundPage;

    /** The 404 page: rendered by whoever knows what the reader may have been looking for. */
    public interface NotFoundPage {
        byte[] render(String path);
    }

    private static final String TOO_LARGE = "That was too much to send";
    private static final String TOO_LARGE_TEXT =
            "What you sent is larger than we accept. Please shorten it and try again.";
    private static final String BAD_REQUEST = "That request could not be understood";
    private static final String BAD_REQUEST_TEXT = "Please go back, reload the page and try again.";

    public ErrorPages(Site site, Templates templates, NotFoundPage notFoundPage) {
        this.site = site;
        this.templates = templates;
        this.notFoundPage = notFoundPage;
    }

    public void notFound(Context ctx) {
        html(ctx, notFoundPage.render(ctx.path()));
    }

    public void forbidden(Context ctx) {
        message(
                ctx,
                "We could not accept that form",
                "It was not sent from this site, or the page it came from is too old. Please go back, reload the page and send it again.");
    }

    public void tooLarge(Context ctx) {
        message(ctx, TOO_LARGE, TOO_LARGE_TEXT);
    }

    public void methodNotAllowed(Context ctx) {
        message(ctx, "That did not work", "This address does not accept that kind of request.");
    }

    public void badRequest(Context ctx) {
        message(ctx, BAD_REQUEST, BAD_REQUEST_TEXT);
    }

    /** The inquiry could not be stored: say so plainly, since nothing was kept. */
    public void unavailable(Exception e, Context ctx) {
        log.error("Service unavailable on {} {}: {}", ctx.method(), ctx.path(), e.toString());
        ctx.status(503);
        ctx.header("Retry-After", "30");
        message(
                ctx,
                "We could not take your inquiry just now",
                "Nothing was saved. Please go back and send it again in a minute; your browser should still have what you typed.");
    }

    public void serverError(Exception e, Context ctx) {
        if (clientWentAway(e)) {
            // Not our error: the client stopped sending (an abandoned upload). One line, no trace.
            log.info("Client went away during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(400);
            message(ctx, BAD_REQUEST, BAD_REQUEST_TEXT);
            return;
        }
        if (databaseUnavailable(e)) {
            log.error("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.toString());
            ctx.status(503);
            ctx.header("Retry-After", "30");
            message(
                    ctx,
                    "We are having trouble just now",
                    "This part of the site is briefly unavailable and nothing you sent was saved. "
                            + "Please try again in a minute; the glossary itself is still here.");
            return;
        }
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500);
        message(ctx, "Something went wrong on our side", "We have been told about it. Please try again in a moment.");
    }

    /** The request's body ended early: the client closed the connection or stopped sending. */
    static boolean clientWentAway(Throwable e) {
        for (var cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    /** A lost or refused database connection (SQLState class 08, or the pool giving up waiting). */
    static boolean databaseUnavailable(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains("has been closed")) {
                return true; // the pool is shut
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private void message(Context ctx, String heading, String text) {
        html(ctx, page(ctx.path(), heading, text));
    }

    private byte[] page(String path, String heading, String text) {
        var meta = site.page(heading + " | " + site.name(), text, path).notIndexed();
        return templates.render("error/message.jte", new ErrorPage(meta, heading, text));
    }

    /**
     * The page for an error the server answers before the app sees the request (too large, too
     * slow, not a form, malformed): the same words as the app's own error pages.
     */
    public byte[] beforeTheApp(int status, String path) {
        return switch (status) {
            case 413 -> page(path, TOO_LARGE, TOO_LARGE_TEXT);
            case 408 ->
                page(
                        path,
                        "That took too long",
                        "What you sent arrived too slowly, so we stopped waiting. "
                                + "Please go back and send it again.");
            case 415 -> page(path, "That did not work", "This address accepts only the site's own forms.");
            default -> page(path, BAD_REQUEST, BAD_REQUEST_TEXT);
        };
    }

    private static void html(Context ctx, byte[] body) {
        CachedPage.sendOnce(ctx, CachedPage.HTML, "no-store", body);
    }
}
