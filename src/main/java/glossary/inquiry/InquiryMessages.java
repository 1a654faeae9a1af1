package glossary.inquiry;

import glossary.mail.Letterhead;
import glossary.mail.MailRow;
import glossary.mail.MailSettings;
import glossary.mail.OutgoingMessage;
import glossary.term.Glossary;
import glossary.term.Term;
import glossary.term.TermCatalog;
import glossary.web.Firm;
import glossary.web.Language;
import glossary.web.Templates;
import glossary.web.Text;
import glossary.web.TimeSettings;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Composes the two messages an inquiry causes, in the mail layout (src/main/jte/mail): the team's
 * notification and the prospect's acknowledgement. They are composed when sent, from what the
 * database holds then, so a promised reply date counts from when the message actually goes out.
 */
public final class InquiryMessages {
    public record Link(String title, String url) {}

    /**
     * The team's notification: the person and their message first, where the inquiry came from after.
     *
     * @param headline what the person told of themselves beyond name and company, on one line
     * @param preview the start of the message, for the line a mail client shows under the subject
     */
    public record TeamMail(
            Letterhead head,
            String reference,
            String topic,
            String name,
            String company,
            String headline,
            String preview,
            List<String> message,
            List<MailRow> person,
            List<MailRow> attribution,
            String adminUrl,
            String reason) {}

    /**
     * The acknowledgement, as the person who wrote reads it.
     *
     * @param name the name they gave, defused (see {@link Quote}); empty when none is left
     * @param topic the term they asked about, or empty for a general inquiry
     * @param quote the start of their message, defused
     * @param replier who will answer, e.g. "Adviser One (Partner, AI strategy)"
     * @param by the business day by whose end they will hear, in the firm's zone
     */
    public record AckMail(
            Letterhead head,
            String name,
            String email,
            String topic,
            List<String> quote,
            boolean shortened,
            String replier,
            String by,
            String zone,
            String reference,
            String definition,
            String termUrl,
            String relatedHeading,
            List<Link> related,
            String reason,
            Text t,
            String pitch) {}

    static final String TEAM = "team";
    static final String ACK = "ack";

    private final String baseUrl;
    private final MailSettings settings;
    private final Templates templates;
    private final Glossary glossary;
    private final Firm firm;
    private final Letterhead head;
    private final TimeSettings time;
    private final Clock clock;
    private final String domain;

    public InquiryMessages(
            String baseUrl,
            MailSettings mail,
            Templates templates,
            Glossary glossary,
            Firm firm,
            TimeSettings time,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.firm = firm;
        this.settings = mail;
        this.templates = templates;
        this.glossary = glossary;
        this.time = time;
        this.clock = clock;
        this.head = Letterhead.of(firm, baseUrl);
        this.domain = senderDomain(mail.from());
    }

    /** The messages every inquiry causes: the team's notification, and the acknowledgement unless it is turned off. */
    public List<String> kinds() {
        return settings.acknowledge() ? List.of(TEAM, ACK) : List.of(TEAM);
    }

    public OutgoingMessage compose(Inquiry inquiry, String kind) {
        return switch (kind) {
            case TEAM -> team(inquiry);
            case ACK -> acknowledgement(inquiry);
            default -> throw new IllegalArgumentException("unknown message kind " + kind);
        };
    }

    private OutgoingMessage team(Inquiry inquiry) {
        var form = inquiry.form();
        var term = localTerm(Language.EN, form.term());
        var topic = term == null ? "General" : term.title();
        var company = form.company().isBlank() ? form.name() : form.company().strip();
        var headline =
                List.of(form.role(), Choices.countryName(form.country()), Choices.timelineName(form.timeline()))
                        .stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .collect(Collectors.joining(" · "));
        var person = MailRow.filled(
                MailRow.link("Email", form.email(), "mailto:" + form.email()),
                MailRow.link("Phone", form.phone(), "tel:" + form.phone().replaceAll("[^+0-9]", "")),
                MailRow.of("Company", form.company()),
                MailRow.of("Role", form.role()),
                MailRow.of("Country", Choices.countryName(form.country())),
                MailRow.of("Timeline", Choices.timelineName(form.timeline())));
        var attribution = MailRow.filled(
                term == null ? MailRow.of("Term", "") : MailRow.link("Term", term.title(), baseUrl + term.path()),
                MailRow.of("Language", inquiry.language().isDefault() ? "" : languageName(inquiry.language())),
                MailRow.link("Page", form.page().isEmpty() ? "" : baseUrl + form.page(), baseUrl + form.page()),
                MailRow.of("Referrer", form.referrer()),
                MailRow.of("UTM source", form.utmSource()),
                MailRow.of("UTM medium", form.utmMedium()),
                MailRow.of("UTM campaign", form.utmCampaign()),
                MailRow.of("UTM term", form.utmTerm()),
                MailRow.of("UTM content", form.utmContent()),
                MailRow.of(
                        "Received",
                        inquiry.createdAt()
                                        .atZoneSameInstant(time.zone())
                                        .format(DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH))
                                + " (" + time.zoneName() + ")"));
        var mail = new TeamMail(
                head,
                inquiry.reference(),
                topic,
                form.name().strip(),
                company,
                headline,
                preview(form.message()),
                form.message().strip().lines().map(String::stripTrailing).toList(),
                person,
                attribution,
                baseUrl + "/admin/leads/" + inquiry.id(),
                "Sent to the team (GLOSSARY_TEAM_EMAIL) for every inquiry. Reply to write to "
                        + form.name().strip() + " directly.");
        return new OutgoingMessage(
                        TEAM,
                        messageId(inquiry, TEAM),
                        settings.teamAddresses(),
                        form.email(),
                        "New inquiry: " + topic + " — " + company + " (" + inquiry.reference() + ")",
                        templates.renderText("inquiry/teamMail.jte", mail),
                        templates.renderString("inquiry/teamMail.jte", mail))
                // Its Reply-To is the prospect: a consultant's out-of-office reply must not go to them.
                .automatic(false);
    }

    /**
     * Repeats of what the sender typed only their name and a defused excerpt of their message (see
     * {@link Quote}), and is never sent for an inquiry taken for spam (its mail is held).
     */
    private OutgoingMessage acknowledgement(Inquiry inquiry) {
        var form = inquiry.form();
        var language = inquiry.language();
        var t = Text.of(language);
        var local = glossary.in(language);
        var term = localTerm(language, form.term());
        var related = new ArrayList<Link>();
        var candidates = term == null
                ? local.featured()
                : local.entry(term.slug()).orElseThrow().related();
        for (var other : candidates) {
            if (related.size() == 3) {
                break;
            }
            related.add(new Link(other.title(), baseUrl + other.path()));
        }
        var excerpt = Quote.excerpt(form.message());
        var mail = new AckMail(
                head,
                Quote.name(form.name()),
                form.email(),
                term == null ? "" : term.title(),
                excerpt.lines(),
                excerpt.shortened(),
                replier(language),
                time.nextBusinessDay(clock.instant())
                        .format(DateTimeFormatter.ofPattern("EEEE d MMMM", language.locale())),
                time.zoneName(),
                inquiry.reference(),
                term == null ? "" : firstSentence(term.definition()),
                term == null ? "" : baseUrl + term.path(),
                t.get(term == null ? "mail.ack.start" : "mail.ack.related"),
                related,
                t.get("mail.ack.reason", head.siteHost()),
                t,
                firm.pitch(language));
        return new OutgoingMessage(
                        ACK,
                        messageId(inquiry, ACK),
                        List.of(form.email()),
                        settings.teamAddresses().isEmpty() ? null : String.join(", ", settings.teamAddresses()),
                        ackSubject(inquiry),
                        templates.renderText("inquiry/ackMail.jte", mail),
                        templates.renderString("inquiry/ackMail.jte", mail))
                .automatic(true);
    }

    private static String preview(String message) {
        var oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 139) + "…";
    }

    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<!\\b(?:e\\.g|i\\.e|etc|vs|approx|Inc|Ltd|Dr|Mr|Ms|Mrs|St|No))[.!?](?=\\s+[\\p{Lu}\"“(])");

    /** A definition's first sentence: the "one line" a message has room for. */
    static String firstSentence(String definition) {
        var end = SENTENCE_END.matcher(definition);
        return end.find() ? definition.substring(0, end.end()) : definition.strip();
    }

    /** The firm's advisers by name, "A (role) or B (role)"; an adviser of the firm when it names none. */
    private String replier(Language language) {
        var t = Text.of(language);
        var advisers = firm.advisers().stream()
                .map(a -> a.name() + " (" + a.role(language) + ")")
                .toList();
        if (advisers.isEmpty()) {
            return t.get("mail.replierNone", firm.name());
        }
        if (advisers.size() == 1) {
            return advisers.get(0);
        }
        return String.join(", ", advisers.subList(0, advisers.size() - 1)) + " " + t.get("mail.or") + " "
                + advisers.get(advisers.size() - 1);
    }

    /** The acknowledgement's subject; a reply repeats it after "Re: " so mail clients thread the two. */
    public String ackSubject(Inquiry inquiry) {
        var t = Text.of(inquiry.language());
        var term = localTerm(inquiry.language(), inquiry.form().term());
        return term == null
                ? t.get("mail.ack.subject", inquiry.reference())
                : t.get("mail.ack.subjectAbout", term.title(), inquiry.reference());
    }

    /** How staff see an inquiry's language: its own name, and in English. */
    public static String languageName(Language language) {
        return language.nativeName() + " (" + language.locale().getDisplayLanguage(Locale.ENGLISH) + ")";
    }

    /** The term as the prospect read it: in their language where it is translated. */
    private Term localTerm(Language language, String slug) {
        return slug == null || slug.isEmpty()
                ? null
                : glossary.in(language).entry(slug).map(TermCatalog.Entry::term).orElse(null);
    }

    /** The Message-ID the acknowledgement of this inquiry has (or would have had), which a reply answers. */
    public String ackMessageId(long inquiryId) {
        return messageId(inquiryId, ACK);
    }

    private String messageId(Inquiry inquiry, String kind) {
        return messageId(inquiry.id(), kind);
    }

    /**
     * Deterministic, so that a message sent twice (a worker died after sending) can be recognised;
     * on the sender's domain, as receivers expect of mail from it.
     */
    public String messageId(long inquiryId, String kind) {
        return "<inquiry-" + inquiryId + "-" + kind + "@" + domain + ">";
    }

    /** A Message-ID of the app's own with this left-hand part, e.g. {@code <digest-2026-12-01@firm.example>}. */
    public String messageId(String localPart) {
        return "<" + localPart + "@" + domain + ">";
    }

    /** The firm as every message presents it, for messages other features compose in the same layout. */
    public Letterhead letterhead() {
        return head;
    }

    /** The domain of GLOSSARY_MAIL_FROM, which may be "Name <address>". */
    static String senderDomain(String from) {
        var address = from.strip();
        if (address.endsWith(">") && address.contains("<")) {
            address = address.substring(address.lastIndexOf('<') + 1, address.length() - 1);
        }
        return address.substring(address.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    }
}
