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
        /** @param englishPath the path asked for without its language prefix */
        byte[] render(Language language, String englishPath);
    }

    public ErrorPages(Site site, Templates templates, NotFoundPage notFoundPage) {
        this.site = site;
        this.templates = templates;
        this.notFoundPage = notFoundPage;
    }

    public void notFound(Context ctx) {
        var language = languageOf(ctx.path());
        html(ctx, notFoundPage.render(language, englishPath(language, ctx.path())));
    }

    public void forbidden(Context ctx) {
        message(ctx, "error.forbidden");
    }

    public void tooLarge(Context ctx) {
        message(ctx, "error.tooLarge");
    }

    public void methodNotAllowed(Context ctx) {
        message(ctx, "error.method");
    }

    public void badRequest(Context ctx) {
        message(ctx, "error.badRequest");
    }

    /** The inquiry could not be stored: say so plainly, since nothing was kept. */
    public void unavailable(Exception e, Context ctx) {
        log.error("Service unavailable on {} {}: {}", ctx.method(), ctx.path(), e.toString());
        ctx.status(503);
        ctx.header("Retry-After", "30");
        message(ctx, "error.unavailable");
    }

    public void serverError(Exception e, Context ctx) {
        if (clientWentAway(e)) {
            // Not our error: the client stopped sending (an abandoned upload). One line, no trace.
            log.info("Client went away during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(400);
            message(ctx, "error.badRequest");
            return;
        }
        if (databaseUnavailable(e)) {
            log.error("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.toString());
            ctx.status(503);
            ctx.header("Retry-After", "30");
            message(ctx, "error.trouble");
            return;
        }
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500);
        message(ctx, "error.server");
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

    /** @param key the heading's message key; the text's is the same with "Text" after it */
    private void message(Context ctx, String key) {
        html(ctx, page(ctx.path(), key));
    }

    private byte[] page(String path, String key) {
        var language = languageOf(path);
        var local = site.in(language);
        var heading = local.text().get(key);
        var text = local.text().get(key + "Text");
        var meta = local.page(heading + " | " + local.name(), text, englishPath(language, path))
                .notIndexed();
        return templates.render("error/message.jte", new ErrorPage(meta, heading, text));
    }

    /** The language whose prefix the path starts with; English for every other path. */
    public static Language languageOf(String path) {
        for (var language : Language.values()) {
            var prefix = language.path("/");
            if (!language.isDefault() && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
                return language;
            }
        }
        return Language.EN;
    }

    private static String englishPath(Language language, String path) {
        if (language.isDefault()) {
            return path;
        }
        var rest = path.substring(language.path("/").length());
        return rest.isEmpty() ? "/" : rest;
    }

    /**
     * The page for an error the server answers before the app sees the request (too large, too
     * slow, not a form, malformed): the same words as the app's own error pages.
     */
    public byte[] beforeTheApp(int status, String path) {
        return switch (status) {
            case 413 -> page(path, "error.tooLarge");
            case 408 -> page(path, "error.slow");
            case 415 -> page(path, "error.formOnly");
            default -> page(path, "error.badRequest");
        };
    }

    private static void html(Context ctx, byte[] body) {
        CachedPage.sendOnce(ctx, CachedPage.HTML, "no-store", body);
    }
}
