package glossary.testing;

import glossary.TestApp;
import glossary.mail.Outbox;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/** Filling in and sending the inquiry form over HTTP, as a browser without JavaScript would, and what became of it. */
public final class Inquiries {
    /** The form page most tests send from: the contact page, about a term. */
    public static final String CONTACT_ABOUT_A_TERM = "/contact?topic=retrieval-augmented-generation";

    private Inquiries() {}

    /** A complete, valid submission for a form page, with the token and hidden fields that page carries. */
    public static Map<String, String> aValidInquiry(Client client, String formPage) {
        var page = Jsoup.parse(client.get(formPage).body());
        var fields = new LinkedHashMap<String, String>();
        for (var hidden : page.select("form.inquiry-form input[type=hidden]")) {
            fields.put(hidden.attr("name"), hidden.attr("value"));
        }
        fields.put("website", "");
        fields.put("name", "Siti Rahman");
        fields.put("email", "siti@example.com.my");
        fields.put("company", "Kedai Data Sdn Bhd");
        fields.put("role", "Head of Operations");
        fields.put("country", "MY");
        fields.put("phone", "+60 3-1234 5678");
        fields.put("message", "We want to use retrieval-augmented generation on our policy documents.");
        fields.put("timeline", "3-months");
        fields.put("consent", "yes");
        return fields;
    }

    /** Sends a valid inquiry from the contact page with some fields changed; returns its id. */
    public static long submit(Client client, Map<String, String> changes) {
        var fields = aValidInquiry(client, CONTACT_ABOUT_A_TERM);
        fields.putAll(changes);
        var response = client.post("/contact", fields);
        if (response.statusCode() != 303) {
            throw new AssertionError("inquiry not accepted: " + response.statusCode());
        }
        return idOf(response);
    }

    /** The inquiry's id, from the reference in the redirect to the thank-you page. */
    public static long idOf(HttpResponse<String> response) {
        var location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('-') + 1));
    }

    /** The Message-ID of one of an inquiry's messages ("team" or "ack"). */
    public static String messageId(long inquiryId, String kind) {
        return "<inquiry-" + inquiryId + "-" + kind + "@glossary.example.com>";
    }

    public static String status(TestApp app, long id) {
        return column(app, "status", id);
    }

    /** The reference the prospect was given, e.g. GL-2026-000123. */
    public static String reference(TestApp app, long id) {
        var created = app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT created_at FROM inquiry WHERE id = :id")
                        .bind("id", id)
                        .mapTo(java.time.OffsetDateTime.class)
                        .one());
        return glossary.inquiry.Inquiry.reference(id, created);
    }

    public static String spamReason(TestApp app, long id) {
        return column(app, "spam_reason", id);
    }

    public static long count(TestApp app) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inquiry")
                        .mapTo(Long.class)
                        .one());
    }

    public static long outboxCount(TestApp app) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox")
                        .mapTo(Long.class)
                        .one());
    }

    /** The inquiry's messages in the outbox, oldest first. */
    public static List<Outbox.Entry> outbox(TestApp app, long id) {
        return new Outbox(app.database.jdbi(), Clock.systemUTC()).forInquiry(id);
    }

    private static String column(TestApp app, String column, long id) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT " + column + " FROM inquiry WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }
}
