package glossary.term;

import glossary.web.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glossary in each of its languages. Every language's catalog holds every visible term: its
 * translation where there is one, else the English entry, which readers see marked as English.
 */
public final class Glossary {
    private static final Logger log = LoggerFactory.getLogger(Glossary.class);

    /** A language's catalog and the slugs it translates. */
    private record Built(TermCatalog catalog, Set<String> translated) {}

    private final TermCatalog english;
    private final Map<Language, FutureTask<Built>> languages = new EnumMap<>(Language.class);
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * The other languages are parsed and built in the background once {@link #start}ed: English
     * pages are served meanwhile, and a page that needs another language waits until it is ready
     * (about half a second after the start on two cores).
     */
    private Glossary(TermCatalog english, Map<Language, Map<String, String>> files, Map<String, String> shas) {
        this.english = english;
        var others = new ArrayList<Language>();
        for (var language : Language.values()) {
            if (!language.isDefault()) {
                others.add(language);
            }
        }
        for (var language : others) {
            var own = files.getOrDefault(language, Map.of());
            languages.put(language, new FutureTask<>(() -> buildLogged(language, own, shas)));
        }
    }

    /**
     * Starts building the other languages in the background, on all cores but one; called once the
     * app listens, so the start and the first requests keep a core (measured: first 200 about 0.3 s
     * sooner than building them before listening). Asking for a language starts them too.
     */
    public Glossary start() {
        if (started.compareAndSet(false, true)) {
            int threads =
                    Math.max(1, Math.min(languages.size(), Runtime.getRuntime().availableProcessors()));
            var queue = new ConcurrentLinkedQueue<>(languages.values());
            for (int i = 0; i < threads; i++) {
                var thread = new Thread(
                        () -> {
                            for (var task = queue.poll(); task != null; task = queue.poll()) {
                                task.run();
                            }
                        },
                        "glossary-languages");
                thread.setDaemon(true);
                thread.start();
            }
        }
        return this;
    }

    /** One language: its files parsed (a file that fails is logged and its term stays English), laid over English. */
    /**
     * One language, timed and logged. A build that fails (a bug, not a bad file: those are skipped)
     * is logged and leaves that language showing the English entries, which its pages redirect to.
     */
    private Built buildLogged(Language language, Map<String, String> files, Map<String, String> shas) {
        long began = System.nanoTime();
        try {
            var built = build(language, files, shas);
            log.info(
                    "{}: {} of {} terms translated, ready in {} ms",
                    language.tag(),
                    built.translated().size(),
                    english.terms().size(),
                    (System.nanoTime() - began) / 1_000_000);
            return built;
        } catch (RuntimeException e) {
            log.error("The glossary in {} could not be built; its pages show the English entries", language.tag(), e);
            return new Built(english, Set.of());
        }
    }

    private Built build(Language language, Map<String, String> files, Map<String, String> shas) {
        var parser = new TermParser();
        var own = new HashMap<String, Term>();
        files.forEach((name, source) -> {
            try {
                var term = parser.parseTranslation(name, source, language);
                own.put(term.slug(), term);
            } catch (TermParser.InvalidTermFile e) {
                log.error("Translation skipped: {}/{}", language.tag(), e.getMessage());
            }
        });
        var terms = new ArrayList<Term>();
        var stale = new HashMap<String, Boolean>();
        var translated = new HashSet<String>();
        for (var term : english.terms()) {
            var translation = own.get(term.slug());
            if (translation == null || !translation.status().visible()) {
                terms.add(term);
                continue;
            }
            terms.add(term.translatedAs(translation, withLocalLinks(translation.body(), language, own)));
            stale.put(term.slug(), !translation.englishSha().equals(shas.getOrDefault(term.slug(), "")));
            translated.add(term.slug());
        }
        return new Built(TermCatalog.of(terms, language, stale, english), Set.copyOf(translated));
    }

    /**
     * @param files each language's translation files (db/terms/th/…), by file name
     * @param englishShas {@link Term#sourceSha} of each English file, to tell which translations are stale
     */
    public static Glossary of(
            TermCatalog english, Map<Language, Map<String, String>> files, Map<String, String> englishShas) {
        return new Glossary(english, files, englishShas);
    }

    private Built built(Language language) {
        start();
        try {
            return languages.get(language).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the glossary in " + language.tag(), e);
        }
    }

    /** The language's catalog, waiting for it while it is still being built at start-up. */
    public TermCatalog in(Language language) {
        return language.isDefault() ? english : built(language).catalog();
    }

    public TermCatalog english() {
        return english;
    }

    /** The languages a term's page exists in, English first. */
    public List<Language> languagesOf(String slug) {
        var result = new ArrayList<Language>();
        result.add(Language.EN);
        for (var language : languages.keySet()) {
            if (built(language).translated().contains(slug)) {
                result.add(language);
            }
        }
        return List.copyOf(result);
    }

    private static final Pattern GLOSSARY_LINK = Pattern.compile("\\]\\(/glossary/([a-z0-9-]+)");

    /** Links between pages stay in the reader's language where the other page is translated too. */
    private static String withLocalLinks(String body, Language language, Map<String, Term> translated) {
        return GLOSSARY_LINK
                .matcher(body)
                .replaceAll(match -> translated.containsKey(match.group(1))
                        ? "](" + language.path("/glossary/" + match.group(1))
                        : match.group());
    }
}
