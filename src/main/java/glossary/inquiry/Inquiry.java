package glossary.inquiry;

import glossary.web.Language;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A stored inquiry.
 *
 * @param language the language of the page it was sent from; its acknowledgement is in it
 */
public record Inquiry(
        long id,
        OffsetDateTime createdAt,
        InquiryForm form,
        String clientIp,
        LeadStatus status,
        String spamReason,
        Language language) {

    /** The number the prospect is given, e.g. GL-2026-000123: the year it arrived and its id. */
    public static String reference(long id, OffsetDateTime createdAt) {
        return String.format(
                "GL-%d-%06d", createdAt.withOffsetSameInstant(ZoneOffset.UTC).getYear(), id);
    }

    public String reference() {
        return reference(id, createdAt);
    }
}
