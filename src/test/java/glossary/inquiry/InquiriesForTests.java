package glossary.inquiry;

import glossary.TestApp;
import java.util.Map;

/** Submitting an inquiry through the real form, for tests in other packages. */
public final class InquiriesForTests {
    private InquiriesForTests() {}

    /** Posts a valid inquiry from /contact with some fields replaced; returns its id. */
    public static long submit(TestApp app, Map<String, String> changes) {
        var fields = Inquiries.aValidInquiry(app, "/contact?topic=retrieval-augmented-generation");
        fields.putAll(changes);
        var response = Inquiries.post(app, "/contact", fields);
        if (response.statusCode() != 303) {
            throw new AssertionError("inquiry not accepted: " + response.statusCode());
        }
        return Inquiries.idOf(response);
    }

    public static String status(TestApp app, long id) {
        return Inquiries.status(app, id);
    }
}
