package glossary.admin;

import static glossary.testing.Await.await;
import static glossary.testing.Inquiries.messageId;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.mail.Outbox;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Form;
import glossary.testing.Inquiries;
import glossary.testing.Mailbox;
import glossary.testing.StaffClient;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lead inbox: escaping, workflow, history, export, erasure and what brings leads. The tests
 * share one app, so each looks only at the leads it sent.
 */
class LeadsTest {
    @RegisterExtension
    static final AppExtension apps =
            AppExtension.perClass().env(StaffClient.ENV).withMail();

    private final TestApp app = apps.app();
    private final Client visitor = Client.of(app);
    private final StaffClient staff = StaffClient.signedIn(app);
    private final Mailbox mail = apps.mail();

    private static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Test
    void stored_script_in_every_field_comes_out_as_text_in_the_list_the_lead_and_the_email() throws Exception {
        var payload = new HashMap<String, String>();
        for (var field : List.of("name", "company", "role", "referrer", "utm_source", "utm_campaign")) {
            payload.put(field, field + XSS);
        }
        payload.put("message", "message " + XSS + " is long enough");
        payload.put("page", "/contact" + XSS);
        long id = Inquiries.submit(visitor, payload);

        var list = staff.get("/admin/leads?" + Form.encode(Form.of("q", "<script>")));
        assertThat(list.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
        assertThat(Jsoup.parse(list.body()).select("script:not([type=application/ld+json]), img[onerror]"))
                .isEmpty();

        var lead = staff.get("/admin/leads/" + id);
        var page = Jsoup.parse(lead.body());
        assertThat(page.select("script:not([type=application/ld+json]), img[onerror]"))
                .isEmpty();
        assertThat(page.select(".f-name").text()).isEqualTo("name" + XSS);
        assertThat(page.select(".lead-message").text()).contains(XSS);
        assertThat(page.select(".f-utm").text()).contains("utm_source" + XSS);

        var parts = (MimeMultipart) mail.await(messageId(id, "team")).getContent();
        var html = (String) parts.getBodyPart(1).getContent();
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;");
    }

    @Test
    void the_csv_export_neutralises_formulas_and_follows_the_filter() throws Exception {
        long formula = Inquiries.submit(
                visitor,
                Map.of(
                        "name",
                        "=CMD|' /C calc'!A0 HYPERLINK",
                        "company",
                        "+SUM(A1:A9)",
                        "role",
                        "-2+3",
                        "message",
                        "@SUM(1,2) and a normal message"));
        long other = Inquiries.submit(
                visitor, Map.of("company", "Plain Company", "message", "Tab\tin the middle is fine here"));
        var response = staff.get("/admin/leads.csv?q=HYPERLINK");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        var records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(response.body()))
                .getRecords();
        assertThat(records).hasSize(1);
        var row = records.get(0);
        assertThat(row.get("reference")).endsWith(String.format("%06d", formula));
        assertThat(row.get("name")).isEqualTo("'=CMD|' /C calc'!A0 HYPERLINK");
        assertThat(row.get("company")).isEqualTo("'+SUM(A1:A9)");
        assertThat(row.get("message")).startsWith("'@SUM");
        // Received in the firm's zone with its offset, to the second, like every time staff see.
        var created = app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT created_at FROM inquiry WHERE id = :id")
                        .bind("id", formula)
                        .mapTo(java.time.OffsetDateTime.class)
                        .one());
        assertThat(row.get("received"))
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00")
                .isEqualTo(created.atZoneSameInstant(java.time.ZoneId.of("Asia/Singapore"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")));
        var all = staff.get("/admin/leads.csv").body();
        assertThat(all).contains("Plain Company").contains(String.format("%06d", other));
    }

    @Test
    void a_lead_moves_through_the_workflow_and_every_change_is_in_its_history() {
        long id = Inquiries.submit(visitor, Map.of());
        assertThat(staff.page("/admin/leads").select("tr.unread a[href=/admin/leads/" + id + "]"))
                .hasSize(1);
        staff.page("/admin/leads/" + id);
        assertThat(staff.page("/admin/leads").select("tr.unread a[href=/admin/leads/" + id + "]"))
                .isEmpty();

        assertThat(staff.act("/admin/leads/" + id + "/status", Map.of("status", "won"))
                        .statusCode())
                .isEqualTo(400);
        for (var status : List.of("contacted", "qualified", "won")) {
            assertThat(staff.act("/admin/leads/" + id + "/status", Map.of("status", status))
                            .statusCode())
                    .isEqualTo(303);
        }
        staff.act("/admin/leads/" + id + "/notes", Map.of("note", "Signed the pilot."));
        var me = staff.page("/admin/leads/" + id).select("#assignee option").stream()
                .filter(o -> o.text().equals(StaffClient.EMAIL))
                .findFirst()
                .orElseThrow()
                .attr("value");
        staff.act("/admin/leads/" + id + "/assign", Map.of("assignee", me));

        var page = staff.page("/admin/leads/" + id);
        assertThat(page.select(".lead-status").text()).isEqualTo("won");
        assertThat(page.select(".history li").eachText())
                .hasSize(5)
                .anyMatch(e -> e.contains(StaffClient.EMAIL) && e.contains("new -> contacted"))
                .anyMatch(e -> e.contains("qualified -> won"))
                .anyMatch(e -> e.contains("note added"))
                .anyMatch(e -> e.contains("assigned: to " + StaffClient.EMAIL));
        assertThat(page.select(".notes .meta").text()).contains(StaffClient.EMAIL);
        assertThat(staff.page("/admin/leads?mine=yes").select("a[href=/admin/leads/" + id + "]"))
                .hasSize(1);
        assertThat(staff.page("/admin/leads?status=won").select("a[href=/admin/leads/" + id + "]"))
                .hasSize(1);
        assertThat(staff.page("/admin/leads?status=new").select("a[href=/admin/leads/" + id + "]"))
                .isEmpty();
    }

    @Test
    void marking_spam_as_not_spam_sends_the_mail_that_was_held_back() throws Exception {
        long id = Inquiries.submit(visitor, Map.of("website", "filled by a bot"));
        assertThat(Inquiries.status(app, id)).isEqualTo("spam");
        assertThat(staff.page("/admin/leads").select("a[href=/admin/leads/" + id + "]"))
                .isEmpty();
        assertThat(staff.page("/admin/leads?status=spam").select("a[href=/admin/leads/" + id + "]"))
                .hasSize(1);
        assertThat(staff.page("/admin/leads/" + id).select(".spam-reason").text())
                .contains("honeypot");

        assertThat(staff.act("/admin/leads/" + id + "/status", Map.of("status", "new"))
                        .statusCode())
                .isEqualTo(303);
        mail.await(messageId(id, "team"));
        mail.await(messageId(id, "ack"));
        assertThat(staff.page("/admin/leads/" + id).select(".history li").text())
                .contains("held mail released");
    }

    @Test
    void erasure_leaves_no_personal_data_anywhere_in_the_database() throws Exception {
        var marker = "Zyxwvut" + System.nanoTime();
        long id = Inquiries.submit(
                visitor,
                Map.of(
                        "name",
                        marker + " Person",
                        "email",
                        marker.toLowerCase() + "@example.com",
                        "company",
                        marker + " Company",
                        "phone",
                        "+65 6123 4567",
                        "message",
                        "Call " + marker + " about the budget.",
                        "referrer",
                        "https://" + marker.toLowerCase() + ".example/",
                        "utm_campaign",
                        marker));
        staff.act("/admin/leads/" + id + "/notes", Map.of("note", "Spoke with " + marker + " today."));
        assertThat(occurrences(marker)).isNotEmpty();

        assertThat(staff.act("/admin/leads/" + id + "/erase", Map.of("scope", "person", "confirm", "no"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(staff.act("/admin/leads/" + id + "/erase", Map.of("scope", "person", "confirm", "ERASE"))
                        .statusCode())
                .isEqualTo(303);

        assertThat(occurrences(marker)).isEmpty();
        assertThat(occurrences(marker.toLowerCase())).isEmpty();
        assertThat(occurrences("6123 4567")).isEmpty();
        var page = staff.page("/admin/leads/" + id);
        assertThat(page.select(".history li").text()).contains("personal data erased on request");
    }

    /** A person who wrote three times, in different cases, is erased by one action on any one lead. */
    @Test
    void erasing_a_person_erases_every_lead_from_their_address() throws Exception {
        var marker = "Qwertyu" + System.nanoTime();
        var email = marker.toLowerCase() + "@example.com";
        long first = Inquiries.submit(visitor, Map.of("email", email, "company", marker + " One"));
        long second = Inquiries.submit(visitor, Map.of("email", email.toUpperCase(), "company", marker + " Two"));
        long third = Inquiries.submit(visitor, Map.of("email", " " + email, "company", marker + " Three"));
        long someoneElse = Inquiries.submit(visitor, Map.of("company", marker + " Other"));
        staff.act("/admin/leads/" + third + "/notes", Map.of("note", "Met " + marker + " at the fair."));
        assertThat(staff.page("/admin/leads/" + second)
                        .select(".danger-zone button[value=person]")
                        .text())
                .isEqualTo("Erase everything from " + email.toUpperCase() + " (3 inquiries)");

        assertThat(staff.act("/admin/leads/" + second + "/erase", Map.of("scope", "person", "confirm", "ERASE"))
                        .statusCode())
                .isEqualTo(303);

        for (var gone : List.of(marker + " One", marker + " Two", marker + " Three", "at the fair", email)) {
            assertThat(occurrences(gone)).as(gone).isEmpty();
        }
        assertThat(occurrences(marker + " Other")).isNotEmpty();
        for (long id : List.of(first, second, third)) {
            assertThat(staff.page("/admin/leads/" + id).select(".history li").text())
                    .contains("personal data erased on request");
        }
        assertThat(staff.page("/admin/leads/" + someoneElse)
                        .select(".f-company")
                        .text())
                .isEqualTo(marker + " Other");
    }

    @Test
    void the_lead_page_lists_the_persons_other_inquiries_with_link_date_term_and_status() {
        var marker = "Personal" + System.nanoTime();
        var email = marker.toLowerCase() + "@example.com";
        long first = Inquiries.submit(visitor, Map.of("email", email, "company", marker + " One"));
        var contact = Inquiries.aValidInquiry(visitor, "/contact");
        contact.put("email", email.toUpperCase());
        contact.put("company", marker + " Two");
        long second = Inquiries.idOf(visitor.post("/contact", contact));
        long third = Inquiries.submit(visitor, Map.of("email", email, "company", marker + " Three"));
        Inquiries.submit(visitor, Map.of("company", marker + " Someone else"));
        staff.act("/admin/leads/" + first + "/status", Map.of("status", "contacted"));

        var page = staff.page("/admin/leads/" + third);
        assertThat(page.select("#person-h").text()).isEqualTo("Also from " + email);
        var items = page.select(".person-leads li");
        assertThat(items.select("a").eachAttr("href"))
                .as("newest first, this lead and other people left out")
                .containsExactly("/admin/leads/" + second, "/admin/leads/" + first);
        assertThat(items.get(0).select("a").text()).isEqualTo(Inquiries.reference(app, second));
        assertThat(items.get(0).select("time").attr("datetime")).endsWith("+08:00");
        assertThat(items.get(0).text()).contains("Contact page").contains("new");
        assertThat(items.get(1).text())
                .contains("Retrieval-Augmented Generation")
                .contains("contacted");
        assertThat(staff.page("/admin/leads/" + first).select(".person-leads a").eachAttr("href"))
                .containsExactly("/admin/leads/" + third, "/admin/leads/" + second);
    }

    @Test
    void erasing_this_inquiry_keeps_the_persons_other_inquiries() throws Exception {
        var marker = "Onlyone" + System.nanoTime();
        var email = marker.toLowerCase() + "@example.com";
        long erased = Inquiries.submit(visitor, Map.of("email", email, "message", "Forget " + marker + " please."));
        long kept = Inquiries.submit(visitor, Map.of("email", email, "company", marker + " Kept"));
        var lead = "/admin/leads/" + erased;
        assertThat(staff.page(lead).select(".danger-zone button").eachText())
                .containsExactly("Erase this inquiry", "Erase everything from " + email + " (2 inquiries)");
        assertThat(staff.act(lead + "/erase", Map.of("confirm", "ERASE")).statusCode())
                .as("nothing is assumed: the form says which")
                .isEqualTo(400);
        assertThat(staff.act(lead + "/erase", Map.of("scope", "lead", "confirm", "no"))
                        .statusCode())
                .isEqualTo(400);

        var response = staff.act(lead + "/erase", Map.of("scope", "lead", "confirm", "ERASE"));
        assertThat(response.statusCode()).isEqualTo(303);
        var page = staff.page(lead);
        assertThat(page.select("[role=status] .flash").text()).isEqualTo("Personal data of this inquiry erased");
        assertThat(page.select(".history li").text())
                .contains(
                        "personal data of this inquiry erased on request; 1 other lead(s) from the same address kept");
        assertThat(occurrences("Forget " + marker)).isEmpty();
        assertThat(occurrences(marker + " Kept")).isNotEmpty();
        var other = staff.page("/admin/leads/" + kept);
        assertThat(other.select(".f-email").text()).isEqualTo(email);
        assertThat(other.select(".person-leads"))
                .as("the erased inquiry is nobody's now")
                .isEmpty();
        assertThat(other.select(".danger-zone button").eachText()).containsExactly("Erase this inquiry");
    }

    /** Every text cell in every table that contains the needle: the proof an erasure is complete. */
    private List<String> occurrences(String needle) {
        return app.database.jdbi().withHandle(h -> {
            var columns = h.createQuery(
                            "SELECT table_name, column_name FROM information_schema.columns "
                                    + "WHERE table_schema = 'public' AND data_type IN ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'text', 'character varying')")
                    .map((rs, ctx) -> rs.getString(1) + "." + rs.getString(2))
                    .list();
            var found = new ArrayList<String>();
            for (var column : columns) {
                var table = column.substring(0, column.indexOf('.'));
                var name = column.substring(column.indexOf('.') + 1);
                long count = h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + name + " LIKE :needle")
                        .bind("needle", "%" + needle + "%")
                        .mapTo(Long.class)
                        .one();
                if (count > 0) {
                    found.add(column);
                }
            }
            return found;
        });
    }

    @Test
    void the_dashboard_shows_views_against_inquiries_and_searches_that_found_nothing() {
        Inquiries.submit(visitor, Map.of());
        for (int i = 0; i < 3; i++) {
            visitor.get("/glossary/retrieval-augmented-generation");
        }
        visitor.get("/search?q=quantum+blockchain+synergy");
        var dashboard = staff.page("/admin");
        var row = dashboard
                .select("#conv-h ~ .table-scroll tr:has(a[href=/glossary/retrieval-augmented-generation])")
                .text();
        assertThat(row)
                .matches(".*Retrieval-Augmented Generation \\d+ \\d+ \\d+\\.\\d\\d%.*"); // the title, not the slug
        assertThat(dashboard.select("#miss-h ~ .table-scroll table").text()).contains("quantum blockchain synergy");
        assertThat(dashboard.select("#week-h ~ div table tbody tr")).isNotEmpty();
    }

    @Test
    void the_inbox_pages_with_a_cursor_and_filters_by_date_and_category() {
        // An app without a mail server: the 110 messages of these leads would hold up the mail
        // that the other tests wait for.
        var own = apps.start(Map.of());
        var visitor = Client.of(own);
        var staff = StaffClient.signedIn(own);
        for (int i = 0; i < 55; i++) {
            Inquiries.submit(visitor, Map.of("company", "Paging Co " + i));
        }
        var first = staff.page("/admin/leads");
        assertThat(first.select("table.leads tbody tr")).hasSize(glossary.admin.InboxController.PAGE_SIZE);
        var next = first.select("a:contains(More leads)").attr("href");
        assertThat(next).contains("after="); // all of them need a reply: the cursor is in that part
        var second = staff.page(next);
        assertThat(second.select("table.leads tbody tr")).isNotEmpty();
        assertThat(second.select("table.leads tbody tr .who a").eachAttr("href"))
                .doesNotContainAnyElementsOf(
                        first.select("table.leads tbody tr .who a").eachAttr("href"));
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Singapore")); // the firm's zone
        assertThat(staff.page("/admin/leads?from=" + today + "&to=" + today
                                + "&category=generative-ai-and-large-language-models")
                        .select("table.leads tbody tr"))
                .isNotEmpty();
        assertThat(staff.page("/admin/leads?category=computer-vision").select("table.leads tbody tr"))
                .isEmpty();
        assertThat(staff.get("/admin/leads?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void a_lead_waiting_over_a_day_is_on_the_dashboard_and_a_failed_message_can_be_retried() throws Exception {
        long id = Inquiries.submit(visitor, Map.of("company", "Patient Waiting Ltd"));
        app.database
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE inquiry SET created_at = created_at - INTERVAL '2' DAY WHERE id = :id")
                        .bind("id", id)
                        .execute());
        assertThat(staff.page("/admin").select("#waiting-h + ul a").eachAttr("href"))
                .contains("/admin/leads/" + id);

        awaitSentToTheTeam(id);
        long outboxId = app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE inquiry_id = :id AND kind = 'team'")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
        app.database
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE outbox SET status = 'failed', last_error = 'test: mailbox full' WHERE id = :id")
                        .bind("id", outboxId)
                        .execute());
        mail.purge();
        assertThat(staff.page("/admin/outbox").text()).contains("test: mailbox full");
        assertThat(staff.act("/admin/outbox/" + outboxId + "/retry", Map.of("back", "/admin/leads/" + id))
                        .statusCode())
                .isEqualTo(303);
        mail.await(messageId(id, "team"));
        assertThat(staff.page("/admin/leads/" + id).select(".history li").text())
                .contains("queued again");
    }

    /** Fails if the inquiry's message to the team is not sent in time. */
    private void awaitSentToTheTeam(long id) {
        await("the team message of inquiry " + id + " sent")
                .until(() -> Inquiries.outbox(app, id).stream()
                        .anyMatch(e -> e.kind().equals("team") && e.status() == Outbox.Status.SENT));
    }
}
