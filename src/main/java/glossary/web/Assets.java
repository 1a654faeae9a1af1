package glossary.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's own CSS and images, read from the jar once, compressed once, and served with a
 * content hash in the URL so browsers may keep them for a year.
 */
public final class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "css",
            "text/css; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "svg",
            "image/svg+xml",
            "ico",
            "image/x-icon",
            "png",
            "image/png");

    private final Map<String, CachedPage> files = new HashMap<>();

    /** @param extra files that do not come from the jar's static folder, by name */
    public Assets(List<String> names, Map<String, byte[]> extra) {
        extra.forEach((name, bytes) -> files.put(name, CachedPage.of(bytes, type(name), "public, max-age=3600")));
        for (var name : names) {
            try (var in = Assets.class.getResourceAsStream("/static/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing asset " + name);
                }
                files.put(name, CachedPage.of(in.readAllBytes(), type(name), "public, max-age=3600"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String type(String name) {
        return TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    }

    /** The URL to link to: it changes whenever the file does. */
    public String url(String name) {
        var etag = files.get(name).etag();
        return "/assets/" + name + "?v=" + etag.substring(1, 13);
    }

    public void serve(Context ctx) {
        var file = files.get(ctx.pathParam("file"));
        if (file == null) {
            throw new NotFoundResponse();
        }
        var versioned = ctx.queryParam("v") != null;
        (versioned ? file.withCacheControl("public, max-age=31536000, immutable") : file).send(ctx);
    }
}
