package glossary.admin;

import glossary.mail.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What is wrong with outgoing mail, in words for the banner on every admin page; empty when all is well. */
public final class MailHealth {
    static final Duration STUCK = Duration.ofMinutes(10);

    private final Outbox outbox;
    private final boolean smtpConfigured;
    private final Clock clock;

    public MailHealth(Outbox outbox, boolean smtpConfigured, Clock clock) {
        this.outbox = outbox;
        this.smtpConfigured = smtpConfigured;
        this.clock = clock;
    }

    public List<String> problems() {
        var backlog = outbox.backlog();
        var problems = new ArrayList<String>();
        if (!smtpConfigured) {
            problems.add("no mail server is configured (GLOSSARY_SMTP_HOST), so nothing is sent: "
                    + count(backlog.queued(), "message") + " waiting, replies included.");
        }
        if (backlog.failed() > 0) {
            problems.add(count(backlog.failed(), "message") + " could not be sent and will not be tried again"
                    + " by themselves.");
        }
        if (smtpConfigured && backlog.oldestDue() != null) {
            var waiting = Duration.between(backlog.oldestDue(), OffsetDateTime.now(clock));
            if (waiting.compareTo(STUCK) > 0) {
                problems.add("the oldest message waiting has been due for " + Times.span(waiting)
                        + "; the mail server (or the webhook endpoint) may be refusing or unreachable.");
            }
        }
        return problems;
    }

    private static String count(long n, String noun) {
        return (n >= 10000 ? "over 10,000" : String.valueOf(n)) + " " + noun + (n == 1 ? "" : "s");
    }
}
