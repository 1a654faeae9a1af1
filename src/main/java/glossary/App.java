package glossary;

import glossary.term.SearchMisses;
import glossary.term.TermCatalog;
import glossary.term.TermController;
import glossary.web.Assets;
import glossary.web.ErrorPages;
import glossary.web.InfoPages;
import glossary.web.SecurityHeaders;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import java.util.List;

/** Builds the web app from finished parts; Main starts it, tests build the very same one. */
public final class App {
    static final String SITE_NAME = "AI Glossary";
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    private App() {}

    public static Javalin create(Config config, TermCatalog catalog, Database database) {
        var templates = new Templates();
        var assets = new Assets(List.of("site.css", "favicon.svg"));
        var site = new Site(SITE_NAME, config.baseUrl(), assets.url("site.css"));
        var headers = new SecurityHeaders(config.https());
        var terms = new TermController(catalog, site, templates, new SearchMisses(database.jdbi()));
        var info = new InfoPages(site, templates);
        var errors = new ErrorPages(site, templates, terms);

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Pages rendered per request are gzipped cheaply; cached pages bring their own gzip bytes.
            javalin.http.compressionStrategy = new CompressionStrategy(null, new Gzip(4));
            javalin.router.ignoreTrailingSlashes = true;

            var routes = javalin.routes;
            routes.before(headers::apply);
            routes.get("/", terms::home);
            routes.get("/glossary", terms::index);
            routes.get("/glossary/{slug}", terms::show);
            routes.get("/categories/{slug}", terms::category);
            routes.get("/search", terms::search);
            routes.get("/contact", info::contact);
            routes.get("/privacy", info::privacy);
            routes.get("/sitemap.xml", ctx -> terms.sitemap().send(ctx, "public, max-age=3600"));
            routes.get("/robots.txt", info::robots);
            routes.get("/assets/{file}", assets::serve);

            routes.error(404, errors::notFound);
            routes.error(405, errors::methodNotAllowed);
            routes.error(413, errors::tooLarge);
            routes.error(400, errors::badRequest);
            routes.exception(Exception.class, errors::serverError);
        });
    }
}
