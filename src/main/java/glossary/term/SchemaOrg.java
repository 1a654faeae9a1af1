package glossary.term;

import static glossary.web.JsonLd.node;

import glossary.web.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The schema.org structured data of the read side's pages, in a fixed key order. */
final class SchemaOrg {
    private static final String CONTEXT = "https://schema.org";

    private final Site site;

    SchemaOrg(Site site) {
        this.site = site;
    }

    Map<String, Object> webSite() {
        return node(
                "@context", CONTEXT,
                "@type", "WebSite",
                "name", site.name(),
                "url", site.url(site.link("/")),
                "inLanguage", site.language().tag(),
                "publisher", organization(),
                "potentialAction",
                        node(
                                "@type", "SearchAction",
                                "target", site.url(site.link("/search") + "?q={search_term_string}"),
                                "query-input", "required name=search_term_string"));
    }

    Map<String, Object> definedTermSet() {
        return termSet(CONTEXT);
    }

    /** The glossary as a set of terms; inside another node it needs no context of its own (null). */
    private Map<String, Object> termSet(String context) {
        var glossary = site.url(site.link("/glossary"));
        return node(
                "@context",
                context,
                "@type",
                "DefinedTermSet",
                "@id",
                glossary,
                "name",
                site.name(),
                "url",
                glossary,
                "inLanguage",
                site.language().tag(),
                "publisher",
                organization());
    }

    /** The firm, from the site file: who publishes the glossary and how to reach it. */
    Map<String, Object> organization() {
        var firm = site.firm();
        var sameAs = firm.social().stream().map(link -> link.url()).toList();
        return node(
                "@type", "Organization",
                "@id", site.url("/#organization"),
                "name", firm.name(),
                "description", firm.pitch(site.language()),
                "url", site.url("/"),
                "logo", site.url(site.logoUrl()),
                "email", firm.email(),
                "telephone", firm.phone(),
                "areaServed", "Southeast Asia",
                "sameAs", sameAs.isEmpty() ? null : sameAs);
    }

    /** The term, where it sits in the site, and its questions when it has some. */
    List<Object> termGraph(Term term, String categoryLabel) {
        var graph = new ArrayList<Object>();
        graph.add(node(
                "@context", CONTEXT,
                "@type", "DefinedTerm",
                "@id", site.url(term.path()),
                "name", term.title(),
                "description", term.definition(),
                "url", site.url(term.path()),
                "inLanguage", term.language().tag(),
                "alternateName", term.aliases().isEmpty() ? null : term.aliases(),
                "inDefinedTermSet", termSet(null),
                "dateModified", term.lastReviewed().toString()));
        graph.add(breadcrumbs(
                site.text().get("breadcrumbs.glossary"),
                site.link("/glossary"),
                categoryLabel,
                site.link("/categories/" + term.categorySlug()),
                term.title(),
                term.path()));
        if (!term.faq().isEmpty()) {
            var questions = new ArrayList<Object>();
            for (var faq : term.faq()) {
                questions.add(node(
                        "@type", "Question",
                        "name", faq.question(),
                        "acceptedAnswer", node("@type", "Answer", "text", faq.answer())));
            }
            graph.add(node(
                    "@context",
                    CONTEXT,
                    "@type",
                    "FAQPage",
                    "inLanguage",
                    term.language().tag(),
                    "mainEntity",
                    questions));
        }
        return graph;
    }

    /** @param namesAndPaths the trail from the top: name, path, name, path ... */
    Map<String, Object> breadcrumbs(String... namesAndPaths) {
        var items = new ArrayList<Object>();
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            items.add(node(
                    "@type",
                    "ListItem",
                    "position",
                    i / 2 + 1,
                    "name",
                    namesAndPaths[i],
                    "item",
                    site.url(namesAndPaths[i + 1])));
        }
        return node("@context", CONTEXT, "@type", "BreadcrumbList", "itemListElement", items);
    }
}
