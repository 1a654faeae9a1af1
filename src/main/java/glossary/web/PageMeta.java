package glossary.web;

/**
 * What the layout needs to know about a page: the head's title, description, canonical URL,
 * JSON-LD, and the site-wide bits (name, stylesheet) that {@link Site} fills in.
 *
 * @param ctaHref where the header's "Talk to an adviser" leads: the contact page, or a page's own form
 */
public record PageMeta(
        String title,
        String description,
        String canonicalUrl,
        String ogType,
        SafeHtml jsonLd,
        boolean noindex,
        Site site,
        String ctaHref,
        boolean searchInPage) {

    public PageMeta withJsonLd(SafeHtml jsonLd) {
        return new PageMeta(title, description, canonicalUrl, ogType, jsonLd, noindex, site, ctaHref, searchInPage);
    }

    /** A page with its own inquiry form: the header's call to action goes there. */
    public PageMeta withFormAt(String ctaHref) {
        return new PageMeta(title, description, canonicalUrl, ogType, jsonLd, noindex, site, ctaHref, searchInPage);
    }

    public PageMeta asArticle() {
        return new PageMeta(title, description, canonicalUrl, "article", jsonLd, noindex, site, ctaHref, searchInPage);
    }

    /** Search results and error pages: useful to people, noise to search engines. */
    public PageMeta notIndexed() {
        return new PageMeta(title, description, canonicalUrl, ogType, jsonLd, true, site, ctaHref, searchInPage);
    }

    /** A page with a search box of its own: the header leaves its box out, so there is one per page. */
    public PageMeta withSearchInPage() {
        return new PageMeta(title, description, canonicalUrl, ogType, jsonLd, noindex, site, ctaHref, true);
    }
}
