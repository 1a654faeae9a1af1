package glossary.term;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The term table: what was last imported from the content files. */
interface TermRows {
    record Stored(String slug, String status, String sourceSha256) {}

    @SqlQuery("SELECT slug, status, source_sha256 FROM term")
    @RegisterConstructorMapper(Stored.class)
    List<Stored> all();

    @SqlQuery("SELECT source FROM term WHERE status IN ('published', 'in-review') ORDER BY slug")
    List<String> visibleSources();

    @SqlQuery("SELECT source FROM term WHERE slug = :slug")
    String source(@Bind("slug") String slug);

    /** A term file's row as the import writes it. */
    record Source(String slug, String title, String category, String status, String source, String sha256) {}

    // Batches: on a first start every term is new; one prepared statement serves them all.
    @SqlBatch("INSERT INTO term (slug, title, category, status, source, source_sha256, imported_at) "
            + "VALUES (:slug, :title, :category, :status, :source, :sha256, :now)")
    void insert(@BindMethods List<Source> rows, @Bind("now") OffsetDateTime now);

    @SqlBatch("UPDATE term SET title = :title, category = :category, status = :status, source = :source, "
            + "source_sha256 = :sha256, imported_at = :now WHERE slug = :slug")
    void update(@BindMethods List<Source> rows, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE term SET status = 'removed', imported_at = :now WHERE slug = :slug")
    void markRemoved(@Bind("slug") String slug, @Bind("now") OffsetDateTime now);
}
