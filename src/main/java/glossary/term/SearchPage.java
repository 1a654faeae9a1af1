package glossary.term;

import glossary.web.PageMeta;
import glossary.web.Site;
import glossary.web.Text;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the search page says for a query: one page of results with their total, the results for a
 * corrected query when the one typed finds nothing and the correction is sure, and otherwise the
 * nearest terms. A function of the query and the catalog only, so the same query gives the same bytes.
 */
final class SearchPage {
    static final int PAGE_SIZE = 20;
    static final int MAX_QUERY_LENGTH = 200;
    private static final int NEAREST = 5;
    /** Pages beyond this are not asked for by people; such a number is treated like any bad one. */
    private static final int MAX_PAGE_DIGITS = 5;

    private static final int MAX_WORD_LENGTH = 40;

    /** Either a page to render or a URL to send the reader to; {@code missed} when nothing was found. */
    record Answer(Pages.Search page, String redirect, boolean missed) {}

    private final TermCatalog catalog;
    private final Site site;

    SearchPage(TermCatalog catalog, Site site) {
        this.catalog = catalog;
        this.site = site;
    }

    /**
     * Whether the query is one word of the catalog, typed as plain letters and digits, with at most a
     * page number and the as-typed flag: a page for it depends on nothing a reader wrote freely.
     */
    boolean commonQuery(String q, String pageParameter, String exact) {
        if (q == null || q.isEmpty() || q.length() > MAX_WORD_LENGTH) {
            return false;
        }
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return (pageParameter == null || pageNumber(pageParameter) > 0)
                && (exact == null || exact.equals("1"))
                && catalog.hasWord(catalog.normalized(q));
    }

    /** {@code exact} ("1") asks for the query as typed, without correction; {@code page} counts from 1. */
    Answer answer(String q, String pageParameter, String exact) {
        var query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
        boolean asTyped = "1".equals(exact);
        int page = pageNumber(pageParameter);
        if (page < 1) {
            return new Answer(null, url(query, asTyped, 1), false);
        }
        int offset = (page - 1) * PAGE_SIZE;
        var results = catalog.search(query, offset, PAGE_SIZE);
        Pages.Link showingFor = null;
        Pages.Link searchInstead = null;
        Pages.Link didYouMean = null;
        var shown = query;
        if (results.total() == 0 && !query.isEmpty()) {
            var correction = catalog.correction(query).orElse(null);
            if (correction != null) {
                var corrected = catalog.search(correction.query(), offset, PAGE_SIZE);
                var link = new Pages.Link(correction.query(), url(correction.query(), false, 1));
                if (corrected.total() > 0 && correction.confident() && !asTyped) {
                    results = corrected;
                    shown = correction.query();
                    showingFor = link;
                    searchInstead = new Pages.Link(query, url(query, true, 1));
                } else if (corrected.total() > 0) {
                    didYouMean = link;
                }
            }
        }
        int total = results.total();
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            return new Answer(null, url(query, asTyped, pages), false);
        }
        boolean missed = total == 0 && !query.isEmpty();
        var terms = new ArrayList<Term>();
        results.hits().forEach(hit -> terms.add(hit.term()));
        var model = new Pages.Search(
                meta(query, total, page, pages),
                query,
                heading(shown, total),
                pages > 1 ? t().get("search.range", page, pages, offset + 1, offset + terms.size()) : null,
                terms,
                showingFor,
                searchInstead,
                didYouMean,
                missed ? catalog.suggestions(query, NEAREST) : List.of(),
                paging(query, asTyped, page, pages));
        return new Answer(model, null, missed);
    }

    private Text t() {
        return site.text();
    }

    private PageMeta meta(String query, int total, int page, int pages) {
        String title;
        if (query.isEmpty()) {
            title = t().get("search.label");
        } else if (total == 0) {
            title = t().get("search.titleNone", query);
        } else if (pages > 1) {
            title = t().get("search.titlePaged", query, page, pages);
        } else {
            title = t().get("search.title", query);
        }
        return site.page(title + " | " + site.name(), t().get("search.metaDescription", site.name()), "/search")
                .notIndexed()
                .withSearchInPage();
    }

    private String heading(String query, int total) {
        if (query.isEmpty()) {
            return t().get("search.label");
        }
        if (total == 0) {
            return t().get("search.headingNone", query);
        }
        return t().get("search.heading", total, query);
    }

    /** Previous, next, the first and last pages and two either side of this one. */
    private Pages.Paging paging(String query, boolean asTyped, int page, int pages) {
        if (pages == 1) {
            return new Pages.Paging(null, List.of(), null);
        }
        var numbers = new TreeSet<Integer>(List.of(1, pages));
        for (int n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) {
            numbers.add(n);
        }
        var links = new ArrayList<Pages.PageLink>();
        int last = 0;
        for (int n : numbers) {
            if (n > last + 1) {
                links.add(new Pages.PageLink("…", null, false));
            }
            links.add(new Pages.PageLink(Integer.toString(n), url(query, asTyped, n), n == page));
            last = n;
        }
        var previous = page > 1 ? new Pages.Link(t().get("search.previous"), url(query, asTyped, page - 1)) : null;
        var next = page < pages ? new Pages.Link(t().get("search.next"), url(query, asTyped, page + 1)) : null;
        return new Pages.Paging(previous, links, next);
    }

    String url(String query, boolean asTyped, int page) {
        var url = new StringBuilder(site.link("/search"))
                .append("?q=")
                .append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (asTyped) {
            url.append("&exact=1");
        }
        if (page > 1) {
            url.append("&page=").append(page);
        }
        return url.toString();
    }

    /** The page asked for, 1 when none was, or 0 for anything but a plain number from 1 on. */
    private static int pageNumber(String value) {
        if (value == null) {
            return 1;
        }
        if (value.isEmpty()
                || value.length() > MAX_PAGE_DIGITS
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Integer.parseInt(value);
    }
}
