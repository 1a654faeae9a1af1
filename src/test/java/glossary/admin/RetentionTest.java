package glossary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.TestApp;
import glossary.TestDatabase;
import glossary.inquiry.InquiryRepository;
import glossary.testing.AppExtension;
import glossary.testing.Client;
import glossary.testing.Inquiries;
import glossary.testing.StaffClient;
import glossary.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention period: with the clock moved on, exactly the people with no activity for
 * GLOSSARY_RETENTION_MONTHS are erased, as a staff erasure would, once, whichever instance runs it.
 */
class RetentionTest {
    @RegisterExtension
    static final AppExtension apps = AppExtension.onDemand().env(StaffClient.ENV);

    private static final String SERVER =
            System.getenv().getOrDefault("GLOSSARY_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");

    @TempDir
    Path temp;

    /** Who wrote when, and what happened since; the same story on one instance and on two. */
    private record Story(List<Long> due, List<Long> kept) {}

    /**
     * Day 0: Aisha writes twice (different case), Ben, Chen and Dewi write once. Day 600: a note on
     * Ben's lead, Dewi's status changes, Eko writes. Then the clock stands at day 750, past 24
     * months (at most 731 days) for Aisha and Chen only.
     */
    private static Story tell(TestApp app, TestClock clock) {
        var visitor = Client.of(app);
        long aisha1 = Inquiries.submit(visitor, Map.of("email", "aisha@example.com", "company", "Aisha One"));
        long aisha2 = Inquiries.submit(visitor, Map.of("email", "AISHA@example.com", "company", "Aisha Two"));
        long ben = Inquiries.submit(visitor, Map.of("email", "ben@example.com", "company", "Ben Co"));
        long chen = Inquiries.submit(visitor, Map.of("email", "chen@example.com", "company", "Chen Co"));
        long dewi = Inquiries.submit(visitor, Map.of("email", "dewi@example.com", "company", "Dewi Co"));
        clock.advance(Duration.ofDays(600));
        var staff = StaffClient.signedIn(app);
        assertThat(staff.act("/admin/leads/" + ben + "/notes", Map.of("note", "Called, follow up in spring"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(staff.act("/admin/leads/" + dewi + "/status", Map.of("status", "contacted"))
                        .statusCode())
                .isEqualTo(303);
        long eko = Inquiries.submit(Client.of(app), Map.of("email", "eko@example.com", "company", "Eko Co"));
        clock.advance(Duration.ofDays(150));
        return new Story(List.of(aisha1, aisha2, chen), List.of(ben, dewi, eko));
    }

    @Test
    void a_run_with_the_clock_past_the_period_erases_exactly_the_due_leads_as_a_staff_erasure_does() {
        var clock = new TestClock();
        var app = apps.start(Map.of(), clock);
        var story = tell(app, clock);

        app.daily.runDue();

        for (long id : story.due()) {
            assertErased(app, id);
            assertThat(history(app, id))
                    .as("lead %d", id)
                    .containsExactly("system erased: personal data erased after 24 months without activity "
                            + "(retention), with " + (id == story.due().get(2) ? 0 : 1)
                            + " other lead(s) from the same address");
        }
        for (long id : story.kept()) {
            assertThat(name(app, id)).as("lead %d", id).isNotEqualTo(InquiryRepository.ERASED);
            assertThat(history(app, id)).noneMatch(line -> line.contains("erased"));
        }
        assertThat(erasedByRetention(app)).isEqualTo(3.0);

        // Later the same day nothing runs again; the next day finds nothing more that is due.
        app.daily.runDue();
        clock.advance(Duration.ofDays(1));
        app.daily.runDue();
        assertThat(erasedByRetention(app)).isEqualTo(3.0);
        for (long id : story.kept()) {
            assertThat(name(app, id)).isNotEqualTo(InquiryRepository.ERASED);
        }
    }

    @Test
    void the_period_comes_from_the_setting_and_the_privacy_notice_and_dashboard_say_so() {
        var clock = new TestClock();
        var app = apps.start(Map.of("GLOSSARY_RETENTION_MONTHS", "6"), clock);
        var visitor = Client.of(app);
        long early = Inquiries.submit(visitor, Map.of("email", "early@example.com"));
        clock.advance(Duration.ofDays(60));
        long later = Inquiries.submit(visitor, Map.of("email", "later@example.com"));
        clock.advance(Duration.ofDays(110)); // early due in about 13 days, later in about 73

        assertThat(visitor.page("/privacy").select("main p").text())
                .contains("We keep enquiries for up to 6 months after our last contact with you, then erase them.");
        assertThat(StaffClient.signedIn(app)
                        .page("/admin")
                        .select(".retention-due")
                        .text())
                .startsWith("1 lead(s) reach 6 months without activity in the next 30 days");

        clock.advance(Duration.ofDays(30)); // early: 200 days, past 6 months (at most 184 days); later: 140
        app.daily.runDue();
        assertErased(app, early);
        assertThat(name(app, later)).isNotEqualTo(InquiryRepository.ERASED);
    }

    @Test
    void two_instances_on_postgresql_erase_each_due_lead_once() throws Exception {
        var clock = new TestClock();
        var database = TestDatabase.postgres(SERVER, temp);
        try (database) {
            var env = new HashMap<>(database.env());
            var first = apps.start(env, clock);
            var second = apps.start(env, clock);
            var story = tell(first, clock);

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

            for (long id : story.due()) {
                assertErased(first, id);
                assertThat(history(first, id))
                        .filteredOn(line -> line.contains("erased"))
                        .hasSize(1);
            }
            for (long id : story.kept()) {
                assertThat(name(first, id)).isNotEqualTo(InquiryRepository.ERASED);
            }
            assertThat(erasedByRetention(first) + erasedByRetention(second)).isEqualTo(3.0);
            first.close();
            second.close();
        }
    }

    private static void assertErased(TestApp app, long id) {
        var row = app.database
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT name, email, email_key, company, message, client_ip FROM inquiry WHERE id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
        assertThat(row.get("name")).isEqualTo(InquiryRepository.ERASED);
        assertThat(row.get("email")).isEqualTo(InquiryRepository.ERASED);
        assertThat(row.get("email_key")).isNull();
        assertThat(row.get("company")).isEqualTo(InquiryRepository.ERASED);
        assertThat(row.get("message")).isEqualTo(InquiryRepository.ERASED);
        assertThat(row.get("client_ip")).isEqualTo("0.0.0.0");
        long words = app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inquiry_word WHERE inquiry_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
        assertThat(words).isZero();
    }

    private static String name(TestApp app, long id) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT name FROM inquiry WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    /** The lead's history entries about erasure, as the lead page shows them (who, action: detail). */
    private static List<String> history(TestApp app, long id) {
        return app.database
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT COALESCE(s.email, 'system') || ' ' || e.action || ': ' || e.detail FROM lead_event e "
                                        + "LEFT JOIN staff s ON s.id = e.staff_id WHERE e.inquiry_id = :id AND e.action = 'erased' "
                                        + "ORDER BY e.id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .list());
    }

    private static double erasedByRetention(TestApp app) {
        var counter = app.metrics
                .registry()
                .find("glossary.leads.erased")
                .tag("reason", "retention")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
