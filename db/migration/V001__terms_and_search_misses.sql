-- The glossary's content as last imported from db/terms. The source text is kept whole so every
-- instance builds the same in-memory catalog from the database, not from its own files.
CREATE TABLE term (
    slug          VARCHAR(120) PRIMARY KEY,
    title         VARCHAR(200) NOT NULL,
    category      VARCHAR(120) NOT NULL,
    status        VARCHAR(20)  NOT NULL,   -- published | in-review | draft | removed
    source        VARCHAR(200000) NOT NULL, -- not TEXT: H2 would store it as a LOB
    source_sha256 VARCHAR(64)  NOT NULL,
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Searches that found nothing: the content team's list of terms readers want and we lack.
CREATE TABLE search_miss (
    query      VARCHAR(100) PRIMARY KEY,
    hits       BIGINT NOT NULL,
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
