package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Form;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read side over HTTP with the bundled content, asserted on the structure of each page. */
class ReadSideTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.readOnly();

    private final Client visitor = Client.of(apps.app());

    @Test
    void home_has_search_categories_with_counts_featured_and_recent_terms() {
        var home = visitor.page("/");
        assertThat(home.select("form[role=search][action=/search] input[name=q]"))
                .isNotEmpty();
        var categories = home.select("#categories li");
        assertThat(categories).hasSizeGreaterThanOrEqualTo(10);
        assertThat(categories.first().select(".count").text()).matches("\\d+ terms");
        assertThat(home.select("#featured-heading + ul a[href^=/glossary/]")).hasSizeGreaterThanOrEqualTo(4);
        // Recently reviewed terms, grouped under the day they were checked: each date said once.
        assertThat(home.select("section:has(#recent-heading) .recent-list li a"))
                .hasSize(8);
        var days = home.select("section:has(#recent-heading) h3 time[datetime]").eachAttr("datetime");
        assertThat(days).isNotEmpty().doesNotHaveDuplicates();
        assertThat(home.select("h1")).hasSize(1);
    }

    @Test
    void the_index_lists_every_published_term_under_its_letter() {
        var index = visitor.page("/glossary");
        var listed = index.select(".letter-group .term-list > li > a");
        assertThat(listed).hasSize(published().size());
        assertThat(index.select(".letters a[href=#letter-A]")).hasSize(1);
        assertThat(index.select("#letter-A .term-list a").eachText())
                .allMatch(t -> t.toUpperCase().startsWith("A"));
        assertThat(index.select(".term-list li p").first().text()).isNotBlank();
    }

    @Test
    void a_term_page_has_every_part_of_the_seed_page() {
        var page = visitor.page("/glossary/open-source-ai-models");
        assertThat(page.select(".breadcrumbs a[href=/glossary]").text()).isEqualTo("AI glossary");
        assertThat(page.select(".breadcrumbs a[href=/categories/emerging-ai-trends]"))
                .hasSize(1);
        // The file words its heading and call to action; the defaults would read "What is Open Source AI Models?".
        assertThat(page.select("h1").text()).isEqualTo("What are open-source AI models?");
        assertThat(page.select("p.definition").text()).isNotBlank();
        assertThat(page.select("h2").eachText())
                .contains(
                        "Why it matters for business",
                        "Key considerations",
                        "Common questions",
                        "References",
                        "Related terms",
                        "More questions",
                        "Need help choosing between open and closed AI models?");
        assertThat(page.select("#considerations-heading ~ ul li, section:has(#considerations-heading) li"))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.select(".faq h3")).hasSizeGreaterThanOrEqualTo(2);
        var references = page.select(".references ol li");
        assertThat(references).hasSizeGreaterThanOrEqualTo(2);
        assertThat(references.select("a.source-link").eachAttr("href")).allMatch(u -> u.startsWith("https://"));
        assertThat(references.select("a.source-link").first().text()).startsWith("View source");
        assertThat(page.select(".reviewed time[datetime]")).hasSize(1);
        assertThat(page.select(".related a[href^=/glossary/]")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.select(".cta form[method=post][action=/glossary/open-source-ai-models] input[name=token]"))
                .hasSize(1);
    }

    @Test
    void a_term_page_names_the_firm_and_leads_to_its_form_from_the_top() {
        var page = visitor.page("/glossary/open-source-ai-models");
        assertThat(page.select(".brand .brand-name").text()).isEqualTo("Example Advisory");
        assertThat(page.select(".brand img[src^=/assets/logo.svg?v=]")).hasSize(1);
        assertThat(page.select(".header-cta").attr("href")).isEqualTo("#help");
        assertThat(page.select(".cta-inline a[href=#help]")).hasSize(1);
        assertThat(page.select(".term-aside .cta-card").text())
                .contains("Example Advisory helps organisations across Southeast Asia")
                .contains("Open Source AI Models");
        assertThat(page.select("#help .advisers li")).isNotEmpty();
        assertThat(page.select(".site-footer a[href=mailto:hello@example.com]")).hasSize(1);
        assertThat(visitor.get("/assets/logo.svg").body()).contains("<svg");
    }

    @Test
    void more_questions_link_to_the_pages_that_answer_them() {
        var page = visitor.page("/glossary/retrieval-augmented-generation");
        var links = page.select(".more-questions li a");
        assertThat(links).hasSizeBetween(3, 6);
        assertThat(links.eachAttr("href"))
                .allMatch(href -> href.matches("/glossary/[a-z0-9-]+#question-1"))
                .noneMatch(href -> href.startsWith("/glossary/retrieval-augmented-generation#"))
                .doesNotHaveDuplicates();
        var first = links.first();
        var target = visitor.page(first.attr("href").replaceAll("#.*", ""));
        assertThat(target.select("#question-1").text()).isEqualTo(first.text());
        // Structured data claims only the questions this page answers itself.
        var faqPage = page.select("script[type=application/ld+json]").html();
        assertThat(faqPage).doesNotContain(first.text());
    }

    @Test
    void the_structured_data_names_the_firm_as_publisher() {
        var json = visitor.page("/glossary/retrieval-augmented-generation")
                .select("script[type=application/ld+json]")
                .html();
        assertThat(json)
                .contains("\"publisher\":{\"@type\":\"Organization\"")
                .contains("\"name\":\"Example Advisory\"")
                .contains("\"email\":\"hello@example.com\"");
    }

    @Test
    void a_term_page_links_other_terms_in_its_body() {
        var page = visitor.page("/glossary/retrieval-augmented-generation");
        var bodyLinks = page.select(
                "section:has(#why-heading) a[href^=/glossary/], section:has(#considerations-heading) a[href^=/glossary/]");
        assertThat(bodyLinks).isNotEmpty();
        assertThat(bodyLinks.eachAttr("href"))
                .doesNotHaveDuplicates()
                .doesNotContain("/glossary/retrieval-augmented-generation");
    }

    @Test
    void a_term_in_review_says_so() {
        var page = visitor.page("/glossary/reasoning-model");
        assertThat(page.select(".status-note").text()).contains("being reviewed");
        assertThat(visitor.page("/glossary/machine-learning").select(".status-note"))
                .isEmpty();
    }

    @Test
    void term_pages_carry_unique_titles_descriptions_canonical_open_graph_and_json_ld() {
        var page = visitor.page("/glossary/hallucination");
        assertThat(page.title()).startsWith("What is an AI hallucination? | Example Advisory AI Glossary");
        assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://glossary.example.com/glossary/hallucination");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(page.title());
        assertThat(page.select("meta[property=og:url]").attr("content"))
                .isEqualTo("https://glossary.example.com/glossary/hallucination");
        assertThat(page.select("meta[name=twitter:card]")).hasSize(1);
        var jsonLd = page.select("script[type=application/ld+json]").html();
        assertThat(jsonLd)
                .contains(
                        "\"@type\":\"DefinedTerm\"",
                        "\"@type\":\"DefinedTermSet\"",
                        "\"@type\":\"BreadcrumbList\"",
                        "\"@type\":\"FAQPage\"");
        assertThat(visitor.page("/glossary/overfitting").title()).isNotEqualTo(page.title());
    }

    @Test
    void a_category_page_lists_its_terms() {
        var page = visitor.page("/categories/ai-security");
        assertThat(page.select("h1").text()).isEqualTo("AI Security");
        assertThat(page.select(".term-list > li > a").eachAttr("href"))
                .contains("/glossary/prompt-injection", "/glossary/deepfake");
        assertThat(visitor.get("/categories/no-such-category").statusCode()).isEqualTo(404);
    }

    @Test
    void search_ranks_title_then_alias_then_prefix_then_text() {
        assertThat(results("Hallucination").get(0)).isEqualTo("/glossary/hallucination");
        assertThat(results("rag").get(0)).isEqualTo("/glossary/retrieval-augmented-generation");
        assertThat(results("LLMs").get(0)).isEqualTo("/glossary/large-language-model");
        assertThat(results("prompt").subList(0, 3)).contains("/glossary/prompt-engineering");
        assertThat(results("vector databases").get(0)).isEqualTo("/glossary/vector-database");
        assertThat(results("GÉNÉRATIVE ai").get(0)).isEqualTo("/glossary/generative-ai");
        assertThat(results("Singapore")).hasSizeGreaterThan(5);
    }

    @Test
    void a_search_with_no_result_offers_the_nearest_terms_and_the_contact_form_and_is_recorded() {
        // The app is shared with other read-only classes, which may search for the same word.
        var misses = new SearchMisses(apps.app().database.jdbi(), java.time.Clock.systemUTC());
        long before = misses.hits("kubernetes");
        var page = visitor.page("/search?q=kubernetes");
        assertThat(page.select("h1").text()).isEqualTo("No terms match “kubernetes”");
        assertThat(page.select(".no-results .suggestions a")).isNotEmpty();
        assertThat(page.select(".no-results a[href=/contact]")).hasSize(1);
        assertThat(page.select("main form[role=search] input[name=q]").val()).isEqualTo("kubernetes");
        visitor.get("/search?q=Kubernetes");
        assertThat(misses.hits("kubernetes")).isEqualTo(before + 2);
    }

    @Test
    void a_misspelt_search_shows_the_results_for_the_correction_and_offers_the_query_as_typed() {
        var page = visitor.page("/search?q=retreival");
        assertThat(page.select(".correction").text())
                .isEqualTo("Showing results for retrieval. Search instead for retreival.");
        assertThat(page.select("h1").text()).matches("\\d+ terms? match(es)? “retrieval”");
        assertThat(results("retreival")).contains("/glossary/retrieval-augmented-generation");
        assertThat(page.select(".correction a").eachAttr("href"))
                .containsExactly("/search?q=retrieval", "/search?q=retreival&exact=1");
        assertThat(new SearchMisses(apps.app().database.jdbi(), java.time.Clock.systemUTC()).hits("retreival"))
                .as("a corrected search found something")
                .isZero();

        var asTyped = visitor.page("/search?q=retreival&exact=1");
        assertThat(asTyped.select("h1").text()).isEqualTo("No terms match “retreival”");
        assertThat(asTyped.select(".correction").text()).isEqualTo("Did you mean retrieval?");
        assertThat(asTyped.select(".correction a").attr("href")).isEqualTo("/search?q=retrieval");
        assertThat(asTyped.select(".suggestions a").eachAttr("href"))
                .contains("/glossary/retrieval-augmented-generation");
    }

    @Test
    void one_or_two_typos_and_plurals_still_find_the_term() {
        assertThat(results("halucinations").get(0)).isEqualTo("/glossary/hallucination");
        assertThat(results("halucinaton").get(0)).as("two typos").isEqualTo("/glossary/hallucination");
        assertThat(results("hallucinations").get(0)).isEqualTo("/glossary/hallucination");
        assertThat(results("embedings").get(0)).isEqualTo("/glossary/embedding");
        assertThat(results("AI agents")).contains("/glossary/ai-agent");
        assertThat(results("guardrails")).isEqualTo(results("guardrail"));
    }

    @Test
    void a_broad_search_says_how_many_terms_match_and_pages_through_all_of_them_twenty_at_a_time() {
        var first = visitor.page("/search?q=model");
        var heading = first.select("h1").text();
        assertThat(heading).matches("\\d+ terms match “model”");
        int total = Integer.parseInt(heading.substring(0, heading.indexOf(' ')));
        int pages = (total + 19) / 20;
        assertThat(total).isGreaterThan(50);
        assertThat(first.title()).startsWith("Search results for \"model\", page 1 of " + pages + " |");
        assertThat(first.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(first.select(".pagination a[rel=prev]")).isEmpty();
        assertThat(first.select(".pagination a[aria-current=page]").text()).isEqualTo("1");

        var seen = new java.util.LinkedHashSet<String>();
        var path = "/search?q=model";
        for (int number = 1; number <= pages; number++) {
            var page = visitor.page(path);
            var hrefs = page.select(".term-list > li > a").eachAttr("href");
            assertThat(hrefs).hasSize(number < pages ? 20 : total - 20 * (pages - 1));
            seen.addAll(hrefs);
            assertThat(page.select(".pagination a[aria-current=page]").text()).isEqualTo(Integer.toString(number));
            assertThat(page.title()).contains("page " + number + " of " + pages);
            assertThat(page.select(".result-range").text())
                    .startsWith("Page " + number + " of " + pages + ": terms " + (20 * (number - 1) + 1) + "–");
            if (number > 1) {
                assertThat(page.select(".pagination a[rel=prev]").attr("href"))
                        .isEqualTo(number == 2 ? "/search?q=model" : "/search?q=model&page=" + (number - 1));
            }
            var next = page.select(".pagination a[rel=next]");
            assertThat(next).hasSize(number < pages ? 1 : 0);
            path = next.attr("href");
        }
        assertThat(seen).as("every result once").hasSize(total);
        assertThat(results("model").get(0))
                .isEqualTo(first.select(".term-list > li > a").first().attr("href"));
    }

    @Test
    void a_page_number_out_of_range_or_malformed_redirects_to_a_page_that_exists() {
        var beyond = visitor.get("/search?q=model&page=999");
        assertThat(beyond.statusCode()).isEqualTo(302);
        assertThat(Client.header(beyond, "Location"))
                .hasValueSatisfying(l -> assertThat(l).matches("/search\\?q=model&page=\\d+"));
        assertThat(visitor.get(Client.header(beyond, "Location").orElseThrow()).statusCode())
                .isEqualTo(200);
        for (var page : List.of("0", "-1", "abc", "", "99999999999")) {
            var response = visitor.get("/search?q=model&page=" + page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(Client.header(response, "Location")).as(page).hasValue("/search?q=model");
        }
        assertThat(Client.header(visitor.get("/search?q=blockchain&page=2"), "Location"))
                .hasValue("/search?q=blockchain");
    }

    @Test
    void a_search_page_is_the_same_bytes_for_the_same_query() {
        for (var query : List.of("model", "retreival", "blockchain", "model&page=3")) {
            assertThat(visitor.get("/search?q=" + query).body())
                    .as(query)
                    .isEqualTo(visitor.get("/search?q=" + query).body());
        }
    }

    @Test
    void a_search_for_one_catalog_word_is_kept_and_revalidates_with_its_etag() {
        var first = visitor.get("/search?q=AI&page=2");
        var etag = Client.header(first, "ETag").orElseThrow();
        var again = visitor.get("/search?q=AI&page=2", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(visitor.get("/search?q=AI&page=2").body()).isEqualTo(first.body());
        assertThat(Client.header(visitor.get("/search?q=what+is+ai"), "ETag"))
                .as("free text is rendered per request, not kept")
                .isEmpty();
    }

    @Test
    void the_home_search_and_term_pages_each_have_one_search_box() {
        for (var path : List.of("/", "/search", "/search?q=model", "/search?q=blockchain", "/glossary/ai-agent")) {
            var page = visitor.page(path);
            assertThat(page.select("input[type=search]")).as(path).hasSize(1);
            assertThat(page.select("form[role=search]")).as(path).hasSize(1);
        }
    }

    @Test
    void search_escapes_the_query_and_survives_odd_input() {
        var response = visitor.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(visitor.get("/search?q=" + "a".repeat(5000)).statusCode()).isEqualTo(200);
        assertThat(visitor.get("/search?q=%00%FF").statusCode()).isLessThan(500);
        assertThat(visitor.get("/search").statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_slug_gets_a_real_404_with_suggestions() {
        var response = visitor.get("/glossary/prompt-engineerin");
        assertThat(response.statusCode()).isEqualTo(404);
        var page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select(".suggestions a").eachAttr("href")).contains("/glossary/prompt-engineering");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
    }

    @Test
    void an_alias_redirects_permanently_to_the_canonical_url() {
        var response = visitor.get("/glossary/llm");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(Client.header(response, "Location")).hasValue("/glossary/large-language-model");
    }

    @Test
    void pages_carry_an_etag_and_answer_304_when_it_matches() {
        // Term pages carry a form token made for each delivery, so they have no ETag (see FormTokenTest).
        var first = visitor.get("/glossary");
        var etag = Client.header(first, "ETag").orElseThrow();
        assertThat(Client.header(first, "Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        var second = visitor.get("/glossary", "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(visitor.get("/glossary", "If-None-Match", "\"other\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void pages_are_served_gzip_compressed_with_a_length() throws IOException {
        var response = visitor.getBytes("/glossary/embedding", "Accept-Encoding", "gzip");
        assertThat(Client.header(response, "Content-Encoding")).hasValue("gzip");
        assertThat(Client.header(response, "Content-Length")).hasValue(String.valueOf(response.body().length));
        try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            var html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("What is an embedding?");
        }
        assertThat(Client.header(visitor.getBytes("/glossary/embedding"), "Content-Encoding"))
                .isEmpty();
    }

    @Test
    void the_sitemap_lists_exactly_the_published_terms_with_lastmod() {
        var response = visitor.get("/sitemap.xml");
        assertThat(Client.header(response, "Content-Type").orElseThrow()).startsWith("application/xml");
        var xml = Jsoup.parse(response.body(), "", Parser.xmlParser());
        var termUrls = new HashSet<String>();
        for (var url : xml.select("url")) {
            var loc = url.select("loc").text();
            if (loc.startsWith("https://glossary.example.com/glossary/")) {
                termUrls.add(loc.substring("https://glossary.example.com/glossary/".length()));
                assertThat(url.select("lastmod").text()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
        }
        assertThat(termUrls).containsExactlyInAnyOrderElementsOf(published());
        assertThat(visitor.get("/robots.txt").body()).contains("Sitemap: https://glossary.example.com/sitemap.xml");
    }

    @Test
    void security_headers_are_on_pages_errors_and_static_files() {
        for (var path : List.of("/", "/glossary/no-such-term", "/assets/site.css", "/search?q=x")) {
            var response = visitor.get(path);
            var csp = Client.header(response, "Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .as(path)
                    .contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(Client.header(response, "X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(Client.header(response, "Referrer-Policy")).as(path).isPresent();
            assertThat(Client.header(response, "Strict-Transport-Security"))
                    .as(path)
                    .isPresent();
        }
    }

    @Test
    void pages_have_no_inline_scripts_styles_or_handlers() {
        for (var path : List.of(
                "/",
                "/glossary",
                "/glossary/ai-agent",
                "/categories/ai-security",
                "/search?q=agent",
                "/contact",
                "/privacy")) {
            var page = visitor.page(path);
            assertThat(page.select("style, [style]")).as(path).isEmpty();
            assertThat(page.select("script:not([type=application/ld+json])"))
                    .as(path)
                    .allMatch(s -> s.hasAttr("src"));
            assertThat(page.getAllElements().stream()
                            .flatMap(e -> e.attributes().asList().stream())
                            .filter(a -> a.getKey().startsWith("on")))
                    .as(path)
                    .isEmpty();
            assertThat(page.select("main, header, footer, nav")).as(path).hasSizeGreaterThanOrEqualTo(4);
            assertThat(page.select("html").attr("lang")).isEqualTo("en");
        }
    }

    private List<String> results(String query) {
        return visitor.page("/search?" + Form.encode(Form.of("q", query)))
                .select(".term-list > li > a")
                .eachAttr("href");
    }

    private static List<String> published() {
        var parser = new TermParser();
        return TermImporter.readDirectory(java.nio.file.Path.of("db/terms")).entrySet().stream()
                .map(e -> parser.parse(e.getKey(), e.getValue()))
                .filter(t -> t.status().visible())
                .map(Term::slug)
                .toList();
    }
}
