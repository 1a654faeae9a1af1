package glossary.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossary.inquiry.Inquiry;
import glossary.inquiry.InquiryRepository;
import glossary.mail.Courier;
import glossary.term.TermCatalog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends each new lead where the firm works (a CRM, Zapier, Slack through a relay): a JSON POST to
 * GLOSSARY_WEBHOOK_URL, signed as Stripe signs its webhooks. Rows of kind {@link #KIND} are queued
 * with the inquiry's mail, held while it is marked spam, and delivered by the outbox worker
 * through this courier with the same retries as mail. The payload is composed when it is sent, so
 * an erased lead is never sent (its row is cancelled) and nothing personal waits in the outbox.
 */
public final class Webhook implements Courier {
    public static final String KIND = "webhook";
    /** A lead that arrived and was not taken for spam. */
    public static final String CREATED = "lead.created";
    /** A lead the spam checks held on arrival, sent once a person marked it not spam. */
    public static final String RELEASED = "lead.released";

    static final String SIGNATURE_HEADER = "Glossary-Signature";
    static final String DELIVERY_HEADER = "Glossary-Delivery";
    static final String EVENT_HEADER = "Glossary-Event";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The endpoint did not take the call: any answer but 2xx. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final WebhookSettings settings;
    private final InquiryRepository inquiries;
    private final TermCatalog catalog;
    private final String baseUrl;
    private final Clock clock;
    private final HttpClient http;

    public Webhook(
            WebhookSettings settings, InquiryRepository inquiries, TermCatalog catalog, String baseUrl, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("no GLOSSARY_WEBHOOK_URL");
        }
        this.settings = settings;
        this.inquiries = inquiries;
        this.catalog = catalog;
        this.baseUrl = baseUrl;
        this.clock = clock;
        // HTTP/1.1: what every receiver speaks; redirects are not followed (a 3xx is not a delivery).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void deliver(Long inquiryId, String deliveryId) throws Exception {
        var inquiry = inquiries
                .find(inquiryId)
                .orElseThrow(() -> new IllegalStateException("inquiry " + inquiryId + " no longer exists"));
        var event = event(inquiry);
        var body = payload(inquiry, event);
        long t = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(settings.url().orElseThrow())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Glossary-Webhook/1")
                .header(EVENT_HEADER, event)
                .header(DELIVERY_HEADER, deliveryId(deliveryId))
                .header(SIGNATURE_HEADER, signatureHeader(settings.secret(), t, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new Refused("the endpoint answered HTTP " + response.statusCode());
        }
    }

    /** Released when the spam checks had flagged it on arrival: it reaches the receiver only now. */
    static String event(Inquiry inquiry) {
        return inquiry.spamReason() == null ? CREATED : RELEASED;
    }

    /** The body, with its fields always in this order (see the README's webhook section). */
    byte[] payload(Inquiry inquiry, String event) {
        var form = inquiry.form();
        var term = form.term().isEmpty() ? null : form.term();
        var title = term == null
                ? null
                : catalog.entry(term).map(e -> e.term().title()).orElse(term);
        var json = new LinkedHashMap<String, Object>();
        json.put("event", event);
        json.put("id", inquiry.id());
        json.put("reference", inquiry.reference());
        json.put(
                "received_at",
                UTC_SECONDS.format(inquiry.createdAt()
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)));
        json.put("name", form.name());
        json.put("email", form.email());
        json.put("company", form.company());
        json.put("phone", form.phone().isEmpty() ? null : form.phone());
        json.put("term_slug", term);
        json.put("term_title", title);
        json.put("message", form.message());
        json.put("admin_url", baseUrl + "/admin/leads/" + inquiry.id());
        json.put("language", inquiry.language().tag());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox's id without its angle brackets: unique per lead, the same on every retry. */
    static String deliveryId(String messageId) {
        return messageId.replaceAll("^<|>$", "");
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, as Stripe's Stripe-Signature. */
    static String signatureHeader(String secret, long t, byte[] body) {
        return "t=" + t + ",v1=" + sign(secret, t, body);
    }

    static String sign(String secret, long t, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
