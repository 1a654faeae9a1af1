package glossary.admin;

import java.time.ZoneId;

/** How the admin area shows things to staff: times in the firm's zone (GLOSSARY_TIMEZONE). */
public record StaffSettings(ZoneId zone) {}
