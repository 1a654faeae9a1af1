package glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the nginx configuration that the multi-instance test runs, not a copy that drifted. */
class DeployConfigTest {
    @Test
    void the_readme_shows_the_nginx_configuration_the_tests_use() throws Exception {
        var config = Files.readString(Path.of("src/deploy/nginx.conf"));
        assertThat(Files.readString(Path.of("README.md"))).contains("```nginx\n" + config + "```");
    }
}
