package glossary.inquiry;

import glossary.mail.OutgoingMessage;
import glossary.mail.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** Inquiries in the database, each stored together with the messages it causes. */
public final class InquiryRepository {
    /** What a submission adds: the form, where it came from, and why it is spam, if it is. */
    record Submission(InquiryForm form, String clientIp, String userAgent, String spamReason) {}

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;

    public InquiryRepository(Jdbi jdbi, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores the inquiry and its messages in one transaction: either both are there or neither is.
     * Messages of a spam inquiry are stored as held, not sent.
     */
    Inquiry store(Submission submission, Function<Inquiry, List<OutgoingMessage>> messages) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var form = submission.form();
        var status = submission.spamReason() == null ? "new" : "spam";
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO inquiry (created_at, name, email, company, job_role, country, phone, message, "
                            + "timeline, term_slug, page, referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content, "
                            + "client_ip, user_agent, status, spam_reason) VALUES (:now, :name, :email, :company, :role, :country, "
                            + ":phone, :message, :timeline, :term, :page, :referrer, :utmSource, :utmMedium, :utmCampaign, "
                            + ":utmTerm, :utmContent, :ip, :agent, :status, :reason)")
                    .bind("now", now)
                    .bind("name", form.name())
                    .bind("email", form.email())
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
                    .bind("status", status)
                    .bind("reason", submission.spamReason())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            var inquiry = new Inquiry(id, now, form, submission.clientIp(), status, submission.spamReason());
            for (var message : messages.apply(inquiry)) {
                outbox.enqueue(h, id, message, submission.spamReason() != null);
            }
            return inquiry;
        });
    }

    /** How many inquiries arrived from this client within the window: the rate limit, shared by all instances. */
    int recentFrom(String clientIp, Duration window) {
        var since = OffsetDateTime.ofInstant(clock.instant().minus(window), ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inquiry WHERE client_ip = :ip AND created_at > :since")
                .bind("ip", clientIp).bind("since", since).mapTo(Integer.class).one());
    }

    public Optional<Inquiry> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inquiry WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Inquiry(
                        rs.getLong("id"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        new InquiryForm(rs.getString("name"), rs.getString("email"), rs.getString("company"),
                                nullToEmpty(rs.getString("job_role")), rs.getString("country"), nullToEmpty(rs.getString("phone")),
                                rs.getString("message"), nullToEmpty(rs.getString("timeline")), true,
                                nullToEmpty(rs.getString("term_slug")), nullToEmpty(rs.getString("page")),
                                nullToEmpty(rs.getString("referrer")), nullToEmpty(rs.getString("utm_source")),
                                nullToEmpty(rs.getString("utm_medium")), nullToEmpty(rs.getString("utm_campaign")),
                                nullToEmpty(rs.getString("utm_term")), nullToEmpty(rs.getString("utm_content"))),
                        rs.getString("client_ip"), rs.getString("status"), rs.getString("spam_reason")))
                .findOne());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inquiry").mapTo(Long.class).one());
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
