package glossary.web;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.testing.AppExtension;
import glossary.testing.Client;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An https site behind a proxy sends a visitor who came in over plain http to https. */
class HttpsRedirectTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand();

    private static final Map<String, String> BEHIND_PROXY =
            Map.of("GLOSSARY_BASE_URL", "https://glossary.example.com", "GLOSSARY_TRUSTED_PROXIES", "127.0.0.1,::1");

    @Test
    void a_request_the_proxy_received_over_http_is_sent_to_the_same_path_on_https() {
        var visitor = Client.of(apps.start(BEHIND_PROXY));
        var page = visitor.get("/search?q=neural+network", "X-Forwarded-Proto", "http");
        assertThat(page.statusCode()).isEqualTo(301);
        assertThat(Client.header(page, "Location")).hasValue("https://glossary.example.com/search?q=neural+network");
        assertThat(Client.header(page, "Strict-Transport-Security")).isPresent();

        var form = visitor.post("/contact", Map.of("name", "Ada"), "X-Forwarded-Proto", "http");
        assertThat(form.statusCode()).as("a form post keeps its method").isEqualTo(308);
        assertThat(Client.header(form, "Location")).hasValue("https://glossary.example.com/contact");

        assertThat(visitor.get("/search?q=x", "X-Forwarded-Proto", "https").statusCode())
                .isEqualTo(200);
        assertThat(visitor.get("/search?q=x").statusCode()).isEqualTo(200);
    }

    @Test
    void the_header_from_anyone_but_a_trusted_proxy_is_ignored() {
        var visitor = Client.of(apps.start(Map.of("GLOSSARY_BASE_URL", "https://glossary.example.com")));
        assertThat(visitor.get("/search?q=x", "X-Forwarded-Proto", "http").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_site_that_is_not_https_never_redirects() {
        var visitor = Client.of(apps.start(
                Map.of("GLOSSARY_BASE_URL", "http://localhost:7070", "GLOSSARY_TRUSTED_PROXIES", "127.0.0.1,::1")));
        assertThat(visitor.get("/search?q=x", "X-Forwarded-Proto", "http").statusCode())
                .isEqualTo(200);
    }
}
