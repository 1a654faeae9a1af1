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

    /** A valid filled-in contact form, ready to post. */
    public static Map<String, String> formFor(TestApp app) {
        return Inquiries.aValidInquiry(app, "/contact");
    }

    public static java.net.http.HttpResponse<String> post(TestApp app, Map<String, String> fields) {
        return Inquiries.post(app, "/contact", fields);
    }
}
