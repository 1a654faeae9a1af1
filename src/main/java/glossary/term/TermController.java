package glossary.term;

import gg.jte.Content;
import glossary.web.CachedPage;
import glossary.web.JsonLd;
import glossary.web.Language;
import glossary.web.PageCache;
import glossary.web.Referrers;
import glossary.web.Site;
import glossary.web.Templates;
import glossary.web.Text;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side: home, A-Z index, term pages, categories and search. Pages that do not depend on
 * the request are rendered and compressed once per catalog and then served from memory.
 */
public final class TermController {
    private static final Logger log = LoggerFactory.getLogger(TermController.class);
    private static final String PAGE_CACHE = "public, max-age=300";
    private static final String SEARCH_CACHE = "no-cache";

    /**
     * Bounds {@link #commonSearches}: the catalog's words times the ways to type them is more than a
     * broad search needs, and past this a page is simply rendered per request.
     */
    private static final int MAX_COMMON_SEARCHES = 4096;

    /**
     * Term pages are kept in memory with a placeholder for the form's token and get a fresh token
     * at each delivery, so they must not sit in a shared cache or be revalidated into an old token.
     */
    private static final String FORM_PAGE_CACHE = "private, no-cache";

    private final Glossary glossary;
    private final Site site;
    private final Templates templates;
    private final SearchMisses misses;
    private final PageCache pages;
    private final PageViews views;
    private final FormSlot form;
    private final SchemaOrg schema;

    /**
     * Search pages for a query that is one word of the catalog ("model", "AI"), rendered and
     * compressed once: the broad searches that match most terms and are asked most. Only the
     * catalog's own words are keys, so no reader's free text is kept here.
     */
    private final Map<String, CachedPage> commonSearches = new ConcurrentHashMap<>();

    /** The read side in one language: {@code site}'s; one controller per language. */
    public TermController(
            Glossary glossary,
            Site site,
            Templates templates,
            SearchMisses misses,
            PageCache pages,
            PageViews views,
            FormSlot form) {
        this.glossary = glossary;
        this.site = site;
        this.templates = templates;
        this.misses = misses;
        this.pages = pages;
        this.views = views;
        this.form = form;
        this.schema = new SchemaOrg(site);
    }

    public void home(Context ctx) {
        pages.get(site.link("/"), () -> {
                    var meta = site.page(
                            t().get("home.metaTitle", site.name()),
                            t().get("home.metaDescription", catalog().terms().size()),
                            "/");
                    meta = meta.withJsonLd(JsonLd.of(List.of(schema.webSite()))).withSearchInPage();
                    return CachedPage.html(
                            PAGE_CACHE,
                            templates.render(
                                    "term/home.jte",
                                    new Pages.Home(
                                            meta,
                                            catalog().categories(),
                                            catalog().featured(),
                                            Pages.ReviewDay.of(catalog().recentlyReviewed(8)),
                                            catalog().terms().size(),
                                            catalog().translatedCount())));
                })
                .send(ctx);
    }

    public void index(Context ctx) {
        pages.get(site.link("/glossary"), () -> {
                    var letters = new ArrayList<Pages.Letter>();
                    catalog().byLetter().forEach((letter, terms) -> letters.add(new Pages.Letter(letter, terms)));
                    var meta = site.page(
                            t().get("index.metaTitle", catalog().terms().size(), site.name()),
                            t().get("index.metaDescription", site.name()),
                            "/glossary");
                    meta = meta.withJsonLd(JsonLd.of(List.of(
                            schema.definedTermSet(),
                            schema.breadcrumbs(t().get("breadcrumbs.glossary"), site.link("/glossary")))));
                    return CachedPage.html(
                            PAGE_CACHE,
                            templates.render(
                                    "term/index.jte",
                                    new Pages.Index(
                                            meta,
                                            letters,
                                            alphabet(letters),
                                            catalog().terms().size(),
                                            catalog().translatedCount())));
                })
                .send(ctx);
    }

    public void show(Context ctx) {
        var slug = ctx.pathParam("slug");
        var entry = catalog().entry(slug);
        if (entry.isEmpty()) {
            var target = catalog().redirect(slug);
            if (target.isPresent()) {
                ctx.redirect(site.link(Term.path(target.get())), HttpStatus.MOVED_PERMANENTLY);
                return;
            }
            throw new NotFoundResponse();
        }
        if (entry.get().term().language() != site.language()) {
            // Not translated: the reader is sent to the English page, which the A–Z marks as English.
            ctx.redirect(entry.get().term().path(), HttpStatus.FOUND);
            return;
        }
        var referrer = Referrers.external(ctx);
        views.count(slug);
        var term = entry.get().term();
        if (ctx.queryString() == null && referrer.isEmpty()) {
            pages.get(
                            term.path(),
                            () -> CachedPage.spliced(
                                    FORM_PAGE_CACHE,
                                    renderTerm(entry.get(), form.withPlaceholder(ctx, term), false),
                                    FormSlot.TOKEN_PLACEHOLDER,
                                    form::freshToken))
                    .send(ctx);
        } else {
            // A visitor from a campaign or another site: the form records where they came from.
            var page = renderTerm(entry.get(), form.blank(ctx, term, referrer), false);
            CachedPage.sendOnce(ctx, CachedPage.HTML, "no-store", page);
        }
    }

    /**
     * The term page again, form first, with the visitor's input and what is wrong with it, so the
     * error summary is the first thing they see.
     */
    public void showWithErrors(Context ctx, TermCatalog.Entry entry, Content form, int status) {
        ctx.status(status);
        CachedPage.sendOnce(ctx, CachedPage.HTML, "no-store", renderTerm(entry, form, true));
    }

    private byte[] renderTerm(TermCatalog.Entry entry, Content form, boolean failed) {
        var term = entry.term();
        var title = (failed ? t().get("form.errorTitle") : "") + term.heading() + " | " + site.name();
        var meta = site.page(title, term.definition(), term.englishPath())
                .inLanguages(glossary.languagesOf(term.slug()))
                .asArticle()
                .withFormAt("#help")
                .withJsonLd(JsonLd.of(schema.termGraph(term, entry.category().label())));
        return templates.render("term/show.jte", new Pages.Show(meta, entry, form, failed));
    }

    public void category(Context ctx) {
        var slug = ctx.pathParam("slug");
        var category = catalog().category(slug).orElseThrow(NotFoundResponse::new);
        pages.get(site.link("/categories/" + slug), () -> {
                    var path = "/categories/" + slug;
                    var meta = site.page(
                            t().get(
                                            "category.metaTitle",
                                            category.label(),
                                            category.terms().size(),
                                            site.name()),
                            t().get(
                                            "category.metaDescription",
                                            category.label(),
                                            String.join(
                                                    ", ",
                                                    category.terms().stream()
                                                            .limit(6)
                                                            .map(Term::title)
                                                            .toList())),
                            path);
                    meta = meta.withJsonLd(JsonLd.of(List.of(schema.breadcrumbs(
                            t().get("breadcrumbs.glossary"),
                            site.link("/glossary"),
                            category.label(),
                            site.link(path)))));
                    return CachedPage.html(
                            PAGE_CACHE,
                            templates.render(
                                    "term/category.jte",
                                    new Pages.Category(meta, category, catalog().categories())));
                })
                .send(ctx);
    }

    public void search(Context ctx) {
        var q = ctx.queryParam("q");
        var pageNumber = ctx.queryParam("page");
        var exact = ctx.queryParam("exact");
        var searchPage = new SearchPage(catalog(), site);
        var key = searchPage.commonQuery(q, pageNumber, exact) ? q + '\n' + pageNumber + '\n' + exact : null;
        var cached = key == null ? null : commonSearches.get(key);
        if (cached != null) {
            cached.send(ctx);
            return;
        }
        var answer = searchPage.answer(q, pageNumber, exact);
        if (answer.redirect() != null) {
            ctx.redirect(answer.redirect(), HttpStatus.FOUND);
            return;
        }
        if (answer.missed()) {
            try {
                misses.record(answer.page().query());
            } catch (RuntimeException e) {
                // Counting a miss is a nicety; the reader still gets their answer without the database.
                log.warn("Search miss not recorded: {}", e.toString());
            }
        }
        var body = templates.render("term/search.jte", answer.page());
        if (key != null && !answer.missed() && commonSearches.size() < MAX_COMMON_SEARCHES) {
            var page = CachedPage.html(SEARCH_CACHE, body);
            commonSearches.putIfAbsent(key, page);
            page.send(ctx);
            return;
        }
        CachedPage.sendOnce(ctx, CachedPage.HTML, SEARCH_CACHE, body);
    }

    /** The 404 page suggests terms whose names resemble the last part of the path asked for. */
    public byte[] notFoundPage(String path) {
        var last = path.substring(path.lastIndexOf('/') + 1).replace('-', ' ');
        var meta = site.page(t().get("notFound.metaTitle", site.name()), t().get("notFound.metaDescription"), path)
                .notIndexed();
        return templates.render(
                "term/notFound.jte",
                new Pages.NotFound(
                        meta, catalog().suggestions(last, 5), catalog().categories()));
    }

    /**
     * Every page in every language it exists in, each with its alternates (the sitemap form of
     * {@code hreflang}), so search engines pair the versions even before they crawl them.
     */
    public CachedPage sitemap() {
        return pages.get("/sitemap.xml", () -> {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
                    .append("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
            var english = glossary.english();
            var newest = english.recentlyReviewed(1).stream()
                    .findFirst()
                    .map(t -> t.lastReviewed().toString())
                    .orElse(null);
            var everywhere = List.of(Language.values());
            appendUrls(xml, "/", everywhere, language -> newest);
            appendUrls(xml, "/glossary", everywhere, language -> newest);
            for (var category : english.categories()) {
                appendUrls(xml, "/categories/" + category.slug(), everywhere, language -> null);
            }
            for (var term : english.terms()) {
                appendUrls(
                        xml,
                        term.path(),
                        glossary.languagesOf(term.slug()),
                        language -> glossary.in(language)
                                .entry(term.slug())
                                .map(entry -> entry.term().lastReviewed().toString())
                                .orElse(null));
            }
            xml.append("</urlset>\n");
            return CachedPage.of(
                    xml.toString().getBytes(StandardCharsets.UTF_8),
                    "application/xml; charset=utf-8",
                    "public, max-age=3600");
        });
    }

    private void appendUrls(
            StringBuilder xml, String englishPath, List<Language> languages, Function<Language, String> lastmod) {
        for (var language : languages) {
            xml.append("  <url><loc>")
                    .append(xmlEscape(site.url(language.path(englishPath))))
                    .append("</loc>");
            var modified = lastmod.apply(language);
            if (modified != null) {
                xml.append("<lastmod>").append(modified).append("</lastmod>");
            }
            if (languages.size() > 1) {
                for (var other : languages) {
                    xml.append("\n    <xhtml:link rel=\"alternate\" hreflang=\"")
                            .append(other.tag())
                            .append("\" href=\"")
                            .append(xmlEscape(site.url(other.path(englishPath))))
                            .append("\"/>");
                }
                xml.append("\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"")
                        .append(xmlEscape(site.url(englishPath)))
                        .append("\"/>\n  ");
            }
            xml.append("</url>\n");
        }
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** This language's catalog; another language's may still be being built in the first second. */
    private TermCatalog catalog() {
        return glossary.in(site.language());
    }

    private Text t() {
        return site.text();
    }

    private List<Pages.LetterLink> alphabet(List<Pages.Letter> groups) {
        if (!site.language().isDefault()) {
            // The language's own alphabet is long (Thai has 44 consonants): list the letters in use.
            return groups.stream()
                    .map(group -> new Pages.LetterLink(group.letter(), true))
                    .toList();
        }
        var present = new HashSet<String>();
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
