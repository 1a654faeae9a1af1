package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    @Test
    void english_is_exactly_what_search_compared_before() {
        var english = Analyzer.of("en");
        var random = new Random(11);
        var alphabet = "aZ09 -_.,'\"()éÉüßđภาษา";
        for (int n = 0; n < 2_000; n++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            var typed = text.toString();
            assertThat(english.normalized(typed)).as(typed).isEqualTo(Slugs.normalized(typed));
            assertThat(english.words(typed)).as(typed).containsExactly(Slugs.words(typed));
        }
    }

    @Test
    void vietnamese_folds_tones_vowel_marks_and_the_crossed_d() {
        var vietnamese = Analyzer.of("vi");
        assertThat(vietnamese.normalized("Quản trị dữ liệu")).isEqualTo("quan tri du lieu");
        assertThat(vietnamese.normalized("ĐÁNH GIÁ tác động")).isEqualTo("danh gia tac dong");
        assertThat(vietnamese.normalized("Ước lượng, ưu tiên; ơn")).isEqualTo("uoc luong uu tien on");
        assertThat(vietnamese.normalized("Large Language Models")).isEqualTo("large language model");
    }

    @Test
    void thai_is_split_into_words_with_its_marks_and_english_inside_it_is_read_as_english() {
        var thai = Analyzer.of("th");
        assertThat(thai.words("การเรียนรู้ของเครื่อง")).containsExactly("การ", "เรียน", "รู้", "ของ", "เครื่อง");
        assertThat(thai.normalized("ปัญญาประดิษฐ์ (AI) คือ Large Language Models"))
                .isEqualTo("ปัญญา ประดิษฐ์ ai คือ large language model");
        assertThat(thai.normalized("ระบบ RAG ใช้ข้อมูลขององค์กร")).isEqualTo("ระบบ rag ใช้ ข้อมูล ของ องค์กร");
        assertThat(thai.normalized("Café Models")).isEqualTo(Slugs.normalized("Café Models"));
        assertThat(thai.words("  ,.  ")).isEmpty();
    }

    @Test
    void indonesian_gives_the_common_forms_of_a_word_one_stem() {
        var indonesian = Analyzer.of("id");
        for (var forms : List.of(
                List.of("kelola", "mengelola", "pengelolaan", "dikelola"),
                List.of("latih", "melatih", "pelatihan", "dilatih", "terlatih", "latihan"),
                List.of("belajar", "pembelajaran", "mempelajari"),
                List.of("guna", "menggunakan", "digunakan", "penggunaan", "pengguna"),
                List.of("evaluasi", "mengevaluasi"),
                List.of("aman", "keamanan"),
                List.of("usaha", "perusahaan", "pengusaha", "berusaha"),
                List.of("simpan", "menyimpan", "penyimpanan"),
                List.of("awas", "pengawasan", "mengawasi"),
                List.of("lindung", "melindungi", "perlindungan", "pelindungan"),
                List.of("hasil", "berhasil", "keberhasilan"),
                List.of("kerja", "bekerja", "pekerjaan"),
                List.of("baik", "memperbaiki", "perbaikan"),
                List.of("data", "datanya"))) {
            assertThat(forms.stream().map(indonesian::normalized).distinct())
                    .as(forms.toString())
                    .hasSize(1);
        }
    }

    @Test
    void indonesian_leaves_short_words_and_words_that_merely_look_affixed() {
        var indonesian = Analyzer.of("id");
        for (var word : List.of("adalah", "hanya", "penting", "peran", "mesin", "istilah", "masalah", "data", "dan")) {
            assertThat(indonesian.normalized(word)).as(word).isEqualTo(word);
        }
    }

    @Test
    void indonesian_reads_the_words_of_the_catalogs_english_terms_as_english() {
        var english = new TermParser()
                .parse(
                        "digital-twin.md",
                        TermFiles.aTerm("digital-twin", "Digital Twin", "Cat", List.of(), List.of(), "published"));
        var indonesian = Analyzer.of("id").forTerms(List.of(english));
        assertThat(Analyzer.of("id").normalized("digital"))
                .as("without terms, di- + gital")
                .isEqualTo("gital");
        assertThat(indonesian.normalized("Digital Twins")).isEqualTo("digital twin");
        assertThat(indonesian.normalized("pengelolaan")).isEqualTo("elola");
    }

    @Test
    void an_unknown_language_is_a_mistake() {
        assertThatThrownBy(() -> Analyzer.of("fr")).isInstanceOf(IllegalArgumentException.class);
    }
}
