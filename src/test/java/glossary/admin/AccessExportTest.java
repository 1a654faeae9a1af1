package glossary.admin;

import static glossary.testing.Inquiries.messageId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.Mailbox;
import glossary.testing.StaffClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An access request: everything held about one email address, as JSON and as a page, and nobody else's. */
class AccessExportTest {
    @RegisterExtension
    static final AppExtension apps =
            AppExtension.perClass().env(StaffClient.ENV).withMail();

    private final TestApp app = apps.app();
    private final Client visitor = Client.of(app);
    private final StaffClient staff = StaffClient.signedIn(app);
    private final Mailbox mail = apps.mail();

    /** Three leads from one person (the address in different cases), one from someone with a similar address. */
    private record People(String marker, List<Long> person, long someoneElse) {}

    private People aPersonWithThreeLeadsAndANeighbour() throws Exception {
        var marker = "Export" + System.nanoTime();
        var email = marker.toLowerCase() + "@example.com";
        var person = List.of(
                Inquiries.submit(visitor, Map.of("email", email, "company", marker + " One")),
                Inquiries.submit(visitor, Map.of("email", email.toUpperCase(), "company", marker + " Two")),
                Inquiries.submit(visitor, Map.of("email", " " + email, "company", marker + " Three")));
        long someoneElse = Inquiries.submit(
                visitor,
                Map.of(
                        "email",
                        "x" + email,
                        "company",
                        marker + " Neighbour",
                        "message",
                        "Not the same person at all."));
        staff.act("/admin/leads/" + person.get(0) + "/notes", Map.of("note", "Met " + marker + " at the fair."));
        staff.act("/admin/leads/" + person.get(1) + "/status", Map.of("status", "contacted"));
        mail.await(messageId(person.get(2), "ack"));
        return new People(marker, person, someoneElse);
    }

    @Test
    void the_json_export_holds_every_lead_of_the_person_with_notes_history_and_mail_and_no_one_else() throws Exception {
        var people = aPersonWithThreeLeadsAndANeighbour();

        var response = staff.act("/admin/leads/" + people.person().get(1) + "/export", Map.of("format", "json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"personal-data-GL-");
        assertThat(response.body()).doesNotContain("Neighbour").doesNotContain("Not the same person");
        var json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("email").asText()).isEqualTo(people.marker().toLowerCase() + "@example.com");
        var companies = new ArrayList<String>();
        for (JsonNode lead : json.get("leads")) {
            companies.add(lead.get("company").asText());
        }
        assertThat(companies)
                .containsExactlyInAnyOrder(
                        people.marker() + " One", people.marker() + " Two", people.marker() + " Three");
        var first = lead(json, people.person().get(0));
        assertThat(first.get("notes").get(0).get("body").asText())
                .isEqualTo("Met " + people.marker() + " at the fair.");
        assertThat(first.get("message").asText()).contains("retrieval-augmented generation");
        assertThat(first.get("clientIp").asText()).isNotBlank();
        var second = lead(json, people.person().get(1));
        assertThat(second.get("history").toString()).contains("new -> contacted");
        var third = lead(json, people.person().get(2));
        var kinds = new ArrayList<String>();
        for (JsonNode message : third.get("messages")) {
            kinds.add(message.get("kind").asText() + ": " + message.get("state").asText());
        }
        assertThat(kinds).contains("acknowledgement to you: sent");
        assertThat(json.toString()).doesNotContain(StaffClient.EMAIL);

        for (long id : people.person()) {
            assertThat(staff.page("/admin/leads/" + id).select(".history li").text())
                    .contains("export: access request: 3 lead(s) exported as JSON");
        }
        assertThat(staff.page("/admin/leads/" + people.someoneElse())
                        .select(".history li")
                        .text())
                .doesNotContain("export");
    }

    @Test
    void the_page_export_is_a_readable_page_of_the_same_leads() throws Exception {
        var people = aPersonWithThreeLeadsAndANeighbour();

        var lead = staff.page("/admin/leads/" + people.person().get(0));
        assertThat(lead.select("form[action$=/export] button").eachText())
                .contains("Export this person's data (readable page)");
        var response = staff.act("/admin/leads/" + people.person().get(0) + "/export", Map.of("format", "html"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .endsWith(".html\"");
        var page = Jsoup.parse(response.body());
        assertThat(page.select("section.lead .f-company").eachText())
                .containsExactlyInAnyOrder(
                        people.marker() + " One", people.marker() + " Two", people.marker() + " Three");
        assertThat(page.select(".notes li").text()).contains("at the fair");
        assertThat(page.select("h1").text()).contains(people.marker().toLowerCase() + "@example.com");
        assertThat(page.text()).doesNotContain("Neighbour").contains("24 months");
        assertThat(page.select("link, script, img")).isEmpty();
    }

    /** The exported lead with this id (its reference ends in the id). */
    private static JsonNode lead(JsonNode json, long id) {
        for (JsonNode lead : json.get("leads")) {
            if (lead.get("reference").asText().endsWith(String.format("-%06d", id))) {
                return lead;
            }
        }
        throw new AssertionError("no lead " + id + " in " + json);
    }

    @Test
    void an_erased_person_has_nothing_to_export_and_a_format_must_be_chosen() throws Exception {
        long id = Inquiries.submit(visitor, Map.of("email", "gone" + System.nanoTime() + "@example.com"));
        assertThat(staff.act("/admin/leads/" + id + "/export", Map.of("format", "pdf"))
                        .statusCode())
                .isEqualTo(400);
        staff.act("/admin/leads/" + id + "/erase", Map.of("scope", "person", "confirm", "ERASE"));
        assertThat(staff.act("/admin/leads/" + id + "/export", Map.of("format", "json"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(Client.of(app)
                        .post("/admin/leads/" + id + "/export", Map.of("format", "json"))
                        .statusCode())
                .isNotEqualTo(200);
    }
}
