package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site file: the bundled one is complete, and a broken one is refused with every problem named. */
class FirmTest {
    @Test
    void the_bundled_site_file_is_complete() {
        var firm = Firm.load(Optional.of(Path.of("db/site.yml")));
        assertThat(firm.name()).isNotBlank();
        assertThat(firm.offices()).isNotEmpty();
        assertThat(firm.controller().email()).contains("@");
        assertThat(new String(firm.logoSvg(), StandardCharsets.UTF_8)).contains("<svg");
        assertThat(firm.phoneHref()).matches("tel:\\+[0-9]+");
        // Shipped as an example, and known to be one.
        assertThat(firm.placeholder()).isTrue();
        assertThat(Firm.load(Optional.empty())).usingRecursiveComparison().isEqualTo(firm);
    }

    @Test
    void a_broken_site_file_names_every_problem(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("site.yml"), """
                name: ""
                pitch: Helps.
                email: not-an-email
                phone: "6123 4567"
                logo: ../secret.svg
                offices: []
                controller:
                  name: Firm Ltd
                  address: Somewhere
                  email: privacy@firm.example
                social:
                  - name: LinkedIn
                    url: http://www.linkedin.com/company/firm
                colour: blue
                """);
        assertThatThrownBy(() -> Firm.load(Optional.of(file)))
                .isInstanceOf(Firm.InvalidSiteFile.class)
                .hasMessageContaining("name: is required")
                .hasMessageContaining("email: is not an email address")
                .hasMessageContaining("phone: write it in international form")
                .hasMessageContaining("logo: name an .svg file next to the site file")
                .hasMessageContaining("offices: must be a list of at least 1")
                .hasMessageContaining("social[1].url: must be an https:// address")
                .hasMessageContaining("colour: unknown field");
    }

    @Test
    void a_logo_with_script_is_refused(@TempDir Path dir) throws Exception {
        var site = Files.readString(Path.of("db/site.yml")).replace("logo: logo.svg", "logo: bad.svg");
        Files.writeString(dir.resolve("site.yml"), site);
        Files.writeString(dir.resolve("bad.svg"), "<svg><script>alert(1)</script></svg>");
        assertThatThrownBy(() -> Firm.load(Optional.of(dir.resolve("site.yml"))))
                .hasMessageContaining("must be an SVG image without scripts");
    }
}
