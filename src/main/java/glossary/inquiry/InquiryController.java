package glossary.inquiry;

import glossary.mail.OutboxWorker;
import glossary.term.Glossary;
import glossary.term.TermCatalog;
import glossary.term.TermController;
import glossary.web.CachedPage;
import glossary.web.ClientAddress;
import glossary.web.FormTokens;
import glossary.web.PageMeta;
import glossary.web.Referrers;
import glossary.web.SameOrigin;
import glossary.web.Site;
import glossary.web.Templates;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Need help implementing X?" form on every term page and the general one on /contact:
 * validate, check for spam, store with its messages, redirect to the thank-you page.
 */
public final class InquiryController {
    private static final Logger log = LoggerFactory.getLogger(InquiryController.class);
    static final int MAX_FORM_FIELDS = 40;
    private static final Pattern REFERENCE = Pattern.compile("GL-\\d{4}-\\d{6,}");

    public record ContactPage(PageMeta meta, FormView form) {}

    public record ThanksPage(PageMeta meta, String reference) {}

    private final SameOrigin sameOrigin;
    private final FormSettings settings;
    private final Site site;
    private final Templates templates;
    private final Glossary glossary;
    private final TermController terms;
    private final InquiryWriter writer;
    private final FormTokens tokens;
    private final ClientAddress clients;
    private final SpamGuard spam = new SpamGuard();
    private final Counter accepted;
    private final Counter flagged;
    private final OutboxWorker worker;

    public InquiryController(
            String baseUrl,
            FormSettings settings,
            Site site,
            Templates templates,
            Glossary glossary,
            TermController terms,
            InquiryWriter writer,
            FormTokens tokens,
            ClientAddress clients,
            OutboxWorker worker,
            MeterRegistry metrics) {
        this.sameOrigin = new SameOrigin(baseUrl);
        this.settings = settings;
        this.site = site;
        this.templates = templates;
        this.glossary = glossary;
        this.terms = terms;
        this.writer = writer;
        this.tokens = tokens;
        this.clients = clients;
        this.worker = worker;
        this.accepted = inquiries(metrics, "accepted");
        this.flagged = inquiries(metrics, "flagged");
    }

    /** The terms in this form's language. */
    private TermCatalog catalog() {
        return glossary.in(site.language());
    }

    private static Counter inquiries(MeterRegistry metrics, String outcome) {
        return Counter.builder("glossary.inquiries")
                .tag("outcome", outcome)
                .description("Inquiries stored, by outcome")
                .register(metrics);
    }

    public void contact(Context ctx) {
        var topic = ctx.queryParam("topic");
        var term = topic == null ? null : catalog().entry(topic).orElse(null);
        var values = InquiryForm.blank(
                term == null ? "" : term.term().slug(), site.link("/contact"), Referrers.external(ctx), ctx);
        var form = new FormView(
                site.link("/contact"),
                term == null ? null : term.term().title(),
                values,
                new FieldErrors(),
                tokens.issue(FormTokens.Purpose.INQUIRY, settings.minimumFillTime()),
                null,
                site.language());
        renderContact(ctx, form, 200);
    }

    public void submitContact(Context ctx) {
        submit(ctx, null);
    }

    /**
     * Where a reload or a revisit of a failed submission's address lands: the term's page at its
     * form, since pages from before the form posted to the term's own address used this one.
     */
    public void formOfTerm(Context ctx) {
        var entry = catalog().entry(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        ctx.redirect(entry.term().path() + "#help", HttpStatus.SEE_OTHER);
    }

    public void submitFromTerm(Context ctx) {
        var entry = catalog().entry(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        submit(ctx, entry);
    }

    private void submit(Context ctx, TermCatalog.Entry entry) {
        sameOrigin.require(ctx);
        if (ctx.formParamMap().size() > MAX_FORM_FIELDS) {
            throw new BadRequestResponse("Too many fields");
        }
        var check = tokens.check(FormTokens.Purpose.INQUIRY, ctx.formParam("token"));
        if (check.verdict() == FormTokens.Verdict.INVALID) {
            throw new ForbiddenResponse("Invalid form token");
        }
        var form = InquiryForm.from(ctx).withSafeAttribution();
        if (entry != null) {
            form = withTerm(form, entry.term().slug());
        }
        var errors = form.validate(site.text());
        if (check.verdict() == FormTokens.Verdict.EXPIRED || !errors.isEmpty()) {
            // Keep the visitor's token while it is good, so correcting a mistake is not "too fast".
            var token = check.verdict() == FormTokens.Verdict.EXPIRED
                    ? tokens.issue(FormTokens.Purpose.INQUIRY, settings.minimumFillTime())
                    : ctx.formParam("token");
            var formError =
                    check.verdict() == FormTokens.Verdict.EXPIRED ? site.text().get("form.expired") : null;
            var view = new FormView(
                    entry == null ? site.link("/contact") : TermPageForm.action(entry.term()),
                    entry == null ? null : entry.term().title(),
                    form,
                    errors,
                    token,
                    formError,
                    site.language());
            if (entry == null) {
                renderContact(ctx, view, 422);
            } else {
                terms.showWithErrors(ctx, entry, templates.content("inquiry/form.jte", view), 422);
            }
            return;
        }
        var reason =
                spam.reason(form, ctx.formParam("website"), check.verdict()).orElse(null);
        var stored = writer.store(new InquiryRepository.Submission(
                form, clients.of(ctx), ctx.userAgent(), reason, check.nonce(), site.language()));
        var inquiry = stored.inquiry();
        if (stored.repeated()) {
            // A double click or a retried POST: the same answer as the first time, nothing stored.
            log.info("Inquiry {} sent again with the same token", inquiry.reference());
        } else if (inquiry.spamReason() == null) {
            accepted.increment();
            worker.wake();
            log.info(
                    "Inquiry {} stored (term: {})",
                    inquiry.reference(),
                    form.term().isEmpty() ? "none" : form.term());
        } else {
            flagged.increment();
            log.info("Inquiry {} stored as spam: {}", inquiry.reference(), inquiry.spamReason());
        }
        // Spam gets the very same answer, so a bot learns nothing from it.
        ctx.redirect(
                site.link("/inquiries/thanks") + "?ref="
                        + URLEncoder.encode(inquiry.reference(), StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    public void thanks(Context ctx) {
        var reference = ctx.queryParam("ref");
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new NotFoundResponse();
        }
        var t = site.text();
        var meta = site.page(
                        t.get("thanks.metaTitle", site.name()), t.get("thanks.metaDescription"), "/inquiries/thanks")
                .notIndexed();
        CachedPage.sendOnce(
                ctx,
                CachedPage.HTML,
                "no-store",
                templates.render("inquiry/thanks.jte", new ThanksPage(meta, reference)));
    }

    private void renderContact(Context ctx, FormView form, int status) {
        var t = site.text();
        var meta = site.page(
                (form.hasErrors() ? t.get("form.errorTitle") : "") + t.get("contact.metaTitle", site.name()),
                t.get("contact.metaDescription"),
                "/contact");
        ctx.status(status);
        CachedPage.sendOnce(
                ctx, CachedPage.HTML, "no-store", templates.render("inquiry/contact.jte", new ContactPage(meta, form)));
    }

    private static InquiryForm withTerm(InquiryForm f, String slug) {
        return new InquiryForm(
                f.name(),
                f.email(),
                f.company(),
                f.role(),
                f.country(),
                f.phone(),
                f.message(),
                f.timeline(),
                f.consent(),
                slug,
                f.page(),
                f.referrer(),
                f.utmSource(),
                f.utmMedium(),
                f.utmCampaign(),
                f.utmTerm(),
                f.utmContent());
    }
}
