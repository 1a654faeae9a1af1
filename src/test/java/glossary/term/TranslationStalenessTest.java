package glossary.term;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.web.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A translation checked against one version of its English page, and what readers see when that page changes. */
class TranslationStalenessTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand();

    @TempDir
    Path content;

    private static String english(String slug, String title) {
        return TermFiles.aTerm(slug, title, "Testing", List.of(), List.of("alpha", "beta"), "published");
    }

    private static String thai(String slug, String sha) {
        return "---\ntranslates: " + slug + "\ntitle: อัลฟา (Alpha)\nquestion: อัลฟาคืออะไร?\n"
                + "cta: ต้องการความช่วยเหลือเรื่องอัลฟาหรือไม่?\naliases: [Alpha]\nstatus: published\n"
                + "checked: 2026-12-01\nenglish_sha: " + sha + "\n"
                + "definition: อัลฟาเป็นคำที่ใช้ในการทดสอบ\n---\n"
                + "## Why it matters for business\n\nอัลฟาสำคัญต่อธุรกิจ ดู [เบตา](/glossary/beta)\n\n"
                + "## Key considerations\n\n- ข้อหนึ่ง\n- ข้อสอง\n- ข้อสาม\n- ข้อสี่\n";
    }

    private void write(String file, String text) throws Exception {
        var path = content.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void a_translation_is_current_until_its_english_page_changes() throws Exception {
        write("alpha.md", english("alpha", "Alpha"));
        write("beta.md", english("beta", "Beta"));
        write("th/alpha.md", thai("alpha", Term.sourceSha(english("alpha", "Alpha"))));

        var prepared = TermImporter.prepare(Optional.of(content));
        var glossary = TermImporter.glossary(prepared, prepared.catalog());
        var entry = glossary.in(Language.TH).entry("alpha").orElseThrow();
        assertThat(entry.term().title()).isEqualTo("อัลฟา (Alpha)");
        assertThat(entry.term().isTranslation()).isTrue();
        assertThat(entry.needsReview()).isFalse();
        assertThat(glossary.languagesOf("alpha")).containsExactly(Language.EN, Language.TH);
        assertThat(glossary.languagesOf("beta")).containsExactly(Language.EN);
        // The untranslated page it links to is the English one.
        assertThat(entry.why().html()).contains("href=\"/glossary/beta\"");

        write("alpha.md", english("alpha", "Alpha").replace("changes how a business works", "changed since"));
        var changed = TermImporter.prepare(Optional.of(content));
        var after = TermImporter.glossary(changed, changed.catalog());
        assertThat(after.in(Language.TH).entry("alpha").orElseThrow().needsReview())
                .isTrue();
    }

    @Test
    void readers_of_a_stale_translation_are_told_and_pointed_to_the_english() throws Exception {
        write("alpha.md", english("alpha", "Alpha"));
        write("beta.md", english("beta", "Beta"));
        write("th/alpha.md", thai("alpha", "000000000000"));
        write(
                "th/beta.md",
                thai("beta", Term.sourceSha(english("beta", "Beta"))).replace("อัลฟา", "เบตา"));
        var visitor = Client.of(apps.start(Map.of("GLOSSARY_CONTENT_DIR", content.toString())));

        var stale = visitor.page("/th/glossary/alpha");
        assertThat(stale.select(".translation-note.status-note")).hasSize(1);
        assertThat(stale.select(".translation-note strong").text()).isNotBlank();
        assertThat(stale.select(".translation-note a[href=/glossary/alpha]")).hasSize(1);
        // Linked in Thai where the other page is translated too.
        assertThat(stale.select("main a[href=/th/glossary/beta]")).isNotEmpty();

        var current = visitor.page("/th/glossary/beta");
        assertThat(current.select(".translation-note")).hasSize(1);
        assertThat(current.select(".translation-note.status-note")).isEmpty();
    }
}
