package glossary.term;

import glossary.web.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The glossary in each of its languages. Every language's catalog holds every visible term: its
 * translation where there is one, else the English entry, which readers see marked as English.
 */
public final class Glossary {
    private final Map<Language, TermCatalog> catalogs = new EnumMap<>(Language.class);
    private final Map<String, List<Language>> languagesOf = new HashMap<>();

    /** A translation, and whether the English page has changed since it was checked. */
    public record Translated(Term term, boolean needsReview) {}

    private Glossary(TermCatalog english, Map<Language, Map<String, Term>> translations, Map<String, String> shas) {
        catalogs.put(Language.EN, english);
        for (var term : english.terms()) {
            languagesOf.put(term.slug(), new ArrayList<>(List.of(Language.EN)));
        }
        for (var language : Language.values()) {
            if (language.isDefault()) {
                continue;
            }
            var own = translations.getOrDefault(language, Map.of());
            var terms = new ArrayList<Term>();
            var stale = new HashMap<String, Boolean>();
            for (var term : english.terms()) {
                var translation = own.get(term.slug());
                if (translation == null || !translation.status().visible()) {
                    terms.add(term);
                    continue;
                }
                var local = term.translatedAs(withLocalLinks(translation, language, own));
                terms.add(local);
                stale.put(term.slug(), !translation.englishSha().equals(shas.getOrDefault(term.slug(), "")));
                languagesOf.get(term.slug()).add(language);
            }
            catalogs.put(language, TermCatalog.of(terms, language, stale, english));
        }
        languagesOf.replaceAll((slug, languages) -> List.copyOf(languages));
    }

    /**
     * @param translations each language's translation files, parsed, by English slug
     * @param englishShas {@link Term#sourceSha} of each English file, to tell which translations are stale
     */
    public static Glossary of(
            TermCatalog english, Map<Language, Map<String, Term>> translations, Map<String, String> englishShas) {
        return new Glossary(english, translations, englishShas);
    }

    /** English only, for tests and tools that need no translations. */
    public static Glossary englishOnly(TermCatalog english) {
        return new Glossary(english, Map.of(), Map.of());
    }

    public TermCatalog in(Language language) {
        return catalogs.get(language);
    }

    public TermCatalog english() {
        return catalogs.get(Language.EN);
    }

    /** The languages a term's page exists in, English first. */
    public List<Language> languagesOf(String slug) {
        return languagesOf.getOrDefault(slug, List.of(Language.EN));
    }

    private static final Pattern GLOSSARY_LINK = Pattern.compile("\\]\\(/glossary/([a-z0-9-]+)");

    /** Links between pages stay in the reader's language where the other page is translated too. */
    private static Term withLocalLinks(Term translation, Language language, Map<String, Term> translated) {
        var matcher = GLOSSARY_LINK.matcher(translation.body());
        if (!matcher.find()) {
            return translation;
        }
        var body = matcher.replaceAll(match -> translated.containsKey(match.group(1))
                ? "](" + language.path("/glossary/" + match.group(1))
                : match.group());
        return new Term(
                translation.slug(),
                translation.title(),
                translation.question(),
                translation.cta(),
                translation.category(),
                translation.aliases(),
                translation.formerSlugs(),
                translation.status(),
                translation.lastReviewed(),
                translation.featured(),
                translation.definition(),
                translation.related(),
                translation.faq(),
                translation.references(),
                body,
                translation.language(),
                translation.checked(),
                translation.englishSha());
    }

    /** Reads and parses each language's folder; a file that fails is reported and left out. */
    static Map<Language, Map<String, Term>> parse(Map<Language, Map<String, String>> files, List<String> errors) {
        var parser = new TermParser();
        var result = new EnumMap<Language, Map<String, Term>>(Language.class);
        files.forEach((language, byName) -> {
            var parsed = new TreeMap<String, Term>();
            byName.forEach((name, source) -> {
                try {
                    var term = parser.parseTranslation(name, source, language);
                    parsed.put(term.slug(), term);
                } catch (TermParser.InvalidTermFile e) {
                    errors.add(language.tag() + "/" + e.getMessage());
                }
            });
            result.put(language, parsed);
        });
        return result;
    }
}
