package glossary.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as readers in the region write them: 29 November 2026. */
public final class Dates {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {}

    public static String format(LocalDate date) {
        return LONG.format(date);
    }
}
