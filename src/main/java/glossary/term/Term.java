package glossary.term;

import glossary.web.Language;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One glossary entry as written in its file under db/terms.
 *
 * @param question the page's heading as the file words it ("What is the EU AI Act?"), or empty
 * @param cta the call to action's line as the file words it ("Need help defending against
 *     jailbreaks?"), or empty
 * @param language the language the entry is written in; English for the files under db/terms
 * @param checked for a translation, the day it was last checked against the English page; else null
 * @param englishSha for a translation, {@link #sourceSha} of the English file it was checked against;
 *     else empty
 */
public record Term(
        String slug,
        String title,
        String question,
        String cta,
        String category,
        List<String> aliases,
        List<String> formerSlugs,
        Status status,
        LocalDate lastReviewed,
        boolean featured,
        String definition,
        List<String> related,
        List<Faq> faq,
        List<Reference> references,
        String body,
        Language language,
        LocalDate checked,
        String englishSha) {

    public enum Status {
        PUBLISHED("published"),
        IN_REVIEW("in-review"),
        DRAFT("draft");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean visible() {
            return this != DRAFT;
        }

        static Status parse(String label) {
            for (var status : values()) {
                if (status.label.equals(label)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("status must be published, in-review or draft, not '" + label + "'");
        }
    }

    public record Faq(String question, String answer) {}

    public record Reference(String title, String publisher, int year, String url) {}

    /** Where a term's page is: the one place that knows the URL scheme. */
    public static String path(String slug) {
        return "/glossary/" + slug;
    }

    /** The page in the term's own language: /glossary/rag, or /th/glossary/rag for its Thai translation. */
    public String path() {
        return language.path(path(slug));
    }

    /** The English page this one is, or translates. */
    public String englishPath() {
        return path(slug);
    }

    public boolean isTranslation() {
        return !language.isDefault();
    }

    /**
     * What a translation file gives, laid over this English term: the words are the translation's,
     * the structure (slug, category, related terms, featured) and the English sources stay, and the
     * translation's own local sources are added after them.
     *
     * @param body the translation's body, its links already pointing where they should
     */
    public Term translatedAs(Term translation, String body) {
        var sources = new ArrayList<>(references);
        sources.addAll(translation.references());
        return new Term(
                slug,
                translation.title(),
                translation.question(),
                translation.cta(),
                category,
                translation.aliases(),
                List.of(),
                translation.status(),
                translation.checked(),
                featured,
                translation.definition(),
                related,
                translation.faq(),
                List.copyOf(sources),
                body,
                translation.language(),
                translation.checked(),
                translation.englishSha());
    }

    /** A short fingerprint of a term file's text: a translation records the English one it was checked against. */
    public static String sourceSha(String source) {
        return TermImporter.sha256(source.replace("\r\n", "\n")).substring(0, 12);
    }

    /** The page's heading: the file's own wording, else "What is <title>?". */
    public String heading() {
        return question.isEmpty() ? "What is " + title + "?" : question;
    }

    /** The call to action's line: the file's own wording, else "Need help implementing <title>?". */
    public String callToAction() {
        return cta.isEmpty() ? "Need help implementing " + title + "?" : cta;
    }

    public String categorySlug() {
        return Slugs.of(category);
    }

    /**
     * The one line shown in lists: the definition's first sentence, cut at a word with an ellipsis
     * when that sentence is longer than {@value #SUMMARY_LENGTH} characters.
     */
    public String summary() {
        var matcher = FIRST_SENTENCE.matcher(definition);
        var sentence = matcher.find() ? definition.substring(0, matcher.end()).strip() : definition.strip();
        if (sentence.length() <= SUMMARY_LENGTH) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        var head = sentence.substring(0, cut > 0 ? cut : SUMMARY_LENGTH - 1);
        return head.replaceAll("[\\s,;:.(\\-–—]+$", "") + "…";
    }

    static final int SUMMARY_LENGTH = 140;

    private static final java.util.regex.Pattern FIRST_SENTENCE =
            java.util.regex.Pattern.compile("[.!?](?=\\s+\\p{Lu})");

    public boolean inReview() {
        return status == Status.IN_REVIEW;
    }
}
