package glossary.web;

/** One choice in a select list: what is sent, and what the reader sees. */
public record Option(String value, String label) {}
