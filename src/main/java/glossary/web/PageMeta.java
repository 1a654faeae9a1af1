package glossary.web;

/**
 * What the layout needs to know about a page: the head's title, description, canonical URL,
 * JSON-LD, and the site-wide bits (name, stylesheet) that {@link Site} fills in.
 */
public record PageMeta(
        String title,
        String description,
        String canonicalUrl,
        String ogType,
        SafeHtml jsonLd,
        boolean noindex,
        Site site,
        boolean searchInPage) {

    public PageMeta withJsonLd(SafeHtml jsonLd) {
        return new PageMeta(title, description, canonicalUrl, ogType, jsonLd, noindex, site, searchInPage);
    }

    public PageMeta asArticle() {
        return new PageMeta(title, description, canonicalUrl, "article", jsonLd, noindex, site, searchInPage);
    }

    /** Search results and error pages: useful to people, noise to search engines. */
    public PageMeta notIndexed() {
        return new PageMeta(title, description, canonicalUrl, ogType, jsonLd, true, site, searchInPage);
    }

    /** A page with a search box of its own: the header leaves its box out, so there is one per page. */
    public PageMeta withSearchInPage() {
        return new PageMeta(title, description, canonicalUrl, ogType, jsonLd, noindex, site, true);
    }
}
