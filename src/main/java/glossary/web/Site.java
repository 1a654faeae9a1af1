package glossary.web;

/** Facts about the whole site that every page's head and links need. */
public record Site(String name, String baseUrl, String stylesheetUrl) {

    public PageMeta page(String title, String description, String path) {
        return new PageMeta(title, description, url(path), "website", SafeHtml.EMPTY, false, this, false);
    }

    public String url(String path) {
        return baseUrl + path;
    }
}
