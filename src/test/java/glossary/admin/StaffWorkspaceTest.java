package glossary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Form;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff workspace: straight to the lead after sign-in, replying, what needs a reply, feedback. */
class StaffWorkspaceTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.perClass().env(StaffClient.ENV);

    /** Signs in through the form the redirect led to, carrying its hidden fields, and returns the Location. */
    private static String signInFrom(StaffClient client, String loginPath) {
        var form = Jsoup.parse(client.get(loginPath).body()).selectFirst("form[action=/admin/login]");
        var fields = new java.util.LinkedHashMap<String, String>();
        for (var hidden : form.select("input[type=hidden]")) {
            fields.put(hidden.attr("name"), hidden.attr("value"));
        }
        fields.put("email", StaffClient.EMAIL);
        fields.put("password", StaffClient.PASSWORD);
        var response = client.post("/admin/login", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        return Client.header(response, "Location").orElseThrow();
    }

    @Test
    void a_signed_out_visit_to_a_lead_returns_to_the_lead_after_sign_in(TestApp app, Client visitor) {
        long id = Inquiries.submit(visitor, Map.of());
        var staff = StaffClient.of(app);
        var first = staff.get("/admin/leads/" + id + "?tab=notes");
        assertThat(first.statusCode()).isEqualTo(303);
        var login = Client.header(first, "Location").orElseThrow();
        assertThat(login).isEqualTo("/admin/login?next=%2Fadmin%2Fleads%2F" + id + "%3Ftab%3Dnotes");
        assertThat(signInFrom(staff, login)).isEqualTo("/admin/leads/" + id + "?tab=notes");
    }

    @Test
    void a_failed_sign_in_keeps_the_page_to_return_to(TestApp app) {
        var staff = StaffClient.of(app);
        var page = Jsoup.parse(staff.get("/admin/login?next=%2Fadmin%2Foutbox").body());
        var token = page.select("input[name=token]").attr("value");
        var wrong = staff.post(
                "/admin/login",
                Form.of("token", token, "next", "/admin/outbox", "email", StaffClient.EMAIL, "password", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(wrong.body()).select("input[name=next]").attr("value"))
                .isEqualTo("/admin/outbox");
    }

    @Test
    void sign_in_never_sends_anyone_off_the_admin_area(TestApp app) {
        for (var next : new String[] {
            "//evil.com",
            "/\\evil.com",
            "https://evil.com",
            "http://evil.com/admin",
            "/admin/../x",
            "/admin/./leads",
            "/admin/%2e%2e/x",
            "/admin%2F..%2Fx",
            "%2F%2Fevil.com",
            "/%2F%2Fevil.com",
            "/admin//evil.com",
            "/admin/\\evil.com",
            "/admin\r\nLocation: https://evil.com",
            "/admin/leads\r\nSet-Cookie: x=y",
            "/admin/leads?q=a\r\nX: y",
            "/admin@evil.com",
            "/adminx",
            "/admin/login",
            "javascript:alert(1)",
            " /admin/leads",
            "/admin/leads#//evil.com",
            "/admin/leads?next=//evil.com"
        }) {
            var client = StaffClient.of(app);
            var login =
                    Jsoup.parse(client.get("/admin/login?next=" + encode(next)).body());
            assertThat(login.select("input[name=next]")).as(next).isEmpty();
            var token = login.select("input[name=token]").attr("value");
            var posted = client.post(
                    "/admin/login",
                    Form.of(
                            "token",
                            token,
                            "next",
                            next,
                            "email",
                            StaffClient.EMAIL,
                            "password",
                            StaffClient.PASSWORD));
            assertThat(posted.statusCode()).as(next).isEqualTo(303);
            assertThat(Client.header(posted, "Location")).as(next).hasValue("/admin");
        }
        assertThat(ReturnPath.safe("/admin/leads?status=new&q=Lion+City"))
                .isEqualTo("/admin/leads?status=new&q=Lion+City");
        assertThat(ReturnPath.safe("/admin/leads.csv")).isEqualTo("/admin/leads.csv");
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
