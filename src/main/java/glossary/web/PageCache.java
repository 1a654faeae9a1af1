package glossary.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pages that are the same for every visitor, by path. Controllers fill it on the first request;
 * {@link PageCacheHandler} then serves later requests for the same path before Javalin is involved.
 * What differs per delivery (a term page's form token) is a {@link CachedPage#spliced} value.
 */
public final class PageCache {
    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();

    /** The page for a path, or null when there is none. */
    public CachedPage get(String path) {
        return pages.get(path);
    }

    /** The page for a path, rendered now if there is none; kept until the catalog changes. */
    public CachedPage get(String path, Supplier<CachedPage> render) {
        return pages.computeIfAbsent(path, k -> render.get());
    }
}
