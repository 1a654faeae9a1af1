package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The glossary in Bahasa Indonesia, Vietnamese and Thai over HTTP, with the bundled translations. */
class LanguagesTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.readOnly();

    private final Client visitor = Client.of(apps.app());

    private static final List<String> PAGES = List.of(
            "/",
            "/glossary",
            "/categories/ai-fundamentals",
            "/glossary/machine-learning",
            "/search",
            "/contact",
            "/privacy");

    @ParameterizedTest
    @ValueSource(strings = {"id", "vi", "th"})
    void every_page_type_exists_in_the_language_with_its_lang_and_its_words(String tag) {
        for (var path : PAGES) {
            var local = "/" + tag + (path.equals("/") ? "" : path);
            var page = visitor.page(local);
            var english = visitor.page(path);
            assertThat(page.select("html").attr("lang")).as(local).isEqualTo(tag);
            assertThat(page.select("html").attr("dir")).as(local).isEqualTo("ltr");
            assertThat(page.select("h1")).as(local).hasSize(1);
            assertThat(page.select("h1").text())
                    .as(local)
                    .isNotEqualTo(english.select("h1").text());
            assertThat(page.select("link[rel=canonical]").attr("href"))
                    .as(local)
                    .endsWith(local);
            // Navigation stays in the language: the A–Z, the search and the contact page.
            assertThat(page.select("nav.main-nav a").eachAttr("href")).as(local).allMatch(h -> h.startsWith("/" + tag));
            assertThat(page.select(".site-header").text()).as(local).doesNotContain("Ask an adviser", "Categories");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "vi", "th"})
    void a_translated_term_page_says_it_is_a_translation_when_it_was_checked_and_links_the_english(String tag) {
        var page = visitor.page("/" + tag + "/glossary/machine-learning");
        var note = page.select(".translation-note");
        assertThat(note).hasSize(1);
        assertThat(note.select("a[href=/glossary/machine-learning][hreflang=en]"))
                .hasSize(1);
        assertThat(note.text()).contains(tag.equals("th") ? "2569" : "2026");
        assertThat(page.select(".definition").text())
                .isNotEqualTo(visitor.page("/glossary/machine-learning")
                        .select(".definition")
                        .text());
        // The sources are the English entry's, still numbered and linked.
        assertThat(page.select(".references li a.source-link"))
                .hasSizeGreaterThanOrEqualTo(visitor.page("/glossary/machine-learning")
                        .select(".references li a.source-link")
                        .size());
        // The form posts in the language, so the answer comes back in it.
        assertThat(page.select("form.inquiry-form").attr("action")).isEqualTo("/" + tag + "/glossary/machine-learning");
    }

    @Test
    void hreflang_alternates_point_at_each_other_with_an_x_default() {
        for (var start :
                List.of("/glossary/machine-learning", "/th/glossary/machine-learning", "/vi", "/id/glossary")) {
            var alternates = alternates(visitor.page(start));
            assertThat(alternates).as(start).containsKeys("en", "id", "vi", "th", "x-default");
            assertThat(alternates.get("x-default")).isEqualTo(alternates.get("en"));
            for (var entry : alternates.entrySet()) {
                var path = entry.getValue().substring(entry.getValue().indexOf('/', "https://".length()));
                var back = alternates(visitor.page(path));
                assertThat(back).as(path + " from " + start).isEqualTo(alternates);
                var canonical = visitor.page(path).select("link[rel=canonical]").attr("href");
                assertThat(canonical).isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void an_untranslated_term_has_only_the_languages_it_exists_in_and_its_other_addresses_lead_to_english() {
        var untranslated = "bert";
        var english = visitor.page("/glossary/" + untranslated);
        assertThat(alternates(english).keySet()).containsExactlyInAnyOrder("en", "x-default");
        var response = visitor.get("/th/glossary/" + untranslated);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/glossary/" + untranslated);
        // The switcher never leads to a missing page: an untranslated term's other languages go to their A–Z.
        assertThat(english.select("details.languages a[hreflang=th]").attr("href"))
                .isEqualTo("/th/glossary");
    }

    @Test
    void the_language_s_a_z_lists_every_term_with_the_untranslated_ones_marked_as_english() {
        var index = visitor.page("/th/glossary");
        var items = index.select(".letter-group .term-list > li");
        assertThat(items)
                .hasSize(visitor.page("/glossary")
                        .select(".letter-group .term-list > li")
                        .size());
        var english = items.select("li[lang=en]");
        assertThat(english).isNotEmpty();
        assertThat(english.first().select(".untranslated").text()).isNotBlank();
        assertThat(english.first().select("a").attr("href")).startsWith("/glossary/");
        var thai = items.not("[lang=en]");
        assertThat(thai).hasSizeGreaterThanOrEqualTo(60);
        assertThat(thai.first().select("a").attr("href")).startsWith("/th/glossary/");
        // Thai collation puts Thai letters first (ก ข ค …), then the Latin ones of the English names.
        var letters = index.select(".letter-group h2").eachText();
        assertThat(letters.get(0)).isEqualTo("ก");
        assertThat(letters).contains("A");
        assertThat(letters.indexOf("ข")).isLessThan(letters.indexOf("ค"));
        assertThat(letters.indexOf("อ")).isLessThan(letters.indexOf("A"));
        // Every letter heading is also in the jump bar.
        assertThat(index.select(".letters a").eachText()).isEqualTo(letters);
    }

    @Test
    void the_sitemap_pairs_every_version_of_a_page() {
        var xml = Jsoup.parse(visitor.get("/sitemap.xml").body(), "", Parser.xmlParser());
        var urls = xml.select("url");
        var thai = urls.stream()
                .filter(u -> u.selectFirst("loc").text().endsWith("/th/glossary/machine-learning"))
                .findFirst()
                .orElseThrow();
        var links = new HashSet<String>();
        thai.select("xhtml|link").forEach(l -> links.add(l.attr("hreflang") + " " + l.attr("href")));
        assertThat(links)
                .hasSize(5)
                .anyMatch(l -> l.startsWith("x-default ") && l.endsWith("/glossary/machine-learning"));
        // Each alternate is a <url> of its own listing the same set.
        for (var link : thai.select("xhtml|link")) {
            if (link.attr("hreflang").equals("x-default")) {
                continue;
            }
            var other = urls.stream()
                    .filter(u -> u.selectFirst("loc").text().equals(link.attr("href")))
                    .findFirst()
                    .orElseThrow();
            var back = new HashSet<String>();
            other.select("xhtml|link").forEach(l -> back.add(l.attr("hreflang") + " " + l.attr("href")));
            assertThat(back).isEqualTo(links);
        }
        var bert = urls.stream()
                .filter(u -> u.selectFirst("loc").text().endsWith("/glossary/bert"))
                .toList();
        assertThat(bert).hasSize(1);
    }

    @Test
    void the_structured_data_says_the_page_s_language() {
        var json = visitor.page("/vi/glossary/machine-learning")
                .select("script[type=application/ld+json]")
                .html();
        assertThat(json).contains("\"inLanguage\":\"vi\"").contains("\"@type\":\"DefinedTerm\"");
    }

    @Test
    void a_missing_page_under_a_language_answers_in_that_language() {
        var response = visitor.get("/vi/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        var page = Jsoup.parse(response.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("vi");
        assertThat(page.select("h1").text()).isNotEqualTo("Page not found");
    }

    @Test
    void the_first_visit_is_never_redirected_by_the_browser_s_language() {
        var response = visitor.get("/glossary/machine-learning", "Accept-Language", "th-TH,th;q=0.9");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).select("html").attr("lang")).isEqualTo("en");
    }

    private List<String> results(String language, String query) {
        var page = visitor.page("/" + language + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return page.select(".term-list > li > a").eachAttr("href");
    }

    @Test
    void a_thai_search_finds_words_inside_unspaced_thai_text() {
        // The title is one unspaced run, "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล …": only word segmentation finds the phrase in
        // it.
        assertThat(results("th", "คุ้มครองข้อมูลส่วนบุคคล")).contains("/th/glossary/thailand-pdpa");
        // One word that begins two titles, "ธรรมาภิบาลข้อมูล" and "ธรรมาภิบาล AI".
        assertThat(results("th", "ธรรมาภิบาล")).contains("/th/glossary/data-governance", "/th/glossary/ai-governance");
        // The English name finds the Thai page.
        assertThat(results("th", "machine learning")).first().isEqualTo("/th/glossary/machine-learning");
    }

    @Test
    void a_vietnamese_search_without_diacritics_finds_the_page_and_shows_them_intact() {
        assertThat(results("vi", "quan tri du lieu")).first().isEqualTo("/vi/glossary/data-governance");
        assertThat(results("vi", "Quản trị dữ liệu")).first().isEqualTo("/vi/glossary/data-governance");
        // "Đ" does not decompose: it is folded to "d" on its own.
        assertThat(results("vi", "dao luat bao ve du lieu ca nhan thai lan"))
                .first()
                .isEqualTo("/vi/glossary/thailand-pdpa");
        var page = visitor.page("/vi/search?q=" + URLEncoder.encode("quan tri du lieu", StandardCharsets.UTF_8));
        assertThat(page.select(".term-list > li > a").first().text()).isEqualTo("Quản trị dữ liệu");
    }

    @Test
    void an_indonesian_search_matches_affixed_forms() {
        // "pelatihan" (training) and "melatih" (to train) share the stem "latih".
        assertThat(results("id", "melatih")).contains("/id/glossary/training-data");
        // "pengelolaan" (management) finds "Tata Kelola Data" through "kelola".
        assertThat(results("id", "pengelolaan data")).contains("/id/glossary/data-governance");
        assertThat(results("id", "training data")).first().isEqualTo("/id/glossary/training-data");
    }

    private static Map<String, String> alternates(Document page) {
        var result = new HashMap<String, String>();
        for (var link : page.select("link[rel=alternate][hreflang]")) {
            result.put(link.attr("hreflang"), link.attr("href"));
        }
        return result;
    }
}
