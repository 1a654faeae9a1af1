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

    /**
     * Words real terms use, mixed into the generated text (one word in ten) so that a broad query
     * such as "model" or "ai" matches most terms, as it does in the bundled glossary.
     */
    private static final String[] COMMON = {
        "model", "AI", "data", "training", "risk", "agents", "governance", "customers", "cost", "inference"
    };

    public static void main(String[] args) throws IOException {
        var dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        var random = new Random(42);
        for (int i = 0; i < count; i++) {
            var title = title(i);
            var slug = slug(title);
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
                    + "related: ["
                    + slug(title(i / ADJECTIVES.length * ADJECTIVES.length + (i + 1) % ADJECTIVES.length))
                    + "]\n"
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

    /** "Adaptive Ledger0"; one title in seven ends in "Model" and one in seven begins with "AI". */
    private static String title(int i) {
        var title = ADJECTIVES[i % ADJECTIVES.length] + " " + noun(i / ADJECTIVES.length);
        return switch (i % 7) {
            case 0 -> title + " Model";
            case 3 -> "AI " + title;
            default -> title;
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replace(' ', '-');
    }

    private static String noun(int n) {
        return "Ledger" + n;
    }

    private static String word(Random random) {
        if (random.nextInt(10) == 0) {
            return COMMON[random.nextInt(COMMON.length)];
        }
        return "w" + Integer.toString(random.nextInt(5000), 36);
    }
}
