package glossary.web;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response body made once and served many times: the bytes, the same bytes gzip-compressed once
 * at the highest level, an ETag over the content, and how long browsers may keep it. A page may
 * have a {@link Splice}: one value, such as a form token, that is made anew for every delivery.
 */
public record CachedPage(
        byte[] body, byte[] gzipped, String etag, String contentType, String cacheControl, Splice splice) {
    public static final String HTML = "text/html; charset=utf-8";

    /**
     * Where the per-delivery value goes: at {@code at}, instead of {@code length} placeholder bytes;
     * the gzip form is kept as the compressed parts before and after it, so a delivery compresses nothing.
     */
    record Splice(int at, int length, byte[] gzipOpening, byte[] gzipClosing, Supplier<String> value) {}

    public static CachedPage of(byte[] body, String contentType, String cacheControl) {
        return new CachedPage(body, Gzip.best(body), etag(body), contentType, cacheControl, null);
    }

    /**
     * An HTML page with {@code placeholder} (once, in ASCII) replaced by a new {@code value} at every
     * delivery. It has no ETag: a 304 would hand the browser back the value of an earlier delivery.
     */
    public static CachedPage spliced(String cacheControl, byte[] body, String placeholder, Supplier<String> value) {
        var marker = placeholder.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, marker, 0);
        if (at < 0 || indexOf(body, marker, at + 1) >= 0) {
            throw new IllegalArgumentException("the placeholder must occur exactly once");
        }
        int after = at + marker.length;
        var splice = new Splice(
                at, marker.length, Gzip.opening(body, 0, at), Gzip.closing(body, after, body.length - after), value);
        return new CachedPage(body, null, null, HTML, cacheControl, splice);
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
        return new CachedPage(body, gzipped, etag, contentType, value, splice);
    }

    /** Sends the page through Javalin: 304 when the client has it, gzip when it accepts it. */
    public void send(Context ctx) {
        if (etag != null) {
            ctx.header("ETag", etag);
        }
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding");
        if (etagMatches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        var gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        write(ctx, bytes(gzip));
    }

    /** The body as delivered now: with a fresh value spliced in, when the page has one. */
    private byte[] bytes(boolean gzip) {
        if (splice == null) {
            return gzip ? gzipped : body;
        }
        var value = splice.value().get().getBytes(StandardCharsets.US_ASCII);
        if (gzip) {
            return Gzip.splice(splice.gzipOpening(), value, splice.gzipClosing(), body, splice.at(), splice.length());
        }
        int after = splice.at() + splice.length();
        var out = new byte[body.length - splice.length() + value.length];
        System.arraycopy(body, 0, out, 0, splice.at());
        System.arraycopy(value, 0, out, splice.at(), value.length);
        System.arraycopy(body, after, out, splice.at() + value.length, body.length - after);
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
        if (etag != null) {
            headers.put(HttpHeader.ETAG, etag);
        }
        headers.put(HttpHeader.CACHE_CONTROL, cacheControl);
        headers.put(HttpHeader.VARY, "Accept-Encoding");
        if (etagMatches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        var gzip = acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        if (gzip) {
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        var bytes = bytes(gzip);
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.setStatus(200);
        var head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    boolean etagMatches(String ifNoneMatch) {
        if (ifNoneMatch == null || etag == null) {
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
