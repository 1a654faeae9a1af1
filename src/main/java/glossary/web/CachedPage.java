package glossary.web;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response body made once and served many times: the bytes, the same bytes gzip-compressed once
 * at the highest level, an ETag over the content, and how long browsers may keep it.
 */
public record CachedPage(byte[] body, byte[] gzipped, String etag, String contentType, String cacheControl) {
    public static final String HTML = "text/html; charset=utf-8";

    public static CachedPage of(byte[] body, String contentType, String cacheControl) {
        return new CachedPage(body, Gzip.best(body), etag(body), contentType, cacheControl);
    }

    /**
     * Below this size a response fits in TCP's initial congestion window (10 segments), so
     * compressing it saves no round trip; measured here, gzip of a 6 KB page per request cost more
     * than rendering it and cut the search page's throughput by two thirds.
     */
    static final int COMPRESS_ABOVE = 14 * 1024;

    /**
     * Sends a page rendered for this request only, with its length, written straight to the
     * response; gzip-compressed only when it is large enough for that to pay.
     */
    public static void sendOnce(Context ctx, String contentType, String cacheControl, byte[] body) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType(contentType);
        var bytes = body;
        if (body.length > COMPRESS_ABOVE && acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            bytes = Gzip.fast(body);
        }
        write(ctx, bytes);
    }

    public static CachedPage html(String cacheControl, byte[] body) {
        return of(body, HTML, cacheControl);
    }

    public CachedPage withCacheControl(String value) {
        return new CachedPage(body, gzipped, etag, contentType, value);
    }

    /** Sends the page through Javalin: 304 when the client has it, gzip when it accepts it. */
    public void send(Context ctx) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding");
        if (etagMatches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        var bytes = body;
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            bytes = gzipped;
        }
        write(ctx, bytes);
    }

    private static void write(Context ctx, byte[] bytes) {
        // With a length the response is not chunked. (Javalin's own compression is off: every
        // page arrives compressed or deliberately not.)
        ctx.header("Content-Length", Integer.toString(bytes.length));
        ctx.result(bytes);
    }

    /** The same, at the Jetty level, for {@link PageCacheHandler}'s fast path. */
    void write(Request request, Response response, Callback callback) {
        var headers = response.getHeaders();
        headers.put(HttpHeader.ETAG, etag);
        headers.put(HttpHeader.CACHE_CONTROL, cacheControl);
        headers.put(HttpHeader.VARY, "Accept-Encoding");
        if (etagMatches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        var bytes = body;
        if (acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING))) {
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
            bytes = gzipped;
        }
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.setStatus(200);
        var head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    boolean etagMatches(String ifNoneMatch) {
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

    private static String etag(byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
