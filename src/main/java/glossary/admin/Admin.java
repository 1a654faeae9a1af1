package glossary.admin;

import glossary.mail.Outbox;

/** The admin area's parts, built once in Main and handed to the app together. */
public record Admin(
        Staff staff, Sessions sessions, LoginThrottle throttle, Leads leads, Outbox outbox, PageViews views) {}
