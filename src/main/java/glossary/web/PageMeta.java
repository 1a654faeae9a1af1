package glossary.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What the layout needs to know about a page: the head's title, description, canonical URL,
 * JSON-LD, its other languages, and the site-wide bits (name, stylesheet) that {@link Site} fills in.
 *
 * @param ctaHref where the header's "Talk to an adviser" leads: the contact page, or a page's own form
 * @param englishPath the page's path in English ("/glossary/rag"); each language's is derived from it
 * @param languages the languages this page exists in (a term may be untranslated)
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
        boolean searchInPage,
        String englishPath,
        List<Language> languages) {

    /** A language's version of this page, for {@code hreflang} and the switcher. */
    public record Alternate(Language language, String href, boolean exists, boolean current) {}

    public PageMeta withJsonLd(SafeHtml jsonLd) {
        return new PageMeta(
                title,
                description,
                canonicalUrl,
                ogType,
                jsonLd,
                noindex,
                site,
                ctaHref,
                searchInPage,
                englishPath,
                languages);
    }

    /** A page with its own inquiry form: the header's call to action goes there. */
    public PageMeta withFormAt(String ctaHref) {
        return new PageMeta(
                title,
                description,
                canonicalUrl,
                ogType,
                jsonLd,
                noindex,
                site,
                ctaHref,
                searchInPage,
                englishPath,
                languages);
    }

    public PageMeta asArticle() {
        return new PageMeta(
                title,
                description,
                canonicalUrl,
                "article",
                jsonLd,
                noindex,
                site,
                ctaHref,
                searchInPage,
                englishPath,
                languages);
    }

    /** Search results and error pages: useful to people, noise to search engines. */
    public PageMeta notIndexed() {
        return new PageMeta(
                title,
                description,
                canonicalUrl,
                ogType,
                jsonLd,
                true,
                site,
                ctaHref,
                searchInPage,
                englishPath,
                languages);
    }

    /** A page with a search box of its own: the header leaves its box out, so there is one per page. */
    public PageMeta withSearchInPage() {
        return new PageMeta(
                title, description, canonicalUrl, ogType, jsonLd, noindex, site, ctaHref, true, englishPath, languages);
    }

    /** A page that exists only in some languages (a term translated into a few). */
    public PageMeta inLanguages(List<Language> languages) {
        return new PageMeta(
                title,
                description,
                canonicalUrl,
                ogType,
                jsonLd,
                noindex,
                site,
                ctaHref,
                searchInPage,
                englishPath,
                List.copyOf(languages));
    }

    public Language language() {
        return site.language();
    }

    public Text t() {
        return site.text();
    }

    /** This page's language's address of an English path, for links in templates. */
    public String link(String englishPath) {
        return site.link(englishPath);
    }

    /**
     * Every language in the switcher's order. A language the page does not exist in points at that
     * language's A–Z, so the switcher never leads to a missing page.
     */
    public List<Alternate> alternates() {
        var result = new ArrayList<Alternate>();
        for (var other : Language.values()) {
            boolean exists = languages.contains(other);
            var href = other.path(exists ? englishPath : "/glossary");
            result.add(new Alternate(other, href, exists, other == language()));
        }
        return result;
    }

    /** The absolute URLs for {@code <link rel="alternate" hreflang>}: only languages the page exists in. */
    public String alternateUrl(Language other) {
        return site.url(other.path(englishPath));
    }
}
