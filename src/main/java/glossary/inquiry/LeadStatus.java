package glossary.inquiry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a lead stands, stored as the lower-case name. A lead arrives NEW, or SPAM when the spam
 * guard flags it; staff move it along the workflow, and "not spam" takes SPAM back to NEW.
 */
public enum LeadStatus {
    NEW,
    CONTACTED,
    QUALIFIED,
    WON,
    LOST,
    SPAM;

    /** As stored in the inquiry table and shown to staff. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    public static Optional<LeadStatus> parse(String label) {
        for (var status : values()) {
            if (status.label().equals(label)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Which statuses may follow this one, in workflow order. */
    public List<LeadStatus> next() {
        return switch (this) {
            case NEW -> List.of(CONTACTED, QUALIFIED, LOST, SPAM);
            case CONTACTED -> List.of(QUALIFIED, WON, LOST, SPAM);
            case QUALIFIED -> List.of(CONTACTED, WON, LOST);
            case WON -> List.of(QUALIFIED);
            case LOST -> List.of(CONTACTED, QUALIFIED);
            case SPAM -> List.of(NEW);
        };
    }

    /** Statuses that mean someone has answered the lead (the first one sets its response time). */
    public boolean answered() {
        return this == CONTACTED || this == QUALIFIED || this == WON || this == LOST;
    }
}
