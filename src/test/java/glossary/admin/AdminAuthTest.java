package glossary.admin;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import glossary.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in, sessions, throttling and CSRF for the admin area. Tests that lock an account or the
 * test's own address, or change the password, start an app of their own.
 */
class AdminAuthTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass().env(StaffClient.ENV);

    private static final String EMAIL = StaffClient.EMAIL;
    private static final String PASSWORD = StaffClient.PASSWORD;
    private static final Map<String, String> BEHIND_PROXY = Map.of("GLOSSARY_TRUSTED_PROXIES", "127.0.0.1,::1");
    private static final String HER_ADDRESS = "203.0.113.7";

    @Test
    void every_admin_route_needs_a_signed_in_staff_member(TestApp app, Client visitor) {
        long id = Inquiries.submit(visitor, Map.of());
        var anonymous = StaffClient.of(app);
        int checked = 0;
        for (var endpoint : app.app.unsafe.internalRouter.allHttpHandlers()) {
            var path = endpoint.endpoint.path;
            if (!path.startsWith("/admin") || path.equals("/admin/login")) {
                continue;
            }
            var concrete = path.replace("{id}", String.valueOf(id));
            var method = endpoint.endpoint.method.name();
            if (method.equals("GET")) {
                var response = anonymous.get(concrete);
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(303);
                assertThat(response.headers().firstValue("Location"))
                        .as(path)
                        .hasValue(
                                concrete.equals("/admin")
                                        ? "/admin/login"
                                        : "/admin/login?next="
                                                + java.net.URLEncoder.encode(concrete, StandardCharsets.UTF_8));
            } else if (method.equals("POST")) {
                assertThat(anonymous
                                .post(concrete, Map.of("status", "contacted", "note", "x", "confirm", "ERASE"))
                                .statusCode())
                        .as(method + " " + path)
                        .isEqualTo(403);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(13);
        assertThat(Inquiries.status(app, id)).isEqualTo("new"); // nothing changed
    }

    @Test
    void signing_in_gives_a_new_session_id_in_a_safe_cookie(TestApp app) {
        var client = StaffClient.of(app);
        client.cookie(StaffAuth.COOKIE, "attacker-chosen-session-id");
        var response = client.signIn(EMAIL, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        var setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(StaffAuth.COOKIE))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie)
                .doesNotContain("attacker-chosen-session-id")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Secure")
                .contains("Path=/admin");
        assertThat(client.get("/admin").statusCode()).isEqualTo(200);

        var again = StaffClient.of(app);
        var session = client.cookie(StaffAuth.COOKIE).orElseThrow();
        again.cookie(StaffAuth.COOKIE, session);
        again.signIn(EMAIL, PASSWORD);
        assertThat(again.cookie(StaffAuth.COOKIE).orElseThrow()).isNotEqualTo(session);
        assertThat(client.get("/admin").statusCode())
                .as("the old session ended at the new sign-in")
                .isEqualTo(303);
    }

    @Test
    void a_failed_sign_in_does_not_say_whether_the_account_exists(TestApp app) {
        var wrongPassword = StaffClient.of(app).signIn(EMAIL, "not the password at all");
        var noAccount = StaffClient.of(app).signIn("nobody@firm.example", "not the password at all");
        assertThat(wrongPassword.statusCode()).isEqualTo(noAccount.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(wrongPassword.body()).select(".error-summary").text())
                .isEqualTo(
                        Jsoup.parse(noAccount.body()).select(".error-summary").text());
    }

    @Test
    void repeated_failures_lock_the_account_whatever_x_forwarded_for_says() {
        var client = StaffClient.of(apps.start(Map.of()));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            client.signIn(EMAIL, "wrong password " + i, "X-Forwarded-For", "198.51.100." + i);
        }
        var locked = client.signIn(EMAIL, PASSWORD, "X-Forwarded-For", "203.0.113.99");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(client.get("/admin").statusCode()).isEqualTo(303);
    }

    /**
     * Issue 11, item 7: strangers pacing wrong passwords for her email from ever new addresses must
     * not lock the real person out of the browser she signed in from before (OWASP device cookies).
     */
    @Test
    void strangers_guessing_from_many_addresses_do_not_lock_out_a_browser_that_signed_in_before() {
        var clock = new TestClock();
        var app = apps.start(BEHIND_PROXY, clock);
        var hers = StaffClient.of(app);
        var first = hers.signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith(DeviceCookies.COOKIE + "="))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/admin", "Max-Age=31536000");

        lockTheAccountFromManyAddresses(app, clock, EMAIL);

        assertThat(StaffClient.of(app)
                        .signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS)
                        .statusCode())
                .as("a browser that never signed in is throttled per account, whatever its address")
                .isEqualTo(429);
        assertThat(hers.signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS).statusCode())
                .as("her own browser is not")
                .isEqualTo(303);
        assertThat(hers.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void a_device_cookie_signed_for_another_account_or_forged_gives_no_exemption() {
        var clock = new TestClock();
        var app = apps.start(BEHIND_PROXY, clock);
        var colleague = "colleague@firm.example";
        var colleaguePassword = "a different and long passphrase";
        new Staff(app.database.jdbi(), clock).add(colleague, colleaguePassword);
        var hers = StaffClient.of(app).signedIn();
        var device = hers.cookie(DeviceCookies.COOKIE).orElseThrow();

        lockTheAccountFromManyAddresses(app, clock, colleague);
        assertThat(hers.signIn(colleague, colleaguePassword, "X-Forwarded-For", HER_ADDRESS)
                        .statusCode())
                .as("her browser is known for her account, not for her colleague's")
                .isEqualTo(429);

        lockTheAccountFromManyAddresses(app, clock, EMAIL);
        var id = device.substring(0, device.indexOf('.'));
        for (var forged : List.of(id + ".", id + "." + "A".repeat(43), "x" + device, "garbage")) {
            var forger = StaffClient.of(app);
            forger.cookie(DeviceCookies.COOKIE, forged);
            assertThat(forger.signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS)
                            .statusCode())
                    .as(forged)
                    .isEqualTo(429);
        }
        assertThat(hers.signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS).statusCode())
                .isEqualTo(303);
    }

    /** A stolen device cookie must not give endless guesses: its own budget runs out, then it is a stranger. */
    @Test
    void a_known_browser_over_its_own_budget_is_throttled() {
        var clock = new TestClock();
        var app = apps.start(BEHIND_PROXY, clock);
        var hers = StaffClient.of(app);
        assertThat(hers.signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS).statusCode())
                .isEqualTo(303);
        lockTheAccountFromManyAddresses(app, clock, EMAIL);
        for (int i = 0; i < LoginThrottle.DEVICE_FAILURES; i++) {
            assertThat(hers.signIn(EMAIL, "a typo " + i, "X-Forwarded-For", HER_ADDRESS)
                            .statusCode())
                    .as("typo " + i)
                    .isEqualTo(401);
        }
        assertThat(hers.signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS).statusCode())
                .isEqualTo(429);

        clock.advance(Duration.ofMinutes(16)); // every lock has ended
        assertThat(hers.signIn(EMAIL, PASSWORD, "X-Forwarded-For", HER_ADDRESS).statusCode())
                .isEqualTo(303);
    }

    /** Strangers guess, paced so that every guess counts, from a new address each time. */
    private static void lockTheAccountFromManyAddresses(TestApp app, TestClock clock, String email) {
        var strangers = StaffClient.of(app);
        for (int i = 0; i < 2 * LoginThrottle.FREE_FAILURES + 2; i++) {
            clock.advance(Duration.ofMinutes(1)); // longer than any lock so far
            assertThat(strangers
                            .signIn(email, "wrong password " + i, "X-Forwarded-For", "198.51.100." + i)
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void guessing_across_accounts_from_one_address_is_throttled_too() {
        var client = StaffClient.of(apps.start(Map.of()));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            client.signIn("guess" + i + "@firm.example", "wrong password");
        }
        assertThat(client.signIn(EMAIL, PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void a_change_without_the_session_csrf_token_is_refused(Client visitor, StaffClient staff) {
        long id = Inquiries.submit(visitor, Map.of());
        assertThat(staff.post("/admin/leads/" + id + "/notes", Map.of("note", "no token"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.post("/admin/leads/" + id + "/notes", Map.of("note", "wrong token", "csrf", "forged"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.act("/admin/leads/" + id + "/notes", Map.of("note", "right token"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(staff.page("/admin/leads/" + id).select(".note-body").eachText())
                .containsExactly("right token");
    }

    /** Login CSRF: a page on another site must not sign the visitor's browser in to an account. */
    @Test
    void a_sign_in_posted_from_another_site_is_refused(TestApp app) {
        var attacker = StaffClient.of(app);
        var token = attacker.page("/admin/login").select("input[name=token]").attr("value");
        var fields = Map.of("token", token, "email", EMAIL, "password", PASSWORD);
        var crossSite = attacker.post("/admin/login", fields, "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(StaffAuth.COOKIE + "="));
        var fromReferrer = attacker.post("/admin/login", fields, "Referer", "https://evil.example/login.html");
        assertThat(fromReferrer.statusCode()).isEqualTo(403);
    }

    @Test
    void signing_out_ends_the_session(StaffClient staff) {
        assertThat(staff.act("/admin/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(staff.get("/admin").statusCode()).isEqualTo(303);
    }

    /** What an attacker tries first is refused, and the person is told why (NIST SP 800-63B). */
    @Test
    void guessable_passwords_the_email_and_the_current_password_are_refused_with_a_reason() {
        var email = "siti@firm.example";
        var current = "correct horse battery staple 42";
        for (var weak : List.of(
                " ".repeat(12), "aaaaaaaaaaaa", "123456789012", "iloveyou1234", email, "SITI@firm.example", current)) {
            assertThat(Passwords.problem(weak, email, current))
                    .as("[" + weak + "]")
                    .isPresent();
        }
        assertThat(Passwords.problem(current, email, current))
                .hasValueSatisfying(p -> assertThat(p).contains("current"));
        assertThat(Passwords.problem(email, email, current))
                .hasValueSatisfying(p -> assertThat(p).contains("email"));
        assertThat(Passwords.problem("iloveyou1234", email, current))
                .hasValueSatisfying(p -> assertThat(p).contains("guess"));
        assertThat(Passwords.problem("mosaic lantern quay thunder", email, current))
                .isEmpty();
    }

    @Test
    void passwords_must_be_long_uncommon_and_may_be_long() {
        assertThat(Passwords.problem("short", "staff@firm.example", null)).isPresent();
        assertThat(Passwords.problem("password1234", "staff@firm.example", null))
                .hasValueSatisfying(p -> assertThat(p).contains("common"));
        assertThat(Passwords.problem("a".repeat(129), "staff@firm.example", null))
                .isPresent();
        var longest = "ǅungle räven " + "mosaic lantern quay ".repeat(6).substring(0, 115);
        assertThat(longest.codePointCount(0, longest.length())).isEqualTo(128);
        assertThat(Passwords.problem(longest, "staff@firm.example", null)).isEmpty();
        assertThat(Passwords.matches(longest, Passwords.hash(longest))).isTrue();
        assertThat(Passwords.matches(longest.substring(1) + "x", Passwords.hash(longest)))
                .isFalse();
        assertThat(Passwords.hash("the same input twice"))
                .startsWith("$argon2id$")
                .isNotEqualTo(Passwords.hash("the same input twice"));
    }

    @Test
    void a_member_changes_their_password_and_other_sessions_end() {
        var own = apps.start(Map.of());
        var here = StaffClient.signedIn(own);
        var elsewhere = StaffClient.signedIn(own);
        var tooShort = here.act("/admin/password", Map.of("current", PASSWORD, "password", "short", "repeat", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        var next = "a much longer passphrase for the firm";
        assertThat(here.act("/admin/password", Map.of("current", PASSWORD, "password", next, "repeat", next))
                        .statusCode())
                .isEqualTo(303);
        assertThat(here.get("/admin").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/admin").statusCode()).isEqualTo(303);
        assertThat(StaffClient.of(own).signIn(EMAIL, next).statusCode()).isEqualTo(303);
    }

    @Test
    void the_staff_command_adds_an_account_with_the_password_from_standard_input() {
        var database = apps.database();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(StaffCommand.run(new String[] {"staff", "add", "new@firm.example"}, () -> staffStore(database)))
                    .isEqualTo(1);
            System.setIn(new ByteArrayInputStream("a long and unusual passphrase\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(StaffCommand.run(new String[] {"staff", "add", "new@firm.example"}, () -> staffStore(database)))
                    .isZero();
        } finally {
            System.setIn(stdin);
        }
        var own = apps.start(database.env());
        assertThat(StaffClient.of(own)
                        .signIn("new@firm.example", "a long and unusual passphrase")
                        .statusCode())
                .isEqualTo(303);
    }

    /** What Main hands the staff command: the accounts in this database, closed after the command. */
    private static StaffCommand.Store staffStore(glossary.TestDatabase db) {
        var database = glossary.Database.migrateAndOpen(db.config());
        return new StaffCommand.Store() {
            @Override
            public Staff staff() {
                return new Staff(database.jdbi(), java.time.Clock.systemUTC());
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }
}
