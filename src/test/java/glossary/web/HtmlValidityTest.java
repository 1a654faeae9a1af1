package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of page is valid HTML according to the W3C's Nu HTML Checker (vnu.jar). */
class HtmlValidityTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.readOnly();

    private static final List<String> PAGES = List.of(
            "/",
            "/glossary",
            "/glossary/open-source-ai-models",
            "/glossary/reasoning-model",
            "/categories/ai-security",
            "/search?q=agent",
            "/search?q=zzzz",
            "/search",
            "/glossary/no-such-term",
            "/contact",
            "/privacy",
            "/id/glossary/machine-learning",
            "/vi/glossary/machine-learning",
            "/th/glossary/machine-learning",
            "/th",
            "/th/glossary",
            "/vi/contact",
            "/id/search?q=data",
            "/th/no-such-page");

    @TempDir
    Path dir;

    @Test
    void every_kind_of_page_is_valid_html(Client visitor) throws Exception {
        var files = new ArrayList<String>();
        for (int i = 0; i < PAGES.size(); i++) {
            var file = dir.resolve("page-" + i + ".html");
            Files.writeString(file, visitor.get(PAGES.get(i)).body(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        var vnu = Path.of(System.getProperty("glossary.vnu.jar", "target/vnu/package/build/dist/vnu.jar"));
        assertThat(vnu).as("vnu.jar, fetched by the build").exists();
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                vnu.toString(),
                "--errors-only",
                "--format",
                "text"));
        command.addAll(files);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        var report = output;
        for (int i = 0; i < PAGES.size(); i++) {
            report = report.replace(files.get(i), PAGES.get(i));
        }
        assertThat(process.exitValue()).as(report).isZero();
        assertThat(report).doesNotContain("error:");
    }
}
