package glossary.inquiry;

import glossary.mail.MailSettings;
import glossary.mail.OutgoingMessage;
import glossary.term.Term;
import glossary.term.TermCatalog;
import glossary.web.Firm;
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

    public record AckMail(
            String reference, String topic, String definition, List<Link> related, String siteUrl, Firm firm) {}

    private final String baseUrl;
    private final MailSettings settings;
    private final Templates templates;
    private final TermCatalog catalog;
    private final String host;
    private final Firm firm;

    public InquiryMessages(String baseUrl, MailSettings mail, Templates templates, TermCatalog catalog, Firm firm) {
        this.baseUrl = baseUrl;
        this.firm = firm;
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
        return new OutgoingMessage(
                TEAM,
                messageId(inquiry, TEAM),
                settings.teamAddresses(),
                form.email(),
                "Inquiry " + inquiry.reference() + " about " + topic + ", company given as \"" + form.company() + "\"",
                templates.renderText("inquiry/teamMail.jte", mail),
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
                related.add(new Link(other.title(), baseUrl + other.path()));
            }
        } else {
            for (var featured : catalog.featured()) {
                if (related.size() == 3) {
                    break;
                }
                related.add(new Link(featured.title(), baseUrl + featured.path()));
            }
        }
        var mail = new AckMail(inquiry.reference(), topic, definition, related, baseUrl, firm);
        return new OutgoingMessage(
                ACK,
                messageId(inquiry, ACK),
                List.of(inquiry.form().email()),
                settings.teamAddresses().isEmpty()
                        ? null
                        : settings.teamAddresses().get(0),
                ackSubject(inquiry),
                templates.renderText("inquiry/ackMail.jte", mail),
                templates.renderString("inquiry/ackMail.jte", mail));
    }

    /** The acknowledgement's subject; a reply repeats it after "Re: " so mail clients thread the two. */
    public String ackSubject(Inquiry inquiry) {
        return "We received your inquiry (" + inquiry.reference() + ") | " + firm.name();
    }

    /** The Message-ID the acknowledgement of this inquiry has (or would have had), which a reply answers. */
    public String ackMessageId(long inquiryId) {
        return messageId(inquiryId, ACK);
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
