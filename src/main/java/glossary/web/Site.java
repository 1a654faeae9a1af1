package glossary.web;

/**
 * Facts about the whole site that every page's head and links need.
 *
 * @param name the glossary's name, as titles and search results show it
 */
public record Site(String name, Firm firm, String baseUrl, String stylesheetUrl, String logoUrl) {

    public PageMeta page(String title, String description, String path) {
        return new PageMeta(title, description, url(path), "website", SafeHtml.EMPTY, false, this, "/contact", false);
    }

    public String url(String path) {
        return baseUrl + path;
    }
}
