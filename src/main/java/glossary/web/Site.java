package glossary.web;

import java.util.List;

/**
 * Facts about the whole site that every page's head and links need, in one language: there is one
 * {@code Site} per language, and {@link #in} gives another's.
 *
 */
public record Site(Firm firm, String baseUrl, String stylesheetUrl, String logoUrl, Language language) {

    public Site in(Language other) {
        return new Site(firm, baseUrl, stylesheetUrl, logoUrl, other);
    }

    /** The glossary's name as titles and search results show it: "Example Advisory AI Glossary". */
    public String name() {
        return firm.name() + " " + productName();
    }

    public String productName() {
        return text().get("site.product");
    }

    public Text text() {
        return Text.of(language);
    }

    /** A page that exists in every language, at the same path under each language's prefix. */
    public PageMeta page(String title, String description, String englishPath) {
        return new PageMeta(
                title,
                description,
                url(language.path(englishPath)),
                "website",
                SafeHtml.EMPTY,
                false,
                this,
                language.path("/contact"),
                false,
                englishPath,
                List.of(Language.values()));
    }

    /** This language's address of an English path. */
    public String link(String englishPath) {
        return language.path(englishPath);
    }

    public String url(String path) {
        return baseUrl + path;
    }
}
