package glossary.term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small, complete term files for tests that need content of their own. */
public final class TermFiles {
    private TermFiles() {}

    public static String aTerm(
            String slug, String title, String category, List<String> aliases, List<String> related, String status) {
        return aTerm(
                slug,
                title,
                category,
                aliases,
                related,
                status,
                "## Why it matters for business\n\n" + title + " changes how a business works. " + filler() + "\n\n"
                        + "## Key considerations\n\n- Decide who owns it.\n- Measure it.\n- Budget for it.\n- Review it yearly.\n");
    }

    public static String aTerm(
            String slug,
            String title,
            String category,
            List<String> aliases,
            List<String> related,
            String status,
            String body) {
        var yaml = new StringBuilder("---\n")
                .append("title: \"")
                .append(title)
                .append("\"\n")
                .append("question: \"What is ")
                .append(title)
                .append("?\"\n")
                .append("cta: \"Need help with ")
                .append(title)
                .append("?\"\n")
                .append("slug: ")
                .append(slug)
                .append('\n')
                .append("category: ")
                .append(category)
                .append('\n')
                .append("aliases: [")
                .append(String.join(
                        ", ", aliases.stream().map(a -> "\"" + a + "\"").toList()))
                .append("]\n")
                .append("status: ")
                .append(status)
                .append('\n')
                .append("last_reviewed: 2026-11-01\n")
                .append("definition: \"")
                .append(title)
                .append(" is a term used in tests; this sentence defines it plainly for a reader in a hurry.\"\n")
                .append("related: [")
                .append(String.join(", ", related))
                .append("]\n")
                .append("faq:\n  - q: \"Why does ")
                .append(title)
                .append(" matter?\"\n    a: Because tests need it.\n")
                .append("  - q: Who uses it?\n    a: Everyone who runs the suite.\n")
                .append(
                        "references:\n  - title: A Reference\n    publisher: Test Press\n    year: 2024\n    url: https://example.com/ref/")
                .append(slug)
                .append("\n")
                .append(
                        "  - title: Another Reference\n    publisher: Test Press\n    year: 2023\n    url: https://example.com/other\n")
                .append("---\n")
                .append(body);
        return yaml.toString();
    }

    private static String filler() {
        return "It affects cost, risk and speed in ways a manager can measure and plan for. ".repeat(20);
    }

    public static Path write(Path dir, String slug, String content) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(slug + ".md"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
