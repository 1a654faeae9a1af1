package glossary.term;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

    @SqlUpdate("INSERT INTO term (slug, title, category, status, source, source_sha256, imported_at) "
            + "VALUES (:slug, :title, :category, :status, :source, :sha, :now)")
    void insert(
            @Bind("slug") String slug,
            @Bind("title") String title,
            @Bind("category") String category,
            @Bind("status") String status,
            @Bind("source") String source,
            @Bind("sha") String sha,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE term SET title = :title, category = :category, status = :status, source = :source, "
            + "source_sha256 = :sha, imported_at = :now WHERE slug = :slug")
    void update(
            @Bind("slug") String slug,
            @Bind("title") String title,
            @Bind("category") String category,
            @Bind("status") String status,
            @Bind("source") String source,
            @Bind("sha") String sha,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE term SET status = 'removed', imported_at = :now WHERE slug = :slug")
    void markRemoved(@Bind("slug") String slug, @Bind("now") OffsetDateTime now);
}
