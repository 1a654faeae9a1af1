package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Search in each language's catalog: terms from term files, queries through {@link TermCatalog#search}. */
class LanguageSearchTest {
    /** A minimal term file with a definition and body of its own, as a translation would have. */
    private static Term term(String slug, String title, List<String> aliases, String definition, String body) {
        var file = "---\n"
                + "title: \"" + title + "\"\n"
                + "slug: " + slug + "\n"
                + "category: Cat\n"
                + "aliases: ["
                + String.join(", ", aliases.stream().map(a -> "\"" + a + "\"").toList()) + "]\n"
                + "status: published\n"
                + "last_reviewed: 2026-11-01\n"
                + "definition: \"" + definition + "\"\n"
                + "---\n"
                + "## Why it matters for business\n\n" + body + "\n\n## Key considerations\n\n- " + body + "\n";
        return new TermParser().parse(slug + ".md", file);
    }

    private static List<String> slugs(TermCatalog catalog, String query) {
        return catalog.search(query, 0, 10).hits().stream()
                .map(hit -> hit.term().slug())
                .toList();
    }

    private static TermSearch.Tier firstTier(TermCatalog catalog, String query) {
        return catalog.search(query, 0, 10).hits().get(0).tier();
    }

    /** Untranslated terms stay English in every language's catalog. */
    private static Term promptInjection() {
        return term(
                "prompt-injection",
                "Prompt Injection",
                List.of(),
                "Prompt injection is an attack that hides instructions in the text a model reads.",
                "Attackers hide instructions in documents and web pages that models read.");
    }

    private final TermCatalog thai = TermCatalog.of(
            List.of(
                    term(
                            "machine-learning",
                            "การเรียนรู้ของเครื่อง",
                            List.of("Machine Learning", "ML"),
                            "ระบบที่เรียนรู้จากตัวอย่างแทนการเขียนกฎทีละข้อ",
                            "ธุรกิจใช้ระบบนี้ทำนายยอดขาย"),
                    term(
                            "neural-network",
                            "โครงข่ายประสาทเทียม",
                            List.of("Neural Network"),
                            "แบบจำลองที่ใช้มากที่สุดในการเรียนรู้ของเครื่องคือโครงข่ายหลายชั้น",
                            "ต้องใช้พลังประมวลผลสูง"),
                    term(
                            "data-governance",
                            "การกำกับดูแลข้อมูล",
                            List.of("Data Governance"),
                            "กฎและบทบาทที่องค์กรใช้ดูแลคุณภาพและความปลอดภัย",
                            "ผู้บริหารต้องรู้ว่าใครเป็นเจ้าของ"),
                    term(
                            "data-warehouse",
                            "คลังสินค้าดิจิทัล",
                            List.of("Data Warehouse"),
                            "ที่เก็บรวบรวมสำหรับการวิเคราะห์",
                            "บริษัทรวมข้อมูลการขายจากทุกสาขาไว้ในที่เดียว"),
                    promptInjection()),
            Analyzer.of("th"));

    @Test
    void a_thai_query_typed_without_spaces_finds_the_title_and_the_same_words_inside_a_longer_run() {
        assertThat(slugs(thai, "การเรียนรู้ของเครื่อง")).containsExactly("machine-learning", "neural-network");
        assertThat(firstTier(thai, "การเรียนรู้ของเครื่อง")).isEqualTo(TermSearch.Tier.TITLE);
        assertThat(thai.search("การเรียนรู้ของเครื่อง", 0, 10).hits().get(1).tier())
                .isEqualTo(TermSearch.Tier.DEFINITION);
    }

    @Test
    void one_thai_word_is_found_inside_longer_runs_with_its_marks_intact() {
        assertThat(slugs(thai, "ข้อมูล")).containsExactly("data-governance", "data-warehouse");
        assertThat(thai.normalized("ข้อมูล")).as("tone and vowel marks kept").isEqualTo("ข้อมูล");
        assertThat(slugs(thai, "การเรีย")).as("a title being typed").containsExactly("machine-learning");
    }

    @Test
    void thai_catalogs_find_terms_by_their_english_names() {
        assertThat(slugs(thai, "machine learning")).containsExactly("machine-learning");
        assertThat(firstTier(thai, "Machine Learning")).isEqualTo(TermSearch.Tier.ALIAS);
        assertThat(slugs(thai, "data")).containsExactlyInAnyOrder("data-governance", "data-warehouse");
        assertThat(slugs(thai, "prompt injections")).containsExactly("prompt-injection");
    }

    @Test
    void thai_typos_are_not_corrected_but_nearest_names_are_still_suggested() {
        assertThat(thai.correction("การเรียนรู้ของเครือง")).isEmpty();
        assertThat(thai.suggestions("โครงข่ายประสาท", 3))
                .extracting(Term::slug)
                .first()
                .isEqualTo("neural-network");
        assertThat(thai.correction("prompt injektion")).isEmpty();
    }

    private final TermCatalog vietnamese = TermCatalog.of(
            List.of(
                    term(
                            "data-governance",
                            "Quản trị dữ liệu",
                            List.of("Data Governance"),
                            "Quy tắc và vai trò giúp một tổ chức kiểm soát chất lượng dữ liệu.",
                            "Lãnh đạo cần biết ai chịu trách nhiệm."),
                    term(
                            "machine-learning",
                            "Học máy",
                            List.of("Machine Learning"),
                            "Hệ thống học từ dữ liệu thay vì từ các quy tắc viết tay.",
                            "Doanh nghiệp dùng nó để dự báo doanh số."),
                    term(
                            "ai-impact-assessment",
                            "Đánh giá tác động AI",
                            List.of("AI Impact Assessment"),
                            "Việc xem xét rủi ro của một hệ thống AI trước khi triển khai.",
                            "Nhiều cơ quan quản lý đòi hỏi điều này."),
                    promptInjection()),
            Analyzer.of("vi"));

    @Test
    void a_vietnamese_query_without_diacritics_finds_the_term_shown_with_them() {
        assertThat(slugs(vietnamese, "quan tri du lieu")).containsExactly("data-governance");
        assertThat(firstTier(vietnamese, "quan tri du lieu")).isEqualTo(TermSearch.Tier.TITLE);
        assertThat(vietnamese
                        .search("quan tri du lieu", 0, 10)
                        .hits()
                        .get(0)
                        .term()
                        .title())
                .isEqualTo("Quản trị dữ liệu");
        assertThat(slugs(vietnamese, "QUẢN TRỊ")).containsExactly("data-governance");
        assertThat(slugs(vietnamese, "dữ liệu")).containsExactly("data-governance", "machine-learning");
        assertThat(slugs(vietnamese, "danh gia tac dong")).as("đ is read as d").containsExactly("ai-impact-assessment");
        assertThat(slugs(vietnamese, "Đánh giá")).containsExactly("ai-impact-assessment");
    }

    @Test
    void vietnamese_catalogs_find_terms_by_their_english_names_and_correct_typos() {
        assertThat(slugs(vietnamese, "data governance")).containsExactly("data-governance");
        assertThat(firstTier(vietnamese, "AI impact assessment")).isEqualTo(TermSearch.Tier.ALIAS);
        assertThat(slugs(vietnamese, "prompt injection")).containsExactly("prompt-injection");
        assertThat(vietnamese.correction("quan tri du lieuu"))
                .hasValue(new TermSearch.Correction("quan tri du lieu", true));
    }

    private final TermCatalog indonesian = TermCatalog.of(
            List.of(
                    term(
                            "data-management",
                            "Pengelolaan Data",
                            List.of("Data Management"),
                            "Cara organisasi menyimpan dan merawat data dengan aman.",
                            "Data yang tidak terawat adalah risiko bagi bisnis."),
                    term(
                            "data-governance",
                            "Tata Kelola Data",
                            List.of("Data Governance"),
                            "Aturan yang menentukan siapa yang boleh memakai data dan untuk apa.",
                            "Tim hukum dan tim data mengelola data bersama."),
                    term(
                            "model-training",
                            "Pelatihan Model",
                            List.of("Model Training"),
                            "Proses yang mengajari model dari contoh.",
                            "Biayanya bergantung pada jumlah contoh dan ukuran model."),
                    term(
                            "training-data",
                            "Data Latih",
                            List.of("Training Data"),
                            "Contoh yang dipakai untuk melatih model.",
                            "Mutu data latih menentukan mutu model."),
                    term(
                            "digital-twin",
                            "Digital Twin",
                            List.of(),
                            "A digital twin is a live software copy of a machine, a plant or a supply chain.",
                            "Operators test changes on the twin before they touch the real plant."),
                    promptInjection()),
            Analyzer.of("id"));

    @Test
    void indonesian_affixed_forms_find_each_other() {
        assertThat(slugs(indonesian, "pengelolaan data")).containsExactly("data-management", "data-governance");
        assertThat(slugs(indonesian, "mengelola data")).containsExactly("data-management", "data-governance");
        assertThat(slugs(indonesian, "kelola")).containsExactly("data-management", "data-governance");
        assertThat(slugs(indonesian, "pelatihan")).containsExactly("model-training", "training-data");
        assertThat(slugs(indonesian, "latih")).containsExactly("model-training", "training-data");
        assertThat(slugs(indonesian, "datanya")).containsExactly("training-data", "data-management", "data-governance");
    }

    @Test
    void indonesian_catalogs_leave_english_words_alone_and_find_terms_by_their_english_names() {
        assertThat(slugs(indonesian, "data management")).containsExactly("data-management");
        assertThat(firstTier(indonesian, "Model Training")).isEqualTo(TermSearch.Tier.ALIAS);
        assertThat(slugs(indonesian, "digital twins")).containsExactly("digital-twin");
        assertThat(indonesian.normalized("digital twins"))
                .as("English, not di- + gital")
                .isEqualTo("digital twin");
        assertThat(indonesian.normalized("pengelolaan")).isEqualTo(indonesian.normalized("kelola"));
    }

    @Test
    void the_search_page_keeps_a_one_word_query_when_its_stem_is_a_word_of_the_catalog() {
        var page = new SearchPage(indonesian, null); // commonQuery reads only the catalog
        assertThat(page.commonQuery("pelatihan", null, null)).isTrue();
        assertThat(page.commonQuery("kubernetes", null, null)).isFalse();
    }

    @Test
    void an_english_catalog_searches_as_it_did_before_languages() {
        var terms = List.of(
                promptInjection(),
                term("model-drift", "Model Drift", List.of("concept drift"), "When a model decays.", "Models drift."));
        var english = TermCatalog.of(terms);
        assertThat(slugs(english, "models")).containsExactly("model-drift", "prompt-injection");
        assertThat(english.normalized("Café Models")).isEqualTo(Slugs.normalized("Café Models"));
        assertThat(english.correction("modle drfit")).hasValue(new TermSearch.Correction("model drift", true));
    }
}
