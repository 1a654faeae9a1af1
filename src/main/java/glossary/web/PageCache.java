package glossary.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pages that are the same for every visitor, by path. Controllers fill it on the first request;
 * {@link PageCacheHandler} then serves later requests for the same path before Javalin is involved.
 * A page may be kept for a limited time only (term pages carry a form token that must stay fresh).
 */
public final class PageCache {
    private record Entry(CachedPage page, long expiresAt) {
        boolean fresh() {
            return System.nanoTime() - expiresAt < 0;
        }
    }

    private static final Duration FOREVER = Duration.ofDays(365 * 100);
    private final Map<String, Entry> pages = new ConcurrentHashMap<>();

    /** The page for a path, or null when there is none or it has expired. */
    public CachedPage get(String path) {
        var entry = pages.get(path);
        return entry != null && entry.fresh() ? entry.page() : null;
    }

    /** The page for a path, rendered now if there is none; kept until the catalog changes. */
    public CachedPage get(String path, Supplier<CachedPage> render) {
        return get(path, FOREVER, render);
    }

    public CachedPage get(String path, Duration keepFor, Supplier<CachedPage> render) {
        return pages.compute(
                        path,
                        (k, old) -> old != null && old.fresh()
                                ? old
                                : new Entry(render.get(), System.nanoTime() + keepFor.toNanos()))
                .page();
    }
}
