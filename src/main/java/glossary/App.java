package glossary;

import glossary.admin.AdminPages;
import glossary.admin.DashboardController;
import glossary.admin.DeviceCookies;
import glossary.admin.InboxController;
import glossary.admin.LeadController;
import glossary.admin.LeadSearch;
import glossary.admin.LeadStats;
import glossary.admin.LeadWorkflow;
import glossary.admin.LoginThrottle;
import glossary.admin.MailHealth;
import glossary.admin.OutboxController;
import glossary.admin.Replies;
import glossary.admin.Retention;
import glossary.admin.Sessions;
import glossary.admin.Staff;
import glossary.admin.StaffAuth;
import glossary.admin.Times;
import glossary.inquiry.InquiryController;
import glossary.inquiry.InquiryRepository;
import glossary.inquiry.InquiryWriter;
import glossary.inquiry.TermPageForm;
import glossary.mail.Outbox;
import glossary.mail.OutboxWorker;
import glossary.ops.Metrics;
import glossary.ops.RequestLog;
import glossary.term.Glossary;
import glossary.term.PageViews;
import glossary.term.SearchMisses;
import glossary.term.TermController;
import glossary.web.Assets;
import glossary.web.ClientAddress;
import glossary.web.ErrorPages;
import glossary.web.Firm;
import glossary.web.FormTokens;
import glossary.web.Health;
import glossary.web.HttpsRedirect;
import glossary.web.InfoPages;
import glossary.web.JettyErrors;
import glossary.web.Language;
import glossary.web.PageCache;
import glossary.web.PageCacheHandler;
import glossary.web.RequestGuard;
import glossary.web.SameOrigin;
import glossary.web.SecurityHeaders;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the web app from finished parts; Main starts it, tests build the very same one. */
public final class App {
    static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** A form is a few kilobytes: a person's browser sends it in well under a second. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

    private App() {}

    /** The finished parts the web app is built from; Main builds them, tests may build their own. */
    public record Parts(
            Config config,
            Firm firm,
            Glossary glossary,
            Database database,
            Templates templates,
            FormTokens tokens,
            InquiryRepository inquiries,
            InquiryWriter writer,
            OutboxWorker worker,
            Outbox outbox,
            Staff staff,
            Replies replies,
            PageViews views,
            Health health,
            Metrics metrics,
            Retention retention,
            Clock clock) {}

    public static Javalin create(Parts parts) {
        var config = parts.config();
        var glossary = parts.glossary();
        var catalog = glossary.english();
        var templates = parts.templates();
        var jdbi = parts.database().jdbi();
        var health = parts.health();
        var metrics = parts.metrics();
        var firm = parts.firm();
        var assets = new Assets(List.of("site.css", "favicon.svg"), Map.of("logo.svg", firm.logoSvg()));
        var site = new Site(firm, config.baseUrl(), assets.url("site.css"), assets.url("logo.svg"), Language.EN);
        var pages = new PageCache();
        var clients = new ClientAddress(config.forms().trustedProxies());
        var misses = new SearchMisses(jdbi, parts.clock());

        var termForm =
                new TermPageForm(templates, parts.tokens(), config.forms().minimumFillTime());
        // The read side, the forms and the info pages once per language, each under its prefix.
        var termsIn = new EnumMap<Language, TermController>(Language.class);
        var formsIn = new EnumMap<Language, InquiryController>(Language.class);
        var infoIn = new EnumMap<Language, InfoPages>(Language.class);
        for (var language : Language.values()) {
            var local = site.in(language);
            var localTerms = new TermController(glossary, local, templates, misses, pages, parts.views(), termForm);
            termsIn.put(language, localTerms);
            formsIn.put(
                    language,
                    new InquiryController(
                            config.baseUrl(),
                            config.forms(),
                            local,
                            templates,
                            glossary,
                            localTerms,
                            parts.writer(),
                            parts.tokens(),
                            clients,
                            parts.worker(),
                            metrics.registry()));
            infoIn.put(language, new InfoPages(local, templates, pages, config.retentionMonths()));
        }
        var terms = termsIn.get(Language.EN);
        var info = infoIn.get(Language.EN);
        var securityHeaders = new SecurityHeaders(config.https());
        // Outermost first: the request log, the size limit (413 on a declared length before a byte
        // is read), the guard (headers, https redirect, content type, body deadline), pages served
        // from memory, and the body read in full without holding a thread before Javalin's servlet,
        // mounted innermost.
        var guard = new RequestGuard(
                new PageCacheHandler(
                        pages,
                        parts.views()::countPath,
                        new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory())),
                securityHeaders,
                BODY_DEADLINE,
                new HttpsRedirect(config.baseUrl(), clients));
        var front = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
        front.setHandler(guard);
        var errors = new ErrorPages(
                site, templates, (language, path) -> termsIn.get(language).notFoundPage(path));

        var adminPages = new AdminPages(
                site,
                templates,
                config.https(),
                new Times(config.time().zone(), parts.clock()),
                new MailHealth(parts.outbox(), config.smtp().configured(), parts.clock()));
        var auth = new StaffAuth(
                site,
                templates,
                parts.staff(),
                new Sessions(jdbi, parts.clock()),
                new LoginThrottle(jdbi, parts.clock()),
                DeviceCookies.load(jdbi),
                parts.tokens(),
                clients,
                config.https(),
                new SameOrigin(config.baseUrl()),
                adminPages);
        var search = new LeadSearch(jdbi, config.time().zone());
        var workflow = new LeadWorkflow(jdbi, parts.inquiries(), parts.outbox(), parts.clock(), metrics.registry());
        var inbox = new InboxController(adminPages, search, catalog, parts.clock(), parts.staff());
        var lead = new LeadController(
                adminPages,
                workflow,
                parts.staff(),
                parts.outbox(),
                catalog,
                parts.replies(),
                templates,
                config.retentionMonths());
        var dashboard = new DashboardController(
                adminPages,
                new LeadStats(jdbi, search, parts.clock()),
                catalog,
                parts.views(),
                misses,
                parts.clock(),
                parts.retention());
        var outbox = new OutboxController(adminPages, parts.outbox(), workflow, search);

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Every page compresses itself: cached ones once, the others with a reused Deflater.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            javalin.router.ignoreTrailingSlashes = true;
            javalin.http.prefer405over404 = true;
            // Javalin mounts its servlet context inside the front handler, which sees every request
            // first; the request log wraps it. With a stop timeout, stopping first closes the
            // listening socket, then waits (up to the timeout) until every connection has finished
            // its request and gone idle. No GracefulHandler: it would answer requests that arrive
            // meanwhile on open connections with 503, which a proxy cannot safely retry elsewhere.
            javalin.jetty.modifyServer(server -> {
                server.setHandler(new RequestLog(front, metrics));
                server.setErrorHandler(new JettyErrors(securityHeaders, errors));
                server.setStopTimeout(config.ops().shutdownGrace().toMillis());
            });
            javalin.requestLogger.http((ctx, ms) -> {
                var endpoint = ctx.endpoints().matchedHttpEndpoint();
                ctx.req().setAttribute(RequestLog.ROUTE, endpoint == null ? "unmatched" : endpoint.path);
            });
            // A few dozen threads: on two cores more only add switching (measured with the benchmark).
            javalin.jetty.threadPool = new QueuedThreadPool(32, 4);

            var routes = javalin.routes;
            // Every page also answers HEAD, which link checkers and uptime monitors use.
            for (var language : Language.values()) {
                var local = termsIn.get(language);
                var forms = formsIn.get(language);
                var localInfo = infoIn.get(language);
                for (var page : List.<Map.Entry<String, Handler>>of(
                        Map.entry("/", local::home),
                        Map.entry("/glossary", local::index),
                        Map.entry("/glossary/{slug}", local::show),
                        Map.entry("/categories/{slug}", local::category),
                        Map.entry("/search", local::search),
                        Map.entry("/contact", forms::contact),
                        Map.entry("/inquiries/thanks", forms::thanks),
                        Map.entry("/privacy", localInfo::privacy))) {
                    routes.get(language.path(page.getKey()), page.getValue());
                    routes.head(language.path(page.getKey()), page.getValue());
                }
                routes.post(language.path("/contact"), forms::submitContact);
                routes.post(language.path("/glossary/{slug}"), forms::submitFromTerm);
            }
            for (var page : List.<Map.Entry<String, Handler>>of(
                    Map.entry("/sitemap.xml", ctx -> terms.sitemap().send(ctx)),
                    Map.entry("/robots.txt", info::robots),
                    Map.entry("/assets/{file}", assets::serve))) {
                routes.get(page.getKey(), page.getValue());
                routes.head(page.getKey(), page.getValue());
            }
            routes.get("/health", health::health);
            routes.get("/ready", health::ready);
            var inquiryForms = formsIn.get(Language.EN);
            routes.post("/glossary/{slug}/inquiries", inquiryForms::submitFromTerm);
            routes.get("/glossary/{slug}/inquiries", inquiryForms::formOfTerm);

            // Staff only: every /admin route but the sign-in page goes through the guard (session and
            // CSRF). Wrapped per route rather than a before-handler, which would cost every request.
            routes.get("/admin/login", auth::loginForm);
            routes.post("/admin/login", auth::login);
            routes.post("/admin/logout", auth.guarded(auth::logout));
            routes.get("/admin/password", auth.guarded(auth::passwordForm));
            routes.post("/admin/password", auth.guarded(auth::changePassword));
            routes.get("/admin", auth.guarded(dashboard::dashboard));
            routes.get("/admin/leads", auth.guarded(inbox::inbox));
            routes.get("/admin/leads.csv", auth.guarded(inbox::export));
            routes.post("/admin/leads/bulk", auth.guarded(lead::bulk));
            routes.get("/admin/leads/{id}", auth.guarded(lead::lead));
            routes.post("/admin/leads/{id}/status", auth.guarded(lead::changeStatus));
            routes.post("/admin/leads/{id}/notes", auth.guarded(lead::addNote));
            routes.post("/admin/leads/{id}/assign", auth.guarded(lead::assign));
            routes.post("/admin/leads/{id}/erase", auth.guarded(lead::erase));
            routes.post("/admin/leads/{id}/export", auth.guarded(lead::export));
            routes.post("/admin/leads/{id}/reply", auth.guarded(lead::reply));
            routes.get("/admin/outbox", auth.guarded(outbox::outboxPage));
            routes.get("/admin/metrics", auth.guarded(metrics::scrape));
            routes.post("/admin/outbox/{id}/retry", auth.guarded(outbox::retry));

            routes.error(404, errors::notFound);
            routes.error(403, errors::forbidden);
            routes.error(405, errors::methodNotAllowed);
            routes.error(413, errors::tooLarge);
            routes.error(400, errors::badRequest);
            routes.exception(InquiryWriter.Unavailable.class, errors::unavailable);
            routes.exception(Exception.class, errors::serverError);
        });
    }
}
