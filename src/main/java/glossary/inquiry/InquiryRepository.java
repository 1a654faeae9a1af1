package glossary.inquiry;

import glossary.mail.Outbox;
import glossary.web.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Inquiries in the database, each stored together with the messages it causes. */
public final class InquiryRepository {
    /**
     * What a submission adds: the form, where it came from, why it is spam, if it is, and the nonce
     * of the form token it came with (null for none), which may bring one inquiry only.
     */
    /** @param language the language of the page the form was sent from */
    record Submission(
            InquiryForm form,
            String clientIp,
            String userAgent,
            String spamReason,
            String tokenNonce,
            Language language) {}

    /** An inquiry as the submission left it: stored now, or stored before from the same token and input. */
    record Stored(Inquiry inquiry, boolean repeated) {}

    static final String TOKEN_REUSED = "form token already used for another inquiry";

    static final int MAX_INDEXED_WORDS = 500;

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final java.util.function.BiFunction<Long, String, String> messageIds;
    private final Clock clock;

    /** @param messageIds the Message-ID of an inquiry's message of a kind, the same every time it is asked */
    public InquiryRepository(
            Jdbi jdbi, Outbox outbox, java.util.function.BiFunction<Long, String, String> messageIds, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.clock = clock;
    }

    /** How the rate limit is applied while storing: at most this many per client within the window. */
    public record RateLimit(int perClient, Duration window) {}

    /**
     * Stores a batch of inquiries and their messages in one transaction: each inquiry is there with
     * all its messages, or the whole batch is not. The rate limit is counted here, in the same
     * transaction, so it is exact however many requests arrive at once. Messages of spam are held.
     */
    List<Stored> storeAll(List<Submission> submissions, RateLimit limit, List<String> messageKinds) {
        return jdbi.inTransaction(h -> {
            var stored = new java.util.ArrayList<Stored>();
            for (var submission : submissions) {
                var now = OffsetDateTime.now(clock);
                var reason = submission.spamReason();
                var fingerprint = fingerprint(submission.form());
                boolean claimed = false;
                if (submission.tokenNonce() != null) {
                    claimed = claim(h, submission.tokenNonce(), fingerprint, now);
                    if (!claimed) {
                        var first = firstUse(h, submission.tokenNonce(), fingerprint);
                        if (first.isPresent()) {
                            stored.add(new Stored(first.get(), true));
                            continue;
                        }
                        reason = TOKEN_REUSED;
                    }
                }
                if (reason == null) {
                    int recent = recentFrom(h, submission.clientIp(), now.minus(limit.window()), limit.perClient());
                    if (recent >= limit.perClient()) {
                        reason = "rate limit: " + recent + " recent inquiries from this client";
                    }
                }
                var inquiry = insert(h, submission, reason, now);
                if (claimed) {
                    h.createUpdate("UPDATE form_token_use SET inquiry_id = :id WHERE nonce = :nonce")
                            .bind("id", inquiry.id())
                            .bind("nonce", submission.tokenNonce())
                            .execute();
                }
                for (var kind : messageKinds) {
                    outbox.enqueue(h, inquiry.id(), kind, messageIds.apply(inquiry.id(), kind), reason != null);
                }
                stored.add(new Stored(inquiry, false));
            }
            return stored;
        });
    }

    /**
     * Marks the token used, unless it already is. When another transaction holds the same nonce
     * uncommitted, the database makes this wait for its outcome, so two instances cannot both win.
     */
    private static boolean claim(Handle h, String nonce, String fingerprint, OffsetDateTime now) {
        return h.createUpdate("INSERT INTO form_token_use (nonce, fingerprint, created_at) "
                                + "VALUES (:nonce, :fingerprint, :now) ON CONFLICT DO NOTHING")
                        .bind("nonce", nonce)
                        .bind("fingerprint", fingerprint)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /** The inquiry the token brought before, when this is the same submission again. */
    private static Optional<Inquiry> firstUse(Handle h, String nonce, String fingerprint) {
        var inquiryId = h.createQuery(
                        "SELECT inquiry_id FROM form_token_use WHERE nonce = :nonce AND fingerprint = :fingerprint")
                .bind("nonce", nonce)
                .bind("fingerprint", fingerprint)
                .mapTo(Long.class)
                .findOne();
        return inquiryId.flatMap(id -> find(h, id));
    }

    /** What was sent, as a hash: tells a repeat of one submission from another one sent with the same token. */
    private static String fingerprint(InquiryForm form) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(form.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Inquiry insert(Handle h, Submission submission, String reason, OffsetDateTime now) {
        var form = submission.form();
        var status = reason == null ? LeadStatus.NEW : LeadStatus.SPAM;
        long id = h.createUpdate(
                        "INSERT INTO inquiry (created_at, name, email, email_key, company, job_role, country, phone, message, "
                                + "timeline, term_slug, page, referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content, "
                                + "client_ip, user_agent, status, spam_reason, language) VALUES (:now, :name, :email, :emailKey, :company, :role, :country, "
                                + ":phone, :message, :timeline, :term, :page, :referrer, :utmSource, :utmMedium, :utmCampaign, "
                                + ":utmTerm, :utmContent, :ip, :agent, :status, :reason, :language)")
                .bind("now", now)
                .bind("name", form.name())
                .bind("email", form.email())
                .bind("emailKey", emailKey(form.email()))
                .bind("company", form.company())
                .bind("role", emptyToNull(form.role()))
                .bind("country", form.country())
                .bind("phone", emptyToNull(form.phone()))
                .bind("message", form.message())
                .bind("timeline", emptyToNull(form.timeline()))
                .bind("term", emptyToNull(form.term()))
                .bind("page", emptyToNull(form.page()))
                .bind("referrer", emptyToNull(form.referrer()))
                .bind("utmSource", emptyToNull(form.utmSource()))
                .bind("utmMedium", emptyToNull(form.utmMedium()))
                .bind("utmCampaign", emptyToNull(form.utmCampaign()))
                .bind("utmTerm", emptyToNull(form.utmTerm()))
                .bind("utmContent", emptyToNull(form.utmContent()))
                .bind("ip", submission.clientIp())
                .bind("agent", clip(submission.userAgent(), 300))
                .bind("status", status.label())
                .bind("reason", reason)
                .bind("language", submission.language().tag())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        var words = h.prepareBatch("INSERT INTO inquiry_word (word, inquiry_id) VALUES (:word, :id)");
        int indexed = 0;
        for (var word : SearchWords.of(form.name(), form.email(), form.company(), form.message())) {
            if (indexed++ == MAX_INDEXED_WORDS) {
                break; // the name, email and company come first; a very long message is found by its start
            }
            words.bind("word", word).bind("id", id).add();
        }
        words.execute();
        return new Inquiry(id, now, form, submission.clientIp(), status, reason, submission.language());
    }

    /**
     * How many inquiries arrived from this client since a moment, counting no further than
     * {@code atMost}: the rate limit lives in the database so that every instance shares it.
     */
    private static int recentFrom(Handle h, String clientIp, OffsetDateTime since, int atMost) {
        return h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM inquiry WHERE client_ip = :ip "
                        + "AND created_at > :since LIMIT :atMost) recent")
                .bind("ip", clientIp)
                .bind("since", since)
                .bind("atMost", atMost)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Erases what a person told us, in the caller's transaction: what stays of the row is its id,
     * date, term and status, which say nothing about anyone.
     */
    public void erase(Handle handle, long id) {
        handle.createUpdate("UPDATE inquiry SET name = :erased, email = :erased, email_key = NULL, company = :erased, "
                        + "job_role = NULL, country = '--', phone = NULL, message = :erased, page = NULL, "
                        + "referrer = NULL, utm_source = NULL, utm_medium = NULL, utm_campaign = NULL, "
                        + "utm_term = NULL, utm_content = NULL, client_ip = '0.0.0.0', user_agent = NULL, "
                        + "spam_reason = NULL WHERE id = :id")
                .bind("erased", ERASED)
                .bind("id", id)
                .execute();
        handle.createUpdate("DELETE FROM inquiry_word WHERE inquiry_id = :id")
                .bind("id", id)
                .execute();
        handle.createUpdate("UPDATE form_token_use SET fingerprint = NULL WHERE inquiry_id = :id")
                .bind("id", id)
                .execute();
    }

    /** The email address as compared: one person whatever the case they typed it in. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** What an erased field reads. */
    public static final String ERASED = "[erased]";

    public Optional<Inquiry> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static Optional<Inquiry> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM inquiry WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Inquiry(
                        rs.getLong("id"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        new InquiryForm(
                                rs.getString("name"),
                                rs.getString("email"),
                                rs.getString("company"),
                                nullToEmpty(rs.getString("job_role")),
                                rs.getString("country"),
                                nullToEmpty(rs.getString("phone")),
                                rs.getString("message"),
                                nullToEmpty(rs.getString("timeline")),
                                true,
                                nullToEmpty(rs.getString("term_slug")),
                                nullToEmpty(rs.getString("page")),
                                nullToEmpty(rs.getString("referrer")),
                                nullToEmpty(rs.getString("utm_source")),
                                nullToEmpty(rs.getString("utm_medium")),
                                nullToEmpty(rs.getString("utm_campaign")),
                                nullToEmpty(rs.getString("utm_term")),
                                nullToEmpty(rs.getString("utm_content"))),
                        rs.getString("client_ip"),
                        LeadStatus.parse(rs.getString("status")).orElseThrow(),
                        rs.getString("spam_reason"),
                        Language.orDefault(rs.getString("language"))))
                .findOne();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
