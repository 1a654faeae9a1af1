package glossary.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff sessions kept in the database: a random id in the cookie, its SHA-256 in the table, a CSRF
 * token per session, 30 minutes idle and 12 hours in all.
 */
public final class Sessions {
    public record Session(String idHash, long staffId, String email, String csrfToken) {}

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    /** last_seen_at is written at most this often, so browsing does not mean a write per click. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Starts a new session and returns the id for the cookie; an id is never reused. */
    public String start(long staffId) {
        var id = randomToken();
        var now = OffsetDateTime.now(clock);
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO staff_session (id_hash, staff_id, csrf_token, created_at, last_seen_at) "
                                + "VALUES (:id, :staff, :csrf, :now, :now)")
                .bind("id", hash(id))
                .bind("staff", staffId)
                .bind("csrf", randomToken())
                .bind("now", now)
                .execute());
        return id;
    }

    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        var idHash = hash(id);
        var now = OffsetDateTime.now(clock);
        record Row(Session session, OffsetDateTime created, OffsetDateTime lastSeen) {}
        var row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT s.id_hash, s.staff_id, st.email, s.csrf_token, s.created_at, s.last_seen_at "
                                + "FROM staff_session s JOIN staff st ON st.id = s.staff_id WHERE s.id_hash = :id")
                .bind("id", idHash)
                .map((rs, ctx) -> new Row(
                        new Session(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class)))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (now.isAfter(row.get().lastSeen().plus(IDLE))
                || now.isAfter(row.get().created().plus(ABSOLUTE))) {
            end(idHash);
            return Optional.empty();
        }
        if (now.isAfter(row.get().lastSeen().plus(TOUCH_EVERY))) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE staff_session SET last_seen_at = :now WHERE id_hash = :id")
                    .bind("now", now)
                    .bind("id", idHash)
                    .execute());
        }
        return Optional.of(row.get().session());
    }

    public void end(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM staff_session WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
    }

    /** Signs a member out everywhere but here, e.g. after a password change. */
    public void endOthers(long staffId, String keepIdHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM staff_session WHERE staff_id = :staff AND id_hash <> :keep")
                .bind("staff", staffId)
                .bind("keep", keepIdHash)
                .execute());
    }

    private String randomToken() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String id) {
        return DigestUtils.sha256Hex(id);
    }
}
