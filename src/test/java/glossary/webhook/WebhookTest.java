package glossary.webhook;

import static glossary.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossary.Config;
import glossary.TestApp;
import glossary.mail.Outbox;
import glossary.testing.AppExtension;
import glossary.testing.Await;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook: every new lead that is not spam POSTed once to a real HTTP endpoint, signed so the
 * receiver can check it came from us; retried through the outbox while the endpoint fails.
 */
class WebhookTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand().env(StaffClient.ENV);

    private static final String SECRET = "whsec-test-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> webhookTo(Receiver receiver) {
        return Map.of(
                "GLOSSARY_WEBHOOK_URL",
                receiver.url(),
                "GLOSSARY_WEBHOOK_SECRET",
                SECRET,
                // Retries come quickly here; how long they wait is the outbox's own test.
                "GLOSSARY_MAIL_RETRY_SECONDS",
                "0.2");
    }

    @Test
    void a_new_lead_is_posted_as_json_with_a_signature_the_receiver_can_check() throws Exception {
        try (var receiver = new Receiver()) {
            var app = apps.start(webhookTo(receiver));
            long before = Instant.now().getEpochSecond();
            long id = Inquiries.submit(Client.of(app), Map.of("phone", "+65 6123 4567"));

            var call = await("the webhook call")
                    .until(receiver::calls, calls -> !calls.isEmpty())
                    .get(0);

            assertThat(call.header("Content-Type")).isEqualTo("application/json");
            assertThat(call.header("Glossary-Event")).isEqualTo("lead.created");
            assertThat(call.header("Glossary-Delivery")).isEqualTo("inquiry-" + id + "-webhook@glossary.example.com");
            var signature = parse(call.header("Glossary-Signature"));
            long t = Long.parseLong(signature.get("t"));
            assertThat(t).isBetween(before, Instant.now().getEpochSecond());
            // As a receiver checks it: HMAC-SHA256 of "<t>.<body>" with the shared secret.
            assertThat(signature.get("v1")).isEqualTo(hmac(SECRET, t + "." + utf8(call.body())));
            assertThat(signature.get("v1")).isNotEqualTo(hmac("another secret", t + "." + utf8(call.body())));

            var body = JSON.readTree(call.body());
            assertThat(fieldNames(body))
                    .containsExactly(
                            "event",
                            "id",
                            "reference",
                            "received_at",
                            "name",
                            "email",
                            "company",
                            "phone",
                            "term_slug",
                            "term_title",
                            "message",
                            "admin_url",
                            "language");
            assertThat(body.get("event").asText()).isEqualTo("lead.created");
            assertThat(body.get("id").asLong()).isEqualTo(id);
            assertThat(body.get("reference").asText()).isEqualTo(Inquiries.reference(app, id));
            assertThat(body.get("received_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(body.get("name").asText()).isEqualTo("Siti Rahman");
            assertThat(body.get("email").asText()).isEqualTo("siti@example.com.my");
            assertThat(body.get("company").asText()).isEqualTo("Kedai Data Sdn Bhd");
            assertThat(body.get("phone").asText()).isEqualTo("+65 6123 4567");
            assertThat(body.get("term_slug").asText()).isEqualTo("retrieval-augmented-generation");
            assertThat(body.get("term_title").asText()).isEqualTo("Retrieval-Augmented Generation");
            assertThat(body.get("message").asText()).startsWith("We want to use retrieval-augmented generation");
            assertThat(body.get("admin_url").asText()).isEqualTo("https://glossary.example.com/admin/leads/" + id);
            assertThat(body.get("language").asText()).isEqualTo("en");

            await("the call marked sent").until(() -> webhookRow(app, id).status() == Outbox.Status.SENT);
            var lead = StaffClient.signedIn(app).page("/admin/leads/" + id);
            assertThat(lead.select("tr.msg-webhook td").first().text()).startsWith("Webhook call");
            assertThat(lead.select("tr.msg-webhook .msg-status").text()).startsWith("sent");
        }
    }

    @Test
    void a_failing_endpoint_is_retried_through_the_outbox_until_it_recovers() throws Exception {
        try (var receiver = new Receiver()) {
            receiver.answer(500);
            var app = apps.start(webhookTo(receiver));
            long id = Inquiries.submit(Client.of(app), Map.of());

            await("two refused calls").until(() -> receiver.calls().size() >= 2);
            var failing = StaffClient.signedIn(app).page("/admin/leads/" + id);
            assertThat(failing.select("tr.msg-webhook .msg-problem").text())
                    .startsWith("The webhook endpoint did not take the call (HTTP 500).");
            assertThat(webhookRow(app, id).status()).isNotEqualTo(Outbox.Status.SENT);

            receiver.answer(204);
            await("the call marked sent").until(() -> webhookRow(app, id).status() == Outbox.Status.SENT);
            var calls = receiver.calls();
            assertThat(calls).hasSizeGreaterThanOrEqualTo(3);
            assertThat(calls.stream().map(Receiver.Call::answered).filter(code -> code == 204))
                    .hasSize(1);
            assertThat(calls.stream().map(c -> c.header("Glossary-Delivery")).distinct())
                    .containsExactly("inquiry-" + id + "-webhook@glossary.example.com");
            assertThat(webhookRow(app, id).attempts()).isEqualTo(calls.size());
            var recovered = StaffClient.signedIn(app).page("/admin/leads/" + id);
            assertThat(recovered.select("tr.msg-webhook .msg-status").text()).startsWith("sent");
            assertThat(recovered.select("tr.msg-webhook .msg-problem").text()).isEmpty();
        }
    }

    @Test
    void an_endpoint_that_keeps_failing_is_given_up_after_the_attempts_mail_gets() throws Exception {
        try (var receiver = new Receiver()) {
            receiver.answer(503);
            var settings = new LinkedHashMap<>(webhookTo(receiver));
            settings.put("GLOSSARY_MAIL_MAX_ATTEMPTS", "3");
            var app = apps.start(settings);
            long id = Inquiries.submit(Client.of(app), Map.of());

            await("the call given up").until(() -> webhookRow(app, id).status() == Outbox.Status.FAILED);
            assertThat(receiver.calls()).hasSize(3);
            assertThat(webhookRow(app, id).lastError()).contains("HTTP 503");
            var outbox = StaffClient.signedIn(app).page("/admin/outbox");
            assertThat(outbox.select("td:contains(Webhook call)")).hasSize(1);
        }
    }

    @Test
    void a_spam_lead_is_not_sent_and_a_lead_released_from_spam_is_sent_once() throws Exception {
        try (var receiver = new Receiver()) {
            var app = apps.start(webhookTo(receiver));
            var visitor = Client.of(app);
            long spam = Inquiries.submit(visitor, Map.of("company", "Held Co", "website", "filled by a bot"));
            long real = Inquiries.submit(visitor, Map.of("company", "Real Co"));

            await("the real lead's call").until(() -> webhookRow(app, real).status() == Outbox.Status.SENT);
            assertThat(ids(receiver)).containsExactly(real);
            assertThat(webhookRow(app, spam).status()).isEqualTo(Outbox.Status.HELD);

            var staff = StaffClient.signedIn(app);
            assertThat(staff.act("/admin/leads/" + spam + "/status", Map.of("status", "new"))
                            .statusCode())
                    .isEqualTo(303);
            await("the released lead's call").until(() -> ids(receiver).size() == 2);
            var released = receiver.calls().get(1);
            assertThat(released.header("Glossary-Event")).isEqualTo("lead.released");
            assertThat(JSON.readTree(released.body()).get("company").asText()).isEqualTo("Held Co");
            await("the released call marked sent")
                    .until(() -> webhookRow(app, spam).status() == Outbox.Status.SENT);

            // Marked spam and released again: what was sent is not sent twice.
            staff.act("/admin/leads/" + spam + "/status", Map.of("status", "spam"));
            staff.act("/admin/leads/" + spam + "/status", Map.of("status", "new"));
            Await.holdsFor(
                    Duration.ofSeconds(1),
                    "no second call",
                    () -> assertThat(ids(receiver)).containsExactly(real, spam));
            assertThat(Inquiries.outbox(app, spam).stream().filter(e -> e.kind().equals("webhook")))
                    .hasSize(1);
        }
    }

    @Test
    void the_settings_refuse_a_url_without_a_secret_and_plain_http_beyond_this_machine() {
        assertThat(Config.from(Map.of()).webhook().enabled()).isFalse();
        var https = Config.from(Map.of(
                        "GLOSSARY_WEBHOOK_URL",
                        "https://crm.example.com/hooks/glossary",
                        "GLOSSARY_WEBHOOK_SECRET",
                        SECRET))
                .webhook();
        assertThat(https.enabled()).isTrue();
        assertThat(https.toString()).doesNotContain(SECRET);
        for (var local : List.of("http://localhost:8080/hook", "http://127.0.0.1/hook")) {
            assertThat(Config.from(Map.of("GLOSSARY_WEBHOOK_URL", local, "GLOSSARY_WEBHOOK_SECRET", SECRET))
                            .webhook()
                            .enabled())
                    .isTrue();
        }
        assertThatThrownBy(() -> Config.from(Map.of("GLOSSARY_WEBHOOK_URL", "https://crm.example.com/hook")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GLOSSARY_WEBHOOK_SECRET is not");
        for (var refused :
                List.of("http://crm.example.com/hook", "ftp://crm.example.com/hook", "https:///hook", "crm")) {
            assertThatThrownBy(() ->
                            Config.from(Map.of("GLOSSARY_WEBHOOK_URL", refused, "GLOSSARY_WEBHOOK_SECRET", SECRET)))
                    .as(refused)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("GLOSSARY_WEBHOOK_URL must be an https:// URL");
        }
        assertThatThrownBy(() -> Config.from(Map.of(
                        "GLOSSARY_WEBHOOK_URL", "https://crm.example.com/hook", "GLOSSARY_WEBHOOK_SECRET", "short")))
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> Config.from(Map.of("GLOSSARY_WEBHOOK_SECRET", SECRET)))
                .hasMessageContaining("GLOSSARY_WEBHOOK_URL is not");
    }

    private static Outbox.Entry webhookRow(TestApp app, long id) {
        return Inquiries.outbox(app, id).stream()
                .filter(e -> e.kind().equals("webhook"))
                .findFirst()
                .orElseThrow();
    }

    private static List<Long> ids(Receiver receiver) throws Exception {
        var ids = new ArrayList<Long>();
        for (var call : receiver.calls()) {
            ids.add(JSON.readTree(call.body()).get("id").asLong());
        }
        return ids;
    }

    private static Map<String, String> parse(String header) {
        var parts = new LinkedHashMap<String, String>();
        for (var part : header.split(",")) {
            var pair = part.split("=", 2);
            parts.put(pair[0], pair[1]);
        }
        assertThat(parts.keySet()).containsExactly("t", "v1");
        return parts;
    }

    private static String hmac(String secret, String signed) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
