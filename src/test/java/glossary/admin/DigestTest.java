package glossary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.TestDatabase;
import glossary.testing.AppExtension;
import glossary.testing.Await;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.Mailbox;
import glossary.testing.StaffClient;
import glossary.testing.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's daily digest: from GLOSSARY_DIGEST_HOUR in the firm's zone and not before, once a day
 * whichever instance looks, the leads waiting oldest first with links that open them, yesterday's
 * spam with a link to review it, and nothing at all on a day with nothing to tell.
 */
class DigestTest {
    @RegisterExtension
    static final AppExtension apps =
            AppExtension.onDemand().env(StaffClient.ENV).withMail();

    private static final String SERVER =
            System.getenv().getOrDefault("GLOSSARY_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    @TempDir
    Path temp;

    /** A day well after the real one, so the look every instance takes when it starts has no say in it. */
    private static LocalDate digestDay() {
        return LocalDate.now(SINGAPORE).plusDays(3);
    }

    private static void at(TestClock clock, LocalDate day, int hour, int minute) {
        clock.advanceTo(day.atTime(LocalTime.of(hour, minute)).atZone(SINGAPORE).toInstant());
    }

    private static String digestId(LocalDate day) {
        return "<digest-" + day + "@glossary.example.com>";
    }

    @Test
    void the_digest_goes_out_once_from_the_hour_in_the_firms_zone_and_lists_the_waiting_oldest_first(Mailbox mail)
            throws Exception {
        var clock = new TestClock();
        var app = apps.start(Map.of("GLOSSARY_DIGEST_HOUR", "9"), clock);
        var visitor = Client.of(app);
        var day = digestDay();

        at(clock, day.minusDays(2), 12, 0);
        long olderSpam = Inquiries.submit(visitor, Map.of("company", "Older Spam Co", "website", "a bot"));
        at(clock, day.minusDays(1), 10, 0);
        long oldest = Inquiries.submit(visitor, Map.of("name", "Ana Oldest", "company", "Oldest Co"));
        at(clock, day.minusDays(1), 15, 0);
        long spam = Inquiries.submit(visitor, Map.of("company", "Yesterday Spam Co", "website", "a bot"));
        at(clock, day.minusDays(1), 16, 0);
        long answered = Inquiries.submit(visitor, Map.of("company", "Answered Co"));
        // Signed in after each move of the clock: a session lasts 30 minutes idle.
        assertThat(StaffClient.signedIn(app)
                        .act("/admin/leads/" + answered + "/status", Map.of("status", "contacted"))
                        .statusCode())
                .isEqualTo(303);
        at(clock, day, 8, 0);
        long newest = Inquiries.submit(
                visitor, Map.of("name", "Ben Newest", "company", "Newest Co", "message", "First.\nSecond."));

        at(clock, day, 8, 59);
        app.daily.runDue();
        assertThat(digestRows(app)).as("no digest before 09:00 Singapore time").isZero();

        at(clock, day, 9, 0);
        app.daily.runDue();
        var digest = mail.await(digestId(day));
        assertThat(digest.getSubject()).startsWith("Leads: 2 waiting for a reply, 1 flagged as spam (");
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo("team@localhost");
        var html = Jsoup.parse(Mailbox.parts(digest).html());
        assertThat(html.select(".digest-waiting a").eachText())
                .containsExactly("Ana Oldest, Oldest Co", "Ben Newest, Newest Co");
        assertThat(html.select(".digest-waiting a").eachAttr("href"))
                .containsExactly(
                        "https://glossary.example.com/admin/leads/" + oldest,
                        "https://glossary.example.com/admin/leads/" + newest);
        assertThat(html.select(".digest-waiting td").get(1).text())
                .contains("Waiting 1 h")
                .endsWith("First.");
        assertThat(html.select(".digest-spam a").eachText()).containsExactly("Siti Rahman, Yesterday Spam Co");
        var text = Mailbox.parts(digest).text();
        assertThat(text.indexOf("Ana Oldest")).isPositive().isLessThan(text.indexOf("Ben Newest"));
        assertThat(text)
                .contains("https://glossary.example.com/admin/leads/" + newest)
                .doesNotContain("Answered Co");

        // Every link opens what it names, for a signed-in staff member.
        var staff = StaffClient.signedIn(app);
        for (var link : html.select(".digest-waiting a")) {
            var lead = staff.page(path(link.attr("href")));
            assertThat(lead.select("h1").text()).startsWith(link.text().split(",")[0]);
        }
        var spamView = html.select("a:contains(Review the spam)").attr("href");
        assertThat(spamView)
                .isEqualTo("https://glossary.example.com/admin/leads?status=spam&from=" + day.minusDays(1) + "&to="
                        + day.minusDays(1));
        assertThat(leadLinks(staff.page(path(spamView)))).containsExactly("/admin/leads/" + spam);
        assertThat(leadLinks(staff.page("/admin/leads?status=spam"))).contains("/admin/leads/" + olderSpam);

        // Later that day nothing goes again; the next day's goes at nine, not at eight.
        at(clock, day, 17, 0);
        app.daily.runDue();
        at(clock, day.plusDays(1), 8, 0);
        app.daily.runDue();
        assertThat(digestRows(app)).isEqualTo(1);
        at(clock, day.plusDays(1), 9, 30);
        app.daily.runDue();
        var next = mail.await(digestId(day.plusDays(1)));
        assertThat(next.getSubject()).startsWith("Leads: 2 waiting for a reply, 0 flagged as spam (");
        assertThat(digestRows(app)).isEqualTo(2);
        assertThat(mail.messageIds().stream().filter(id -> id.startsWith("<digest-")))
                .containsExactlyInAnyOrder(digestId(day), digestId(day.plusDays(1)));
    }

    @Test
    void a_day_with_nothing_waiting_and_nothing_flagged_sends_nothing_and_minus_one_turns_it_off() {
        var clock = new TestClock();
        var quiet = apps.start(Map.of(), clock);
        at(clock, digestDay(), 10, 0);
        quiet.daily.runDue();
        assertThat(digestRows(quiet)).isZero();

        var off = apps.start(Map.of("GLOSSARY_DIGEST_HOUR", "-1"), clock);
        Inquiries.submit(Client.of(off), Map.of());
        clock.advance(Duration.ofDays(1));
        off.daily.runDue();
        assertThat(digestRows(off)).isZero();
    }

    @Test
    void two_instances_on_postgresql_racing_for_the_same_day_send_one_digest(Mailbox mail) throws Exception {
        var clock = new TestClock();
        var database = TestDatabase.postgres(SERVER, temp);
        try (database) {
            var env = new HashMap<>(database.env());
            var first = apps.start(env, clock);
            var second = apps.start(env, clock);
            var day = digestDay();
            at(clock, day, 7, 0);
            long waiting = Inquiries.submit(Client.of(second), Map.of("company", "Racing Co"));
            at(clock, day, 9, 1);

            var bothAtOnce = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            try {
                var runs = List.of(
                        pool.submit(() -> {
                            bothAtOnce.await();
                            first.daily.runDue();
                            return null;
                        }),
                        pool.submit(() -> {
                            bothAtOnce.await();
                            second.daily.runDue();
                            return null;
                        }));
                bothAtOnce.countDown();
                for (var run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdown();
            }

            var digest = mail.await(digestId(day));
            assertThat(Mailbox.parts(digest).text()).contains("/admin/leads/" + waiting);
            assertThat(digestRows(first)).isEqualTo(1);
            Await.holdsFor(
                    Duration.ofSeconds(2),
                    "one digest, from one instance",
                    () -> assertThat(mail.received().stream().filter(DigestTest::isDigest))
                            .hasSize(1));
            first.close();
            second.close();
        }
    }

    private static boolean isDigest(MimeMessage message) {
        try {
            return message.getMessageID().startsWith("<digest-");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long digestRows(TestApp app) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE kind = 'digest'")
                        .mapTo(Long.class)
                        .one());
    }

    /** The path and query of a link in the mail, which points at the public base URL, to ask the test's app. */
    private static String path(String href) {
        var uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static List<String> leadLinks(Document inbox) {
        return inbox.select("td.who a").eachAttr("href");
    }
}
