package glossary.testing;

import glossary.TestApp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;

/** A staff member's browser without JavaScript: signs in, keeps the session cookie, sends the CSRF token. */
public final class StaffClient extends Client {
    public static final String EMAIL = "boss@firm.example";
    public static final String PASSWORD = "correct horse battery staple 42";

    /** The settings that give an app its first staff account, this one. */
    public static final Map<String, String> ENV =
            Map.of("GLOSSARY_ADMIN_EMAIL", EMAIL, "GLOSSARY_ADMIN_PASSWORD", PASSWORD);

    public StaffClient(String base) {
        super(base);
    }

    private StaffClient(Client other, String base) {
        super(other, base);
    }

    /** Not yet signed in. */
    public static StaffClient of(TestApp app) {
        return new StaffClient(app.url(""));
    }

    /** Signed in as {@link #EMAIL}. */
    public static StaffClient signedIn(TestApp app) {
        return of(app).signedIn();
    }

    @Override
    public StaffClient at(String otherBase) {
        return new StaffClient(this, otherBase);
    }

    /** Fills in and sends the sign-in form; the session cookie, if one is set, is kept. */
    public HttpResponse<String> signIn(String email, String password, String... headers) {
        var token = Jsoup.parse(get("/admin/login").body())
                .select("input[name=token]")
                .attr("value");
        return post("/admin/login", Form.of("token", token, "email", email, "password", password), headers);
    }

    public StaffClient signedIn() {
        return signedIn(EMAIL, PASSWORD);
    }

    public StaffClient signedIn(String email, String password) {
        var response = signIn(email, password);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in as " + email + " answered " + response.statusCode());
        }
        return this;
    }

    /** The CSRF token of this session, as the admin pages carry it. */
    public String csrf() {
        return page("/admin").select("input[name=csrf]").first().attr("value");
    }

    /** Posts a staff action with this session's CSRF token added. */
    public HttpResponse<String> act(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf());
        return post(path, all);
    }
}
