package glossary;

import glossary.term.TermImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, migrates, imports the content, wires the parts and starts serving. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        var config = Config.fromEnvironment();
        var database = Database.migrateAndOpen(config);
        var catalog = new TermImporter(database.jdbi()).importAndLoad(config.contentDir());
        var app = App.create(config, catalog, database);
        app.start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping");
            app.stop();
            database.close();
        }, "shutdown"));
        log.info("Glossary is serving {} terms at {} (listening on port {})", catalog.terms().size(), config.baseUrl(), app.port());
    }
}
