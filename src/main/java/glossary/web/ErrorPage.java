package glossary.web;

/** A page that explains an error in a sentence or two. */
public record ErrorPage(PageMeta meta, String heading, String message) {}
