package glossary.admin;

/**
 * The team's daily digest: sent from this hour of the day (0 to 23) in the firm's zone; a negative
 * hour means no digest (GLOSSARY_DIGEST_HOUR=-1).
 */
public record DigestSettings(int hour) {
    public boolean enabled() {
        return hour >= 0;
    }
}
