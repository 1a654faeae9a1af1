package glossary.term;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The editorial rules every term file must meet. The build runs it over db/terms and fails on any
 * problem; the importer logs the same problems at start-up.
 */
public final class ContentLint {
    static final int MIN_WORDS = 300;
    static final int MAX_WORDS = 800;
    static final int MIN_CONSIDERATIONS = 4;
    static final int MIN_FAQ = 2;
    static final int MIN_RELATED = 3;
    static final int MIN_REFERENCES = 2;
    /** No source is so general that it supports more than this many pages. */
    static final int MAX_CITATIONS = 6;
    /** A reference cited by this many terms or fewer is about the term itself. */
    static final int SPECIFIC_CITATIONS = 2;

    static final String REGION_CATEGORY = "AI Policy in Southeast Asia";
    /** ASEAN's members (Timor-Leste since October 2025), as page titles name them. */
    static final List<String> MEMBER_STATES = List.of(
            "Brunei",
            "Cambodia",
            "Indonesia",
            "Laos",
            "Malaysia",
            "Myanmar",
            "Philippines",
            "Singapore",
            "Thailand",
            "Timor-Leste",
            "Vietnam");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final TermRenderer renderer = new TermRenderer();

    /** Problems across a whole content set, each prefixed with the file it concerns. */
    public List<String> check(Map<String, Term> termsByFile) {
        var linker = new AutoLinker(List.copyOf(visibleBySlug(termsByFile).values()));
        return check(termsByFile, term -> renderer.render(term, linker));
    }

    /**
     * The same check for a caller that has already rendered the visible terms among themselves (the
     * catalog), so the start-up does not render every term twice.
     */
    List<String> check(Map<String, Term> termsByFile, Function<Term, TermRenderer.Rendered> renderedVisible) {
        var problems = new ArrayList<String>();
        var slugFiles = new HashMap<String, String>();
        for (var entry : termsByFile.entrySet()) {
            var term = entry.getValue();
            var previous = slugFiles.put(term.slug(), entry.getKey());
            if (previous != null) {
                problems.add(entry.getKey() + ": slug '" + term.slug() + "' is also used by " + previous);
            }
        }
        var visible = visibleBySlug(termsByFile);
        checkNames(termsByFile, problems);
        var inbound = new HashMap<String, Set<String>>();
        for (var entry : termsByFile.entrySet()) {
            var file = entry.getKey();
            var term = entry.getValue();
            var rendered =
                    term.status().visible() ? renderedVisible.apply(term) : renderer.render(term, NOTHING_TO_LINK);
            checkTerm(file, term, rendered, visible.keySet(), problems);
            if (term.status().visible()) {
                var links = new HashSet<>(rendered.linksTo());
                links.addAll(term.related());
                for (var target : links) {
                    inbound.computeIfAbsent(target, k -> new HashSet<>()).add(term.slug());
                }
            }
        }
        for (var entry : termsByFile.entrySet()) {
            var term = entry.getValue();
            if (term.status().visible() && visible.size() > 1 && !inbound.containsKey(term.slug())) {
                problems.add(
                        entry.getKey() + ": no other term links to it (add it to some related lists or mention it)");
            }
        }
        checkCitations(termsByFile, problems);
        checkRegion(visible.values(), problems);
        problems.sort(null);
        return problems;
    }

    /**
     * Every visible term cites at least one source about itself, and no source is spread so thin
     * that it stands behind more than {@value #MAX_CITATIONS} pages.
     */
    private static void checkCitations(Map<String, Term> termsByFile, List<String> problems) {
        var citing = new HashMap<String, Set<String>>();
        for (var term : termsByFile.values()) {
            if (term.status().visible()) {
                for (var reference : term.references()) {
                    citing.computeIfAbsent(urlKey(reference.url()), k -> new HashSet<>())
                            .add(term.slug());
                }
            }
        }
        citing.forEach((url, slugs) -> {
            if (slugs.size() > MAX_CITATIONS) {
                var sorted = new TreeSet<>(slugs);
                problems.add(sorted.first() + ".md: " + url + " is cited by " + slugs.size() + " terms (at most "
                        + MAX_CITATIONS + "): " + sorted);
            }
        });
        for (var entry : termsByFile.entrySet()) {
            var term = entry.getValue();
            if (term.status().visible()
                    && !term.references().isEmpty()
                    && term.references().stream()
                            .noneMatch(r -> citing.get(urlKey(r.url())).size() <= SPECIFIC_CITATIONS)) {
                problems.add(entry.getKey() + ": needs a reference about this term itself (cited by at most "
                        + SPECIFIC_CITATIONS + " terms); every one it has is cited widely");
            }
        }
    }

    private static String urlKey(String url) {
        var key = url.strip();
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    /** Once the glossary covers the region's rules at all, it covers every member state. */
    private static void checkRegion(Collection<Term> visible, List<String> problems) {
        var regional = visible.stream()
                .filter(t -> t.category().equals(REGION_CATEGORY))
                .toList();
        if (regional.isEmpty()) {
            return;
        }
        for (var country : MEMBER_STATES) {
            if (regional.stream().noneMatch(t -> t.title().contains(country))) {
                problems.add("category '" + REGION_CATEGORY + "': no page names " + country + " in its title");
            }
        }
    }

    /** Drafts are checked for their shape only; nothing links from them. */
    private static final AutoLinker NOTHING_TO_LINK = new AutoLinker(List.of());

    private static Map<String, Term> visibleBySlug(Map<String, Term> termsByFile) {
        var visible = new HashMap<String, Term>();
        for (var term : termsByFile.values()) {
            if (term.status().visible()) {
                visible.put(term.slug(), term);
            }
        }
        return visible;
    }

    private static void checkTerm(
            String file, Term term, TermRenderer.Rendered rendered, Set<String> visibleSlugs, List<String> problems) {
        if (!file.equals(term.slug() + ".md")) {
            problems.add(file + ": file name must be the slug plus .md (" + term.slug() + ".md)");
        }
        if (!SLUG.matcher(term.slug()).matches()) {
            problems.add(file + ": slug must be lower-case words joined by hyphens");
        }
        var expected = List.of("h2 Why it matters for business", "h2 Key considerations");
        if (!rendered.headings().equals(expected)) {
            problems.add(file
                    + ": body must have exactly the headings '## Why it matters for business' and '## Key considerations', in that order; found "
                    + rendered.headings());
        }
        int considerations = rendered.considerationCount();
        if (considerations < MIN_CONSIDERATIONS) {
            problems.add(file + ": needs at least " + MIN_CONSIDERATIONS + " key considerations as a list, has "
                    + considerations);
        }
        if (term.status().visible()) {
            checkWording(file, term, problems);
        }
        if (term.faq().size() < MIN_FAQ) {
            problems.add(file + ": needs at least " + MIN_FAQ + " FAQ entries, has "
                    + term.faq().size());
        }
        if (term.related().size() < MIN_RELATED) {
            problems.add(file + ": needs at least " + MIN_RELATED + " related terms, has "
                    + term.related().size());
        }
        for (var related : term.related()) {
            if (related.equals(term.slug())) {
                problems.add(file + ": lists itself as related");
            } else if (!visibleSlugs.contains(related)) {
                problems.add(file + ": related term '" + related + "' does not exist or is not published");
            }
        }
        if (new HashSet<>(term.related()).size() != term.related().size()) {
            problems.add(file + ": a related term is listed twice");
        }
        if (term.references().size() < MIN_REFERENCES) {
            problems.add(file + ": needs at least " + MIN_REFERENCES + " references, has "
                    + term.references().size());
        }
        for (var reference : term.references()) {
            checkReference(file, reference, problems);
        }
        int words = TermRenderer.words(term.definition()) + TermRenderer.words(term.body());
        for (var faq : term.faq()) {
            words += TermRenderer.words(faq.question()) + TermRenderer.words(faq.answer());
        }
        if (words < MIN_WORDS || words > MAX_WORDS) {
            problems.add(file + ": has " + words + " words; keep it between " + MIN_WORDS + " and " + MAX_WORDS);
        }
        int definitionWords = TermRenderer.words(term.definition());
        if (definitionWords < 15 || definitionWords > 120) {
            problems.add(file + ": the definition should be 2-4 plain sentences (15-120 words), has " + definitionWords
                    + " words");
        }
    }

    /**
     * The heading and the call to action are written per term: "What is <title>?" misreads plurals,
     * acronyms and names that need an article, and "Need help implementing <title>?" most titles.
     */
    private static void checkWording(String file, Term term, List<String> problems) {
        if (term.question().isEmpty()) {
            problems.add(file + ": needs a 'question' (the page heading, e.g. 'What is the EU AI Act?')");
        } else if (!term.question().endsWith("?") || term.question().length() > 90) {
            problems.add(file + ": 'question' must be one question of at most 90 characters, ending in '?'");
        }
        if (term.cta().isEmpty()) {
            problems.add(file + ": needs a 'cta' (e.g. 'Need help defending against jailbreaks?')");
        } else if (term.cta().length() > 80) {
            problems.add(file + ": 'cta' must be at most 80 characters");
        }
    }

    private static void checkReference(String file, Term.Reference reference, List<String> problems) {
        try {
            var uri = URI.create(reference.url());
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(file + ": reference URL must be an absolute https URL: " + reference.url());
            }
        } catch (IllegalArgumentException e) {
            problems.add(file + ": reference URL is malformed: " + reference.url());
        }
        if (reference.year() < 1900 || reference.year() > java.time.Year.now().getValue() + 1) {
            problems.add(file + ": reference year " + reference.year() + " is implausible");
        }
    }

    /** A title or alias must point at one term only, or search and auto-linking would guess. */
    private static void checkNames(Map<String, Term> termsByFile, List<String> problems) {
        var owners = new HashMap<String, String>();
        for (var entry : termsByFile.entrySet()) {
            var term = entry.getValue();
            var names = new ArrayList<String>();
            names.add(term.title());
            names.addAll(term.aliases());
            var own = new HashSet<String>();
            for (var name : names) {
                var key = Slugs.normalized(name);
                if (key.isEmpty() || !own.add(key)) {
                    continue;
                }
                var owner = owners.putIfAbsent(key, term.slug());
                if (owner != null && !owner.equals(term.slug())) {
                    problems.add(entry.getKey() + ": name or alias '" + name + "' is also used by " + owner);
                }
            }
        }
    }
}
