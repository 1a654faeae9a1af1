package glossary.term;

import glossary.admin.PageViews;
import glossary.inquiry.FieldErrors;
import glossary.inquiry.FormView;
import glossary.inquiry.InquiryController;
import glossary.inquiry.InquiryForm;
import glossary.web.CachedPage;
import glossary.web.FormTokens;
import glossary.web.JsonLd;
import glossary.web.PageCache;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side: home, A-Z index, term pages, categories and search. Pages that do not depend on
 * the request are rendered and compressed once per catalog and then served from memory.
 */
public final class TermController {
    static final int MAX_QUERY_LENGTH = 200;
    private static final String PAGE_CACHE = "public, max-age=300";

    /**
     * Term pages carry the inquiry form and its signed token, so a cached copy lives this long;
     * the token allows for it by starting the time trap at the end of this window.
     */
    static final Duration FORM_PAGE_TTL = Duration.ofSeconds(5);

    private final TermCatalog catalog;
    private final Site site;
    private final Templates templates;
    private final SearchMisses misses;
    private final PageCache pages;
    private final FormTokens tokens;
    private final Duration minimumFillTime;
    private final PageViews views;

    public TermController(
            TermCatalog catalog,
            Site site,
            Templates templates,
            SearchMisses misses,
            PageCache pages,
            FormTokens tokens,
            Duration minimumFillTime,
            PageViews views) {
        this.views = views;
        this.catalog = catalog;
        this.site = site;
        this.templates = templates;
        this.misses = misses;
        this.pages = pages;
        this.tokens = tokens;
        this.minimumFillTime = minimumFillTime;
    }

    public void home(Context ctx) {
        pages.get("/", () -> {
                    var meta = site.page(
                            site.name() + ": AI terms explained for business leaders",
                            "Plain-language definitions of " + catalog.terms().size()
                                    + " AI terms, with why each matters for business, what to consider, and answers to common questions.",
                            "/");
                    meta = meta.withJsonLd(JsonLd.of(List.of(Map.of(
                            "@context", "https://schema.org",
                            "@type", "WebSite",
                            "name", site.name(),
                            "url", site.url("/"),
                            "potentialAction",
                                    Map.of(
                                            "@type", "SearchAction",
                                            "target", site.url("/search?q={search_term_string}"),
                                            "query-input", "required name=search_term_string")))));
                    return CachedPage.html(
                            PAGE_CACHE,
                            templates.render(
                                    "term/home.jte",
                                    new Pages.Home(
                                            meta,
                                            catalog.categories(),
                                            catalog.featured(),
                                            catalog.recentlyReviewed(6),
                                            catalog.terms().size())));
                })
                .send(ctx);
    }

    public void index(Context ctx) {
        pages.get("/glossary", () -> {
                    var letters = new ArrayList<Pages.Letter>();
                    catalog.byLetter().forEach((letter, terms) -> letters.add(new Pages.Letter(letter, terms)));
                    var meta = site.page(
                            "AI glossary A–Z: " + catalog.terms().size() + " terms | " + site.name(),
                            "Every term in the " + site.name() + " from A to Z, each with a one-line definition.",
                            "/glossary");
                    meta = meta.withJsonLd(
                            JsonLd.of(List.of(definedTermSet(), breadcrumbs(List.of(crumb("Glossary", "/glossary"))))));
                    return CachedPage.html(
                            PAGE_CACHE,
                            templates.render(
                                    "term/index.jte",
                                    new Pages.Index(
                                            meta,
                                            letters,
                                            alphabet(letters),
                                            catalog.terms().size())));
                })
                .send(ctx);
    }

    public void show(Context ctx) {
        var slug = ctx.pathParam("slug");
        var entry = catalog.entry(slug);
        if (entry.isEmpty()) {
            var target = catalog.redirect(slug);
            if (target.isPresent()) {
                ctx.redirect("/glossary/" + target.get(), HttpStatus.MOVED_PERMANENTLY);
                return;
            }
            throw new NotFoundResponse();
        }
        var path = "/glossary/" + slug;
        var referrer = InquiryController.externalReferrer(ctx);
        views.count(slug);
        if (ctx.queryString() == null && referrer.isEmpty()) {
            pages.get(
                            path,
                            FORM_PAGE_TTL,
                            () -> CachedPage.html(
                                    PAGE_CACHE,
                                    renderTerm(
                                            entry.get(),
                                            blankForm(entry.get(), ctx, "", minimumFillTime.plus(FORM_PAGE_TTL)))))
                    .send(ctx);
        } else {
            // A visitor from a campaign or another site: the form records where they came from.
            CachedPage.sendOnce(
                    ctx,
                    CachedPage.HTML,
                    "no-store",
                    renderTerm(entry.get(), blankForm(entry.get(), ctx, referrer, minimumFillTime)));
        }
    }

    /** The term page again, with the visitor's input and what is wrong with it. */
    public void showWithForm(Context ctx, TermCatalog.Entry entry, FormView form, int status) {
        ctx.status(status);
        CachedPage.sendOnce(ctx, CachedPage.HTML, "no-store", renderTerm(entry, form));
    }

    private FormView blankForm(TermCatalog.Entry entry, Context ctx, String referrer, Duration fillTime) {
        var slug = entry.term().slug();
        return new FormView(
                "/glossary/" + slug + "/inquiries",
                entry.term().title(),
                InquiryForm.blank(slug, "/glossary/" + slug, referrer, ctx),
                new FieldErrors(),
                tokens.issue(fillTime),
                null);
    }

    private byte[] renderTerm(TermCatalog.Entry entry, FormView form) {
        var term = entry.term();
        var path = "/glossary/" + term.slug();
        var meta = site.page("What is " + term.title() + "? | " + site.name(), term.definition(), path)
                .asArticle();
        var graph = new ArrayList<Object>();
        graph.add(definedTerm(term));
        graph.add(breadcrumbs(List.of(
                crumb("Glossary", "/glossary"),
                crumb(term.category(), "/categories/" + term.categorySlug()),
                crumb(term.title(), path))));
        if (!term.faq().isEmpty()) {
            var questions = new ArrayList<Object>();
            for (var faq : term.faq()) {
                questions.add(Map.of(
                        "@type",
                        "Question",
                        "name",
                        faq.question(),
                        "acceptedAnswer",
                        Map.of("@type", "Answer", "text", faq.answer())));
            }
            graph.add(Map.of("@context", "https://schema.org", "@type", "FAQPage", "mainEntity", questions));
        }
        return templates.render("term/show.jte", new Pages.Show(meta.withJsonLd(JsonLd.of(graph)), entry, form));
    }

    public void category(Context ctx) {
        var slug = ctx.pathParam("slug");
        var category = catalog.category(slug).orElseThrow(NotFoundResponse::new);
        pages.get("/categories/" + slug, () -> {
                    var path = "/categories/" + slug;
                    var meta = site.page(
                            category.name() + ": " + category.terms().size() + " AI terms explained | " + site.name(),
                            "AI terms in " + category.name() + ", explained for business leaders: "
                                    + String.join(
                                            ", ",
                                            category.terms().stream()
                                                    .limit(6)
                                                    .map(Term::title)
                                                    .toList()) + " and more.",
                            path);
                    meta = meta.withJsonLd(JsonLd.of(List.of(
                            breadcrumbs(List.of(crumb("Glossary", "/glossary"), crumb(category.name(), path))))));
                    return CachedPage.html(
                            PAGE_CACHE,
                            templates.render(
                                    "term/category.jte", new Pages.Category(meta, category, catalog.categories())));
                })
                .send(ctx);
    }

    public void search(Context ctx) {
        var query = ctx.queryParam("q");
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
        var results = new ArrayList<Term>();
        for (var hit : catalog.search(query, 50)) {
            results.add(hit.term());
        }
        List<Term> suggestions = List.of();
        if (results.isEmpty() && !query.isEmpty()) {
            suggestions = catalog.suggestions(query, 5);
            try {
                misses.record(query);
            } catch (RuntimeException e) {
                // Counting a miss is a nicety; the reader still gets their answer without the database.
                org.slf4j.LoggerFactory.getLogger(TermController.class)
                        .warn("Search miss not recorded: {}", e.toString());
            }
        }
        var title = query.isEmpty() ? "Search the glossary" : "Search results for \"" + query + "\"";
        var meta = site.page(title + " | " + site.name(), "Search the " + site.name() + ".", "/search")
                .notIndexed();
        CachedPage.sendOnce(
                ctx,
                CachedPage.HTML,
                "no-cache",
                templates.render("term/search.jte", new Pages.Search(meta, query, results, suggestions)));
    }

    /** The 404 page suggests terms whose names resemble the last part of the path asked for. */
    public byte[] notFoundPage(String path) {
        var last = path.substring(path.lastIndexOf('/') + 1).replace('-', ' ');
        var meta = site.page("Page not found | " + site.name(), "The page you asked for does not exist.", path)
                .notIndexed();
        return templates.render(
                "error/notFound.jte", new Pages.NotFound(meta, catalog.suggestions(last, 5), catalog.categories()));
    }

    public CachedPage sitemap() {
        return pages.get("/sitemap.xml", () -> {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            var newest = catalog.recentlyReviewed(1).stream()
                    .findFirst()
                    .map(t -> t.lastReviewed().toString())
                    .orElse(null);
            appendUrl(xml, site.url("/"), newest);
            appendUrl(xml, site.url("/glossary"), newest);
            for (var category : catalog.categories()) {
                appendUrl(xml, site.url("/categories/" + category.slug()), null);
            }
            for (var term : catalog.terms()) {
                appendUrl(
                        xml,
                        site.url("/glossary/" + term.slug()),
                        term.lastReviewed().toString());
            }
            xml.append("</urlset>\n");
            return CachedPage.of(
                    xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "application/xml; charset=utf-8",
                    "public, max-age=3600");
        });
    }

    private static void appendUrl(StringBuilder xml, String loc, String lastmod) {
        xml.append("  <url><loc>").append(xmlEscape(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private Map<String, Object> definedTermSet() {
        return Map.of(
                "@context",
                "https://schema.org",
                "@type",
                "DefinedTermSet",
                "@id",
                site.url("/glossary"),
                "name",
                site.name(),
                "url",
                site.url("/glossary"));
    }

    private Map<String, Object> definedTerm(Term term) {
        var node = new LinkedHashMap<String, Object>();
        node.put("@context", "https://schema.org");
        node.put("@type", "DefinedTerm");
        node.put("@id", site.url("/glossary/" + term.slug()));
        node.put("name", term.title());
        node.put("description", term.definition());
        node.put("url", site.url("/glossary/" + term.slug()));
        if (!term.aliases().isEmpty()) {
            node.put("alternateName", term.aliases());
        }
        node.put(
                "inDefinedTermSet",
                Map.of(
                        "@type",
                        "DefinedTermSet",
                        "@id",
                        site.url("/glossary"),
                        "name",
                        site.name(),
                        "url",
                        site.url("/glossary")));
        node.put("dateModified", term.lastReviewed().toString());
        return node;
    }

    private record Crumb(String name, String path) {}

    private static Crumb crumb(String name, String path) {
        return new Crumb(name, path);
    }

    private Map<String, Object> breadcrumbs(List<Crumb> crumbs) {
        var items = new ArrayList<Object>();
        int position = 1;
        for (var crumb : crumbs) {
            items.add(Map.of(
                    "@type", "ListItem", "position", position++, "name", crumb.name(), "item", site.url(crumb.path())));
        }
        return Map.of("@context", "https://schema.org", "@type", "BreadcrumbList", "itemListElement", items);
    }

    private static List<Pages.LetterLink> alphabet(List<Pages.Letter> groups) {
        var present = new java.util.HashSet<String>();
        groups.forEach(group -> present.add(group.letter()));
        var links = new ArrayList<Pages.LetterLink>();
        for (char c = 'A'; c <= 'Z'; c++) {
            links.add(new Pages.LetterLink(String.valueOf(c), present.contains(String.valueOf(c))));
        }
        if (present.contains("#")) {
            links.add(new Pages.LetterLink("#", true));
        }
        return links;
    }
}
