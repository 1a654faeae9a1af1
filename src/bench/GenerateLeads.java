import glossary.Config;
import glossary.inquiry.LeadStatus;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

/**
 * Inserts N generated leads straight into the app's H2 database, for the admin benchmark:
 * java -cp target/glossary.jar src/bench/GenerateLeads.java JDBC_URL N (with the app stopped).
 */
public class GenerateLeads {
    private static final String[] TERMS = {
        "retrieval-augmented-generation",
        "large-language-model",
        "ai-governance",
        "ai-agent",
        "machine-learning",
        "computer-vision",
        "data-privacy",
        "mlops",
        "fine-tuning",
        "ai-strategy"
    };

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        var random = new Random(7);
        var start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(365);
        // The same database URL the app builds for this data directory, options included.
        var db = Config.from(Map.of("GLOSSARY_DATA_DIR", args[0])).db();
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            connection.setAutoCommit(false);
            var insert = connection.prepareStatement(
                    "INSERT INTO inquiry (id, created_at, name, email, company, country, message, "
                            + "term_slug, page, client_ip, status, email_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            var words = connection.prepareStatement("INSERT INTO inquiry_word (word, inquiry_id) VALUES (?, ?)");
            for (int i = 0; i < count; i++) {
                long id = 1_000_000L + i;
                var name = "Person " + i;
                var email = "person" + i + "@company" + (i % 5000) + ".example";
                var company = "Company " + (i % 5000) + " Pte Ltd";
                var message = "We would like advice on " + TERMS[i % TERMS.length] + " for our team of "
                        + (10 + random.nextInt(500)) + ".";
                insert.setLong(1, id);
                insert.setObject(2, start.plusSeconds((long) i * 365 * 24 * 3600 / count));
                insert.setString(3, name);
                insert.setString(4, email);
                insert.setString(5, company);
                insert.setString(6, i % 3 == 0 ? "SG" : i % 3 == 1 ? "MY" : "ID");
                insert.setString(7, message);
                insert.setString(8, TERMS[random.nextInt(TERMS.length)]);
                insert.setString(9, "/glossary/" + TERMS[i % TERMS.length]);
                insert.setString(10, "10.0." + (i % 250) + "." + (i % 200));
                insert.setString(
                        11,
                        LeadStatus.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(LeadStatus.values().length)]
                                .label());
                insert.setString(12, email); // already lower case, as the app keys it
                insert.addBatch();
                // The same words the app indexes: lower case, split at anything not a letter or digit.
                var seen = new java.util.HashSet<String>();
                for (var word : (name + " " + email + " " + company + " " + message)
                        .toLowerCase()
                        .split("[^\\p{L}\\p{N}]+")) {
                    if (!word.isEmpty() && seen.add(word)) {
                        words.setString(1, word);
                        words.setLong(2, id);
                        words.addBatch();
                    }
                }
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    words.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            words.executeBatch();
            connection.commit();
            // Bulk loading leaves the file about ten times its data (1 GB for 100,000 leads); an app
            // that gathered them over months keeps it compact as it goes, so compact it like that.
            try (var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (java.sql.SQLException e) {
                if (e.getErrorCode() != 90121) { // closing after SHUTDOWN finds the database closed
                    throw e;
                }
            }
        }
    }
}
