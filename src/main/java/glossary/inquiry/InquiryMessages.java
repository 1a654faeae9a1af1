package glossary.inquiry;

import glossary.mail.MailSettings;
import glossary.mail.OutgoingMessage;
import glossary.term.Term;
import glossary.term.TermCatalog;
import glossary.web.Templates;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Composes the two messages an inquiry causes: the team's notification and the prospect's acknowledgement. */
public final class InquiryMessages {
    public record Link(String title, String url) {}

    public record TeamMail(
            Inquiry inquiry,
            String reference,
            String topic,
            String country,
            String timeline,
            String adminUrl,
            String pageUrl) {}

    public record AckMail(String reference, String topic, String definition, List<Link> related, String siteUrl) {}

    private final String baseUrl;
    private final MailSettings settings;
    private final Templates templates;
    private final TermCatalog catalog;
    private final String host;

    public InquiryMessages(String baseUrl, MailSettings mail, Templates templates, TermCatalog catalog) {
        this.baseUrl = baseUrl;
        this.settings = mail;
        this.templates = templates;
        this.catalog = catalog;
        this.host = URI.create(baseUrl).getHost();
    }

    static final String TEAM = "team";
    static final String ACK = "ack";

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
        var term = term(form.term());
        var topic = term == null ? "General inquiry" : term.title();
        var mail = new TeamMail(
                inquiry,
                inquiry.reference(),
                topic,
                Choices.countryName(form.country()),
                Choices.timelineName(form.timeline()),
                baseUrl + "/admin/leads/" + inquiry.id(),
                form.page().isEmpty() ? "" : baseUrl + form.page());
        var text = new StringBuilder()
                .append("New inquiry ")
                .append(inquiry.reference())
                .append(" about ")
                .append(topic)
                .append("\n\n")
                .append("Name:     ")
                .append(form.name())
                .append('\n')
                .append("Email:    ")
                .append(form.email())
                .append('\n')
                .append("Company:  ")
                .append(form.company())
                .append('\n')
                .append("Role:     ")
                .append(form.role())
                .append('\n')
                .append("Country:  ")
                .append(mail.country())
                .append('\n')
                .append("Phone:    ")
                .append(form.phone())
                .append('\n')
                .append("Timeline: ")
                .append(mail.timeline())
                .append("\n\n")
                .append("How can we help?\n")
                .append(form.message())
                .append("\n\n")
                .append("Term:     ")
                .append(form.term())
                .append('\n')
                .append("Page:     ")
                .append(mail.pageUrl())
                .append('\n')
                .append("Referrer: ")
                .append(form.referrer())
                .append('\n')
                .append("UTM:      source=")
                .append(form.utmSource())
                .append(" medium=")
                .append(form.utmMedium())
                .append(" campaign=")
                .append(form.utmCampaign())
                .append(" term=")
                .append(form.utmTerm())
                .append(" content=")
                .append(form.utmContent())
                .append("\n\n")
                .append("Open the lead: ")
                .append(mail.adminUrl())
                .append('\n');
        return new OutgoingMessage(
                TEAM,
                messageId(inquiry, TEAM),
                settings.teamAddresses(),
                form.email(),
                topic + ": inquiry from " + form.company() + " (" + inquiry.reference() + ")",
                text.toString(),
                templates.renderString("inquiry/teamMail.jte", mail));
    }

    /** Says nothing the sender typed, so the form cannot be used to mail chosen words to anyone. */
    private OutgoingMessage acknowledgement(Inquiry inquiry) {
        var term = term(inquiry.form().term());
        var related = new ArrayList<Link>();
        String definition = "";
        String topic = "AI in your organisation";
        if (term != null) {
            topic = term.title();
            definition = term.definition();
            for (var other : catalog.entry(term.slug()).orElseThrow().related()) {
                if (related.size() == 3) {
                    break;
                }
                related.add(new Link(other.title(), baseUrl + "/glossary/" + other.slug()));
            }
        } else {
            for (var featured : catalog.featured()) {
                if (related.size() == 3) {
                    break;
                }
                related.add(new Link(featured.title(), baseUrl + "/glossary/" + featured.slug()));
            }
        }
        var mail = new AckMail(inquiry.reference(), topic, definition, related, baseUrl);
        var text = new StringBuilder()
                .append("Hello,\n\n")
                .append("Thank you for contacting us about ")
                .append(topic)
                .append(". Your reference is ")
                .append(inquiry.reference())
                .append(".\n\n")
                .append("An adviser will read your inquiry and reply within one business day.\n\n");
        if (!definition.isEmpty()) {
            text.append("In short: ").append(definition).append("\n\n");
        }
        text.append("While you wait, you may find these useful:\n");
        for (var link : related) {
            text.append("- ")
                    .append(link.title())
                    .append(": ")
                    .append(link.url())
                    .append('\n');
        }
        text.append("\nIf you did not send this inquiry, you can ignore this message.\n");
        return new OutgoingMessage(
                ACK,
                messageId(inquiry, ACK),
                List.of(inquiry.form().email()),
                settings.teamAddresses().isEmpty()
                        ? null
                        : settings.teamAddresses().get(0),
                "We received your inquiry (" + inquiry.reference() + ")",
                text.toString(),
                templates.renderString("inquiry/ackMail.jte", mail));
    }

    private Term term(String slug) {
        return slug == null || slug.isEmpty()
                ? null
                : catalog.entry(slug).map(TermCatalog.Entry::term).orElse(null);
    }

    private String messageId(Inquiry inquiry, String kind) {
        return messageId(inquiry.id(), kind);
    }

    /** Deterministic, so that a message sent twice (a worker died after sending) can be recognised. */
    public String messageId(long inquiryId, String kind) {
        return "<inquiry-" + inquiryId + "-" + kind + "@" + host + ">";
    }
}
