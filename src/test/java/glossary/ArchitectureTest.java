package glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages are layers, and every arrow points down: a package may use its own classes and those
 * of the layers below it, never one above. Java sources and jte templates (whose folders mirror the
 * packages) are both scanned, so a template cannot smuggle an arrow back up.
 */
class ArchitectureTest {
    /** Bottom to top. The root package (Main, App, Config) wires everything and sits above them all. */
    static final List<String> LAYERS = List.of("ops", "web", "mail", "term", "inquiry", "webhook", "admin");

    /** Template folders that are not a package of their own: the shared layout and tags belong to web. */
    static String layerOfTemplateFolder(String folder) {
        return switch (folder) {
            case "layout", "tag", "error", "info" -> "web";
            default -> folder;
        };
    }

    private static final Pattern JAVA_IMPORT =
            Pattern.compile("^import (?:static )?glossary\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern ROOT_IMPORT =
            Pattern.compile("^import (?:static )?glossary\\.([A-Z]\\w*)", Pattern.MULTILINE);
    private static final Pattern TEMPLATE_IMPORT = Pattern.compile("^@import glossary\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_USE = Pattern.compile("(?<![\\w.])glossary\\.([a-z]\\w*)\\.[A-Z]");

    @Test
    void every_package_uses_only_itself_and_the_layers_below_it() throws IOException {
        var violations = new TreeSet<String>();
        for (var file : files(Path.of("src/main/java/glossary"), ".java")) {
            var relative = Path.of("src/main/java/glossary").relativize(file);
            if (relative.getNameCount() == 1) {
                continue; // the root wires everything
            }
            var from = relative.getName(0).toString();
            var source = Files.readString(file);
            check(violations, relative.toString(), from, JAVA_IMPORT, source);
            check(violations, relative.toString(), from, QUALIFIED_USE, source);
            var root = ROOT_IMPORT.matcher(source);
            while (root.find()) {
                violations.add(relative + ": " + from + " -> the root package (" + root.group(1) + ")");
            }
        }
        for (var root : List.of(Path.of("src/main/jte"), Path.of("src/main/jte-text"))) {
            for (var file : files(root, ".jte")) {
                var relative = root.relativize(file);
                var from = layerOfTemplateFolder(relative.getName(0).toString());
                var source = Files.readString(file);
                check(violations, root.getFileName() + "/" + relative, from, TEMPLATE_IMPORT, source);
                check(violations, root.getFileName() + "/" + relative, from, QUALIFIED_USE, source);
            }
        }
        assertThat(violations).as("arrows pointing up the layers " + LAYERS).isEmpty();
    }

    @Test
    void every_package_is_a_known_layer() throws IOException {
        var packages = new TreeSet<String>();
        try (var dirs = Files.list(Path.of("src/main/java/glossary"))) {
            dirs.filter(Files::isDirectory)
                    .forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        assertThat(packages).containsExactlyInAnyOrderElementsOf(LAYERS);
    }

    @Test
    void the_scan_sees_an_arrow_pointing_up() {
        var violations = new TreeSet<String>();
        check(violations, "term/Example.java", "term", JAVA_IMPORT, "import glossary.admin.Staff;\n");
        check(violations, "term/Example.java", "term", QUALIFIED_USE, "var x = new glossary.inquiry.FormView();");
        check(violations, "jte/term/x.jte", "term", TEMPLATE_IMPORT, "@import glossary.inquiry.FormView\n");
        check(violations, "web/Fine.java", "web", JAVA_IMPORT, "import glossary.ops.Metrics;\n");
        assertThat(violations).hasSize(3);
    }

    private static void check(TreeSet<String> violations, String file, String from, Pattern pattern, String source) {
        var matcher = pattern.matcher(source);
        while (matcher.find()) {
            var to = matcher.group(1);
            if (!to.equals(from) && rank(to) >= rank(from)) {
                violations.add(file + ": " + from + " -> " + to);
            }
        }
    }

    private static int rank(String layer) {
        int rank = LAYERS.indexOf(layer);
        if (rank < 0) {
            throw new AssertionError("not a known layer: " + layer);
        }
        return rank;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return new ArrayList<>(
                    paths.filter(p -> p.toString().endsWith(suffix)).toList());
        }
    }
}
