package glossary;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.cluster.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged app (two JVMs, as behind a balancer or across a restart) serve the
 * same bytes and the same ETag for the same page, so a 304 from one holds for the other.
 */
class StableOutputIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void two_instances_serve_every_page_with_the_same_bytes_and_etag() throws Exception {
        var one = AppProcess.onFreePort(env("one"), dir).launch();
        var two = AppProcess.onFreePort(env("two"), dir).launch();
        try {
            one.awaitReady();
            two.awaitReady();
            var paths = new ArrayList<>(List.of("/", "/glossary", "/sitemap.xml", "/robots.txt", "/privacy"));
            var index = Jsoup.parse(get(one, "/glossary").body(), one.url("/"));
            var home = Jsoup.parse(get(one, "/").body(), one.url("/"));
            home.select("a[href^=/categories/]").forEach(a -> paths.add(a.attr("href")));
            var terms = index.select("a[href^=/glossary/]").eachAttr("href");
            assertThat(terms).hasSizeGreaterThan(100);
            assertThat(paths).hasSizeGreaterThan(8);

            for (var path : paths) {
                var a = get(one, path);
                var b = get(two, path);
                assertThat(a.statusCode()).as(path).isEqualTo(200);
                assertThat(b.body()).as(path).isEqualTo(a.body());
                assertThat(b.headers().firstValue("ETag"))
                        .as(path)
                        .isPresent()
                        .isEqualTo(a.headers().firstValue("ETag"));
            }
            // Term pages carry a fresh form token on each render; everything else on them is the same.
            for (var path : terms) {
                assertThat(withoutToken(get(two, path).body()))
                        .as(path)
                        .isEqualTo(withoutToken(get(one, path).body()));
            }
        } finally {
            one.stop();
            two.stop();
        }
    }

    private Map<String, String> env(String name) throws Exception {
        return Map.of(
                "GLOSSARY_DATA_DIR", Files.createDirectories(dir.resolve(name)).toString());
    }

    private static String withoutToken(String html) {
        return html.replaceAll("name=\"token\" value=\"[^\"]*\"", "name=\"token\" value=\"\"");
    }

    private static HttpResponse<String> get(AppProcess app, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(app.url(path)))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
