package glossary.admin;

import glossary.web.CachedPage;
import glossary.web.ClientAddress;
import glossary.web.FormTokens;
import glossary.web.PageMeta;
import glossary.web.SameOrigin;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, sign-out and password change for staff, and the guard in front of every /admin route:
 * a valid session for every request, and the session's CSRF token for every change.
 */
public final class StaffAuth {
    private static final Logger log = LoggerFactory.getLogger(StaffAuth.class);
    static final String COOKIE = "glossary_admin";
    static final String SESSION = "staff-session";
    private static final String FAILED =
            "The email or password is not right, or there have been too many attempts. Wait a minute and try again.";

    public record LoginPage(PageMeta meta, String email, String error, String token, String next) {}

    public record PasswordPage(PageMeta meta, AdminPages.Nav nav, String error, boolean changed) {}

    private final Site site;
    private final Templates templates;
    private final Staff staff;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final DeviceCookies devices;
    private final FormTokens tokens;
    private final ClientAddress clients;
    private final boolean secureCookie;
    private final SameOrigin sameOrigin;
    private final AdminPages pages;

    public StaffAuth(
            Site site,
            Templates templates,
            Staff staff,
            Sessions sessions,
            LoginThrottle throttle,
            DeviceCookies devices,
            FormTokens tokens,
            ClientAddress clients,
            boolean secureCookie,
            SameOrigin sameOrigin,
            AdminPages pages) {
        this.site = site;
        this.templates = templates;
        this.staff = staff;
        this.sessions = sessions;
        this.throttle = throttle;
        this.devices = devices;
        this.tokens = tokens;
        this.clients = clients;
        this.secureCookie = secureCookie;
        this.sameOrigin = sameOrigin;
        this.pages = pages;
    }

    /** The handler, run only for a signed-in member and, for a change, with the session's CSRF token. */
    public Handler guarded(Handler handler) {
        return ctx -> {
            if (allowed(ctx)) {
                handler.handle(ctx);
            }
        };
    }

    private boolean allowed(Context ctx) {
        var session = sessions.find(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            if (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")) {
                ctx.redirect(ReturnPath.loginFor(ctx.path(), ctx.queryString()), HttpStatus.SEE_OTHER);
                return false;
            }
            ctx.body(); // read the (size-limited) body, so the connection can carry the client's next request
            throw new ForbiddenResponse("Not signed in");
        }
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            var sent = ctx.formParam("csrf");
            if (sent == null
                    || !MessageDigest.isEqual(
                            sent.getBytes(StandardCharsets.UTF_8),
                            session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenResponse("Missing or wrong CSRF token");
            }
        }
        ctx.header("Cache-Control", "no-store");
        ctx.attribute(SESSION, session.get());
        return true;
    }

    public static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    public void loginForm(Context ctx) {
        renderLogin(ctx, "", null, 200);
    }

    public void login(Context ctx) {
        sameOrigin.require(ctx); // a cross-site sign-in would put the browser in the attacker's account
        var check = tokens.check(FormTokens.Purpose.SIGN_IN, ctx.formParam("token"));
        if (check.verdict() == FormTokens.Verdict.INVALID) {
            throw new ForbiddenResponse("Invalid form token");
        }
        var email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
        var password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        var accountKey = "account:" + Staff.normalize(email);
        var clientKey = "client:" + clients.of(ctx);
        if (email.length() > 254 || password.length() > 1024) {
            renderLogin(ctx, "", FAILED, 422);
            return;
        }
        // A browser that signed in to this account before is throttled only on its own budget, so
        // strangers guessing can lock out unknown browsers but never hers; once over its budget, it
        // is treated as unknown.
        var deviceKey = devices.device(ctx.cookie(DeviceCookies.COOKIE), email).map(id -> "device:" + id);
        boolean known = deviceKey.isPresent() && !throttle.locked(deviceKey.get());
        if (!known && (throttle.locked(accountKey) || throttle.locked(clientKey))) {
            log.warn("Sign-in refused while throttled ({})", clientKey);
            renderLogin(ctx, email, FAILED, 429);
            return;
        }
        var member = staff.authenticate(email, password);
        if (member.isEmpty()) {
            if (known) {
                throttle.deviceFailed(deviceKey.get());
            } else {
                throttle.failed(accountKey);
                throttle.failed(clientKey);
            }
            log.info("Sign-in failed ({}, {} browser)", clientKey, known ? "known" : "unknown");
            renderLogin(ctx, email, FAILED, 401);
            return;
        }
        deviceKey.ifPresent(throttle::succeeded);
        if (!known) {
            throttle.succeeded(accountKey);
            throttle.succeeded(clientKey);
        }
        setDeviceCookie(ctx, devices.issue(email));
        var old = sessions.find(ctx.cookie(COOKIE));
        old.ifPresent(s -> sessions.end(s.idHash())); // never carry a session id over a sign-in
        setCookie(ctx, sessions.start(member.get().id()), Duration.ofHours(12));
        log.info("Staff member {} signed in", member.get().id());
        ctx.redirect(ReturnPath.safe(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        sessions.end(session(ctx).idHash());
        setCookie(ctx, "", Duration.ZERO);
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    public void passwordForm(Context ctx) {
        renderPassword(ctx, null, "yes".equals(ctx.queryParam("changed")), 200);
    }

    public void changePassword(Context ctx) {
        var session = session(ctx);
        var current = Optional.ofNullable(ctx.formParam("current")).orElse("");
        var next = Optional.ofNullable(ctx.formParam("password")).orElse("");
        var repeat = Optional.ofNullable(ctx.formParam("repeat")).orElse("");
        if (!staff.checkPassword(session.staffId(), current)) {
            renderPassword(ctx, "Your current password is not right.", false, 422);
            return;
        }
        var problem = Passwords.problem(next, session.email(), current);
        if (problem.isPresent()) {
            renderPassword(ctx, problem.get(), false, 422);
            return;
        }
        if (!next.equals(repeat)) {
            renderPassword(ctx, "The two new passwords differ.", false, 422);
            return;
        }
        staff.changePassword(session.staffId(), next);
        sessions.endOthers(session.staffId(), session.idHash());
        ctx.redirect("/admin/password?changed=yes", HttpStatus.SEE_OTHER);
    }

    private void setCookie(Context ctx, String value, Duration maxAge) {
        var cookie = new Cookie(COOKIE, value);
        cookie.setPath("/admin");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge((int) maxAge.toSeconds());
        ctx.cookie(cookie);
    }

    private void setDeviceCookie(Context ctx, String value) {
        var cookie = new Cookie(DeviceCookies.COOKIE, value);
        cookie.setPath("/admin");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setSameSite(SameSite.STRICT); // only the sign-in form, on our own site, needs it
        cookie.setMaxAge((int) DeviceCookies.LIFETIME.toSeconds());
        ctx.cookie(cookie);
    }

    private void renderLogin(Context ctx, String email, String error, int status) {
        var meta = site.page("Staff sign-in | " + site.name(), "Sign in to the admin area.", "/admin/login")
                .notIndexed();
        ctx.status(status);
        CachedPage.sendOnce(
                ctx,
                CachedPage.HTML,
                "no-store",
                templates.render(
                        "admin/login.jte",
                        new LoginPage(
                                meta,
                                email,
                                error,
                                tokens.issue(FormTokens.Purpose.SIGN_IN, Duration.ZERO),
                                next(ctx))));
    }

    /** The page to return to, from the query (the form) or the posted field (a failed attempt); empty for the dashboard. */
    private static String next(Context ctx) {
        var asked = ctx.method().name().equals("POST") ? ctx.formParam("next") : ctx.queryParam("next");
        var safe = ReturnPath.safe(asked);
        return safe.equals(ReturnPath.DASHBOARD) ? "" : safe;
    }

    private void renderPassword(Context ctx, String error, boolean changed, int status) {
        var meta = site.page("Change password | " + site.name(), "Change your password.", "/admin/password")
                .notIndexed();
        ctx.status(status);
        CachedPage.sendOnce(
                ctx,
                CachedPage.HTML,
                "no-store",
                templates.render("admin/password.jte", new PasswordPage(meta, pages.nav(ctx), error, changed)));
    }
}
