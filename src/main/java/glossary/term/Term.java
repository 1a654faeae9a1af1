package glossary.term;

import java.time.LocalDate;
import java.util.List;

/**
 * One glossary entry as written in its file under db/terms.
 *
 * @param question the page's heading as the file words it ("What is the EU AI Act?"), or empty
 * @param cta the call to action's line as the file words it ("Need help defending against
 *     jailbreaks?"), or empty
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
        String body) {

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

    public String path() {
        return path(slug);
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
