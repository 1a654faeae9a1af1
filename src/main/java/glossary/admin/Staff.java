package glossary.admin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Staff accounts. */
public final class Staff {
    public record Member(long id, String email) {}

    private record Row(long id, String email, String passwordHash) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public Staff(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public long count() {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM staff").mapTo(Long.class).one());
    }

    /** Adds an account; the password must already have passed {@link Passwords#problem}. */
    public Member add(String email, String password) {
        var normalized = normalize(email);
        var now = OffsetDateTime.now(clock);
        long id = jdbi.withHandle(
                h -> h.createUpdate("INSERT INTO staff (email, password_hash, created_at, password_changed_at) "
                                + "VALUES (:email, :hash, :now, :now)")
                        .bind("email", normalized)
                        .bind("hash", Passwords.hash(password))
                        .bind("now", now)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
        return new Member(id, normalized);
    }

    /** The member whose email and password these are. Hashes even for unknown emails, so timing tells nothing. */
    public Optional<Member> authenticate(String email, String password) {
        var row = jdbi.withHandle(h -> h.createQuery("SELECT id, email, password_hash FROM staff WHERE email = :email")
                .bind("email", normalize(email))
                .map(ConstructorMapper.of(Row.class))
                .findOne());
        if (row.isEmpty()) {
            Passwords.matches(password, Dummy.HASH);
            return Optional.empty();
        }
        return Passwords.matches(password, row.get().passwordHash())
                ? Optional.of(new Member(row.get().id(), row.get().email()))
                : Optional.empty();
    }

    /** Built on the first sign-in, not at every start: an Argon2id hash costs a noticeable moment. */
    private static final class Dummy {
        static final String HASH = Passwords.hash("not a real password, only for timing");
    }

    public boolean checkPassword(long id, String password) {
        var hash = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM staff WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
        return hash.isPresent() && Passwords.matches(password, hash.get());
    }

    public void changePassword(long id, String password) {
        jdbi.useHandle(
                h -> h.createUpdate("UPDATE staff SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
                        .bind("hash", Passwords.hash(password))
                        .bind("now", OffsetDateTime.now(clock))
                        .bind("id", id)
                        .execute());
    }

    public List<Member> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, email FROM staff ORDER BY email")
                .map(ConstructorMapper.of(Member.class))
                .list());
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
