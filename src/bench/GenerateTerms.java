import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes N synthetic term files for the search benchmark (run as a single-file program:
 * java src/bench/GenerateTerms.java DIR N). Deterministic: the same N gives the same files.
 */
public class GenerateTerms {
    private static final String[] ADJECTIVES = {
        "Adaptive",
        "Bayesian",
        "Causal",
        "Distributed",
        "Elastic",
        "Federated",
        "Generative",
        "Hybrid",
        "Incremental",
        "Joint",
        "Kernel",
        "Latent",
        "Modular",
        "Neural",
        "Online",
        "Probabilistic",
        "Quantised",
        "Robust",
        "Sparse",
        "Temporal",
        "Unified",
        "Variational",
        "Weighted",
        "Explainable",
        "Zonal"
    };

    public static void main(String[] args) throws IOException {
        var dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        var random = new Random(42);
        int nouns = Math.max(1, count / ADJECTIVES.length + 1);
        for (int i = 0; i < count; i++) {
            var title = ADJECTIVES[i % ADJECTIVES.length] + " " + noun(i / ADJECTIVES.length);
            var slug = title.toLowerCase().replace(' ', '-');
            var body = new StringBuilder();
            for (int w = 0; w < 120; w++) {
                body.append(word(random)).append(w % 12 == 11 ? ". " : " ");
            }
            var text = "---\n"
                    + "title: " + title + "\n"
                    + "slug: " + slug + "\n"
                    + "category: Category " + (i % 12) + "\n"
                    + "aliases: [" + slug.replace('-', ' ') + " method]\n"
                    + "status: published\n"
                    + "last_reviewed: 2026-11-" + String.format("%02d", 1 + i % 28) + "\n"
                    + "definition: " + title + " is a synthetic term about " + word(random) + " and " + word(random)
                    + ".\n"
                    + "related: [" + ADJECTIVES[(i + 1) % ADJECTIVES.length].toLowerCase() + "-"
                    + noun(i / ADJECTIVES.length).toLowerCase() + "]\n"
                    + "faq:\n  - q: What is " + title + "?\n    a: A term made up for benchmarks.\n"
                    + "references:\n  - title: Benchmark\n    publisher: Glossary\n    year: 2026\n    url: https://example.com/"
                    + slug + "\n"
                    + "---\n"
                    + "## Why it matters for business\n\n" + body + "\n\n"
                    + "## Key considerations\n\n- " + word(random) + "\n- " + word(random) + "\n- " + word(random)
                    + "\n- " + word(random) + "\n";
            Files.writeString(dir.resolve(slug + ".md"), text);
        }
    }

    private static String noun(int n) {
        return "Ledger" + n;
    }

    private static String word(Random random) {
        return "w" + Integer.toString(random.nextInt(5000), 36);
    }
}
