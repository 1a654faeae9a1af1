package glossary.inquiry;

import glossary.web.Language;
import glossary.web.Option;
import glossary.web.Text;
import java.util.List;

/**
 * Everything the inquiry form template shows: where it posts, what is in the fields, what is wrong
 * with them, and the signed token.
 *
 * @param formError a problem with the form as a whole (e.g. it was open too long), or null
 */
public record FormView(
        String action,
        String topic,
        InquiryForm values,
        FieldErrors errors,
        String token,
        String formError,
        Language language) {

    public Text t() {
        return Text.of(language);
    }

    public List<Option> countries() {
        return Choices.countries(language);
    }

    public List<Option> timelines() {
        return Choices.timelines(language);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || formError != null;
    }

    /** The errors in form order, with their messages, for the summary at the top of the form. */
    public List<String> errorFields() {
        return errors.fields();
    }
}
