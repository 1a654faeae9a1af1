package glossary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import glossary.TestApp;
import glossary.testing.AppExtension;
import glossary.testing.Await;
import glossary.testing.Client;
import glossary.testing.Form;
import glossary.testing.Inquiries;
import glossary.testing.Mailbox;
import glossary.testing.StaffClient;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff workspace: straight to the lead after sign-in, replying, what needs a reply, feedback. */
class StaffWorkspaceTest {
    @RegisterExtension
    static final AppExtension apps =
            AppExtension.perClass().env(StaffClient.ENV).withMail();

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

    @Test
    void a_reply_from_the_lead_reaches_the_prospect_threaded_under_the_acknowledgement(
            TestApp app, Client visitor, Mailbox mail) throws Exception {
        long id = Inquiries.submit(
                visitor,
                Map.of("email", "reply-" + System.nanoTime() + "@example.com", "message", "Line one.\nLine two."));
        var ack = mail.await(Inquiries.messageId(id, "ack"));
        var staff = StaffClient.signedIn(app);
        var page = staff.page("/admin/leads/" + id);
        var draft = page.select("textarea[name=body]").text();
        assertThat(draft).contains("Dear Siti Rahman").contains("> Line one.").contains("> Line two.");
        assertThat(draft)
                .contains("Retrieval-Augmented Generation")
                .contains(page.select(".ref").text());
        assertThat(page.select(".f-email a").attr("href")).startsWith("mailto:reply-");
        assertThat(page.select(".f-phone a").attr("href")).isEqualTo("tel:+60312345678");

        var sent = staff.act("/admin/leads/" + id + "/reply", Map.of("body", "Dear Siti,\n\nHappy to help. Monday?"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(Client.header(sent, "Location")).hasValue("/admin/leads/" + id);
        var shown = staff.get("/admin/leads/" + id);
        // Shown once: the page that shows the message deletes it (this client keeps deleted cookies).
        assertThat(shown.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith(AdminPages.FLASH_COOKIE + "=;") && c.contains("Expires=Thu, 01 Jan 1970"));
        var after = Jsoup.parse(shown.body());
        assertThat(after.select("[role=status] .flash").text()).contains("Reply queued");
        assertThat(after.select(".lead-status").text()).isEqualTo("contacted");
        assertThat(after.select(".replies .reply-body").text()).contains("Happy to help. Monday?");

        var reply = Await.await("the reply")
                .until(
                        () -> mail.received().stream()
                                .filter(m -> subject(m).startsWith("Re: "))
                                .filter(m -> subject(m).contains(Inquiries.reference(app, id)))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(ack.getMessageID());
        assertThat(reply.getHeader("References", null)).isEqualTo(ack.getMessageID());
        assertThat(subject(reply)).isEqualTo("Re: " + subject(ack));
        assertThat(reply.getReplyTo()[0].toString()).isEqualTo(StaffClient.EMAIL);
        assertThat(reply.getAllRecipients()[0].toString()).startsWith("reply-");
        assertThat(GreenMailUtil.getBody(reply)).contains("Happy to help. Monday?");
        // In the layout every message shares, HTML and plain text alike.
        var parts = Mailbox.parts(reply);
        var html = Jsoup.parse(parts.html());
        assertThat(html.select(".mail-card .reply-body").text())
                .contains("Dear Siti,")
                .contains("Happy to help. Monday?");
        assertThat(html.select(".mail-foot").text()).contains("You receive this because you wrote to");
        assertThat(parts.text())
                .contains("Happy to help. Monday?")
                .contains("Reference: " + Inquiries.reference(app, id))
                .contains("Reply to this message to answer " + StaffClient.EMAIL);

        var firstResponse = app.database
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT first_response_at IS NOT NULL AND first_response_by IS NOT NULL FROM inquiry WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Boolean.class)
                        .one());
        assertThat(firstResponse).isTrue();
        assertThat(after.select(".history li").text()).contains("replied").contains("new -> contacted");
    }

    @Test
    void a_reply_needs_text_a_token_and_a_lead_that_is_not_spam(TestApp app, Client visitor) {
        long spam = Inquiries.submit(visitor, Map.of("website", "filled by a bot"));
        long real = Inquiries.submit(visitor, Map.of());
        var staff = StaffClient.signedIn(app);
        assertThat(staff.page("/admin/leads/" + spam).select("textarea[name=body]"))
                .isEmpty();
        assertThat(staff.act("/admin/leads/" + spam + "/reply", Map.of("body", "hello"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(staff.act("/admin/leads/" + real + "/reply", Map.of("body", "   "))
                        .statusCode())
                .isEqualTo(400);
        assertThat(staff.act("/admin/leads/" + real + "/reply", Map.of("body", "x".repeat(10_001)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(staff.post("/admin/leads/" + real + "/reply", Map.of("body", "hello"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.act("/admin/leads/99999999/reply", Map.of("body", "hello"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(Inquiries.status(app, real)).isEqualTo("new");
        assertThat(Inquiries.status(app, spam)).isEqualTo("spam");
    }

    @Test
    void the_inbox_puts_leads_that_need_a_reply_first_longest_waiting_first(TestApp app, Client visitor) {
        var marker = "Order" + System.nanoTime();
        long oldest = Inquiries.submit(
                visitor, Map.of("company", marker + " A", "message", "First line here.\nSecond line."));
        long answered = Inquiries.submit(visitor, Map.of("company", marker + " B"));
        long newest = Inquiries.submit(visitor, Map.of("company", marker + " C"));
        var staff = StaffClient.signedIn(app);
        staff.act("/admin/leads/" + answered + "/status", Map.of("status", "contacted"));
        var rows = staff.page("/admin/leads?q=" + marker).select("table.leads tbody tr");
        // a search lists newest first; the default inbox (no search) puts needs-reply first
        var inbox = staff.page("/admin/leads");
        var order = inbox.select("table.leads tbody tr .who a").eachAttr("href");
        assertThat(order.indexOf("/admin/leads/" + oldest)).isLessThan(order.indexOf("/admin/leads/" + newest));
        assertThat(order.indexOf("/admin/leads/" + newest)).isLessThan(order.indexOf("/admin/leads/" + answered));
        var row = inbox.select("tr:has(a[href=/admin/leads/" + oldest + "])").first();
        assertThat(row.select(".needs-reply-mark").text()).isEqualTo("Needs reply");
        assertThat(row.select(".term").text()).isEqualTo("Retrieval-Augmented Generation");
        assertThat(row.select(".preview").text()).isEqualTo("First line here.");
        assertThat(row.select(".age time").attr("datetime")).endsWith("+08:00");
        assertThat(row.select(".age time").text()).isEqualTo("just now");
        assertThat(inbox.select("tr:has(a[href=/admin/leads/" + answered + "]) .needs-reply-mark"))
                .isEmpty();
        assertThat(rows).hasSize(3);
        var newestFirst = staff.page("/admin/leads?sort=newest")
                .select("table.leads tbody tr .who a")
                .eachAttr("href");
        assertThat(newestFirst.indexOf("/admin/leads/" + newest))
                .isLessThan(newestFirst.indexOf("/admin/leads/" + oldest));
    }

    @Test
    void unread_is_per_staff_member_and_opening_a_lead_does_not_answer_it(TestApp app, Client visitor) {
        long id = Inquiries.submit(visitor, Map.of());
        var boss = StaffClient.signedIn(app);
        new Staff(app.database.jdbi(), java.time.Clock.systemUTC())
                .add("colleague" + id + "@firm.example", StaffClient.PASSWORD);
        var colleague = StaffClient.of(app).signedIn("colleague" + id + "@firm.example", StaffClient.PASSWORD);
        var selector = "tr.unread a[href=/admin/leads/" + id + "]";
        assertThat(boss.page("/admin/leads").select(selector)).hasSize(1);
        boss.page("/admin/leads/" + id);
        assertThat(boss.page("/admin/leads").select(selector)).isEmpty();
        assertThat(colleague.page("/admin/leads").select(selector)).hasSize(1);
        assertThat(boss.page("/admin/leads").select("tr:has(a[href=/admin/leads/" + id + "]) .needs-reply-mark"))
                .hasSize(1);
        assertThat(Inquiries.status(app, id)).isEqualTo("new");
    }

    @Test
    void every_action_says_what_it_did_and_the_next_status_is_preselected(TestApp app, Client visitor) {
        long id = Inquiries.submit(visitor, Map.of());
        var staff = StaffClient.signedIn(app);
        var lead = "/admin/leads/" + id;
        assertThat(staff.page(lead).select("#next-status option[selected]").val())
                .isEqualTo("contacted");
        assertThat(flashAfter(staff, staff.act(lead + "/status", Map.of("status", "contacted"))))
                .isEqualTo("Status changed to contacted");
        assertThat(staff.page(lead).select("#next-status option[selected]").val())
                .isEqualTo("qualified");
        assertThat(flashAfter(staff, staff.act(lead + "/notes", Map.of("note", "Called"))))
                .isEqualTo("Note added");
        assertThat(flashAfter(staff, staff.act(lead + "/assign", Map.of("assignee", "1"))))
                .isEqualTo("Assigned to " + StaffClient.EMAIL);
        var page = staff.page(lead);
        assertThat(page.select(".danger-zone button").eachText()).first().isEqualTo("Erase this inquiry");
        assertThat(page.select(".danger-zone button:not(.danger)")).isEmpty();
        assertThat(page.select("#confirm-erase").attr("required")).isNotNull();
        assertThat(page.select(".f-utm")).isEmpty(); // no tracking: no empty "source , medium" line
        assertThat(page.select("header .header-search, footer")).isEmpty(); // the admin's own chrome
    }

    @Test
    void bulk_actions_change_each_selected_lead_with_its_own_history(TestApp app, Client visitor, Mailbox mail) {
        long spam = Inquiries.submit(visitor, Map.of("website", "filled by a bot"));
        long a = Inquiries.submit(visitor, Map.of());
        long b = Inquiries.submit(visitor, Map.of());
        var staff = StaffClient.signedIn(app);
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("csrf", staff.csrf());
        fields.put("action", "status:contacted");
        fields.put("back", "/admin/leads?status=new");
        var body = Form.encode(fields) + "&id=" + a + "&id=" + b + "&id=" + spam;
        var response = staff.postRaw("/admin/leads/bulk", body);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(Client.header(response, "Location")).hasValue("/admin/leads?status=new");
        assertThat(flashAfter(staff, response))
                .isEqualTo("2 leads changed to contacted; 1 skipped (not possible from their status)");
        assertThat(Inquiries.status(app, a)).isEqualTo("contacted");
        assertThat(Inquiries.status(app, b)).isEqualTo("contacted");
        assertThat(staff.page("/admin/leads/" + a).select(".history li").text()).contains("new -> contacted");

        var notSpam = staff.postRaw(
                "/admin/leads/bulk",
                Form.encode(Form.of("csrf", staff.csrf(), "action", "status:new")) + "&id=" + spam);
        assertThat(notSpam.statusCode()).isEqualTo(303);
        assertThat(Inquiries.status(app, spam)).isEqualTo("new");
        mail.await(Inquiries.messageId(spam, "team"));

        assertThat(staff.postRaw("/admin/leads/bulk", "action=status%3Awon&id=" + a)
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.postRaw(
                                "/admin/leads/bulk",
                                Form.encode(Form.of("csrf", staff.csrf(), "action", "delete")) + "&id=" + a)
                        .statusCode())
                .isEqualTo(400);
        assertThat(staff.postRaw(
                                "/admin/leads/bulk",
                                Form.encode(Form.of("csrf", staff.csrf(), "action", "status:won", "back", "//evil.com"))
                                        + "&id=" + a)
                        .headers()
                        .firstValue("Location"))
                .hasValue("/admin");
    }

    @Test
    void every_admin_page_says_when_mail_is_not_going_out_and_the_outbox_explains_why() {
        var own = apps.start(Map.of()); // no mail server
        var visitor = Client.of(own);
        long id = Inquiries.submit(visitor, Map.of());
        var staff = StaffClient.signedIn(own);
        for (var path :
                new String[] {"/admin", "/admin/leads", "/admin/leads/" + id, "/admin/outbox", "/admin/password"}) {
            assertThat(staff.page(path).select(".banner-warn").text())
                    .as(path)
                    .contains("no mail server is configured")
                    .contains("2 messages waiting");
        }
        own.database
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE outbox SET status = 'failed', attempts = 10, last_error = :e WHERE inquiry_id = :id AND kind = 'team'")
                        .bind(
                                "e",
                                "com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.example.com, 587; timeout -1")
                        .bind("id", id)
                        .execute());
        var outbox = staff.page("/admin/outbox");
        assertThat(outbox.select(".banner-warn").text()).contains("1 message could not be sent");
        var row = outbox.select("tr:has(td:contains(Team notification))").first();
        assertThat(row.select("a").text()).isEqualTo(Inquiries.reference(own, id));
        assertThat(row.text()).contains("The mail server could not be reached");
        assertThat(outbox.select(".table-scroll[tabindex=0][aria-label]")).hasSize(1);
    }

    @Test
    void the_dashboard_shows_speed_to_lead_and_the_spam_to_review(TestApp app, Client visitor) {
        var staff = StaffClient.signedIn(app);
        long id = Inquiries.submit(visitor, Map.of());
        long spam = Inquiries.submit(visitor, Map.of("website", "filled by a bot"));
        staff.act("/admin/leads/" + id + "/reply", Map.of("body", "Thanks, we will call you."));
        var dashboard = staff.page("/admin");
        assertThat(dashboard.select(".median-response").text()).isNotEqualTo("–");
        assertThat(Long.parseLong(dashboard.select(".spam-count").text())).isGreaterThanOrEqualTo(1);
        var review = dashboard.select("a:contains(Review spam)").attr("href");
        var spamPage = staff.page(review);
        assertThat(spamPage.select("h1").text()).isEqualTo("Spam to review");
        assertThat(spamPage.select("tr:has(a[href=/admin/leads/" + spam + "]) .spam-reason")
                        .text())
                .contains("honeypot");
        assertThat(dashboard.select("#age-h ~ div table tbody tr")).hasSize(5);
        assertThat(dashboard.select("#age-h ~ .bars svg rect")).hasSize(5);
        assertThat(dashboard.select("#conv-h ~ .table-scroll a").eachText())
                .doesNotContain("retrieval-augmented-generation");
    }

    /** The flash message the redirect's page shows. */
    private static String flashAfter(StaffClient staff, java.net.http.HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(303);
        return Jsoup.parse(staff.get(Client.header(redirect, "Location").orElseThrow())
                        .body())
                .select("[role=status] .flash")
                .text();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
