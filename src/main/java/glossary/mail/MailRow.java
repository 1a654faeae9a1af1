package glossary.mail;

import java.util.ArrayList;
import java.util.List;

/** One "label: value" line of a message, a link when {@code href} is not empty. */
public record MailRow(String label, String value, String href) {
    /** Rows with a value only: a message shows no label with nothing after it. */
    public static List<MailRow> filled(MailRow... rows) {
        var filled = new ArrayList<MailRow>();
        for (var row : rows) {
            if (row.value() != null && !row.value().isBlank()) {
                filled.add(row);
            }
        }
        return List.copyOf(filled);
    }

    public static MailRow of(String label, String value) {
        return new MailRow(label, value == null ? "" : value.strip(), "");
    }

    public static MailRow link(String label, String value, String href) {
        return new MailRow(label, value == null ? "" : value.strip(), href);
    }
}
