package glossary.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * A response body made once and served many times: the bytes, the same bytes gzip-compressed once
 * at the highest level, and an ETag over the content.
 */
public record CachedPage(byte[] body, byte[] gzipped, String etag, String contentType) {
    public static final String HTML = "text/html; charset=utf-8";

    public static CachedPage of(byte[] body, String contentType) {
        return new CachedPage(body, gzip(body), etag(body), contentType);
    }

    public static CachedPage html(byte[] body) {
        return of(body, HTML);
    }

    /** Sends the page, or 304 when the client already has it; gzip when the client accepts it. */
    public void send(Context ctx, String cacheControl) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding");
        if (matches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        var bytes = body;
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            // Setting Content-Encoding ourselves keeps Javalin from compressing the bytes again.
            ctx.header("Content-Encoding", "gzip");
            bytes = gzipped;
        }
        ctx.header("Content-Length", Integer.toString(bytes.length));
        ctx.result(bytes);
    }

    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (var tag : ifNoneMatch.split(",")) {
            var candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (var part : acceptEncoding.split(",")) {
            var coding = part.strip();
            if (coding.startsWith("gzip") && !coding.replace(" ", "").endsWith("q=0")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
