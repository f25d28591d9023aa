-- PostgreSQL only: the list's `query` (a case-insensitive substring of name or url) is found
-- through trigram indexes of the lowered columns instead of reading the whole account. pg_trgm is a
-- trusted extension: the owner of the database may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX endpoints_name_trigrams ON endpoints USING gin (LOWER(name) gin_trgm_ops);
CREATE INDEX endpoints_url_trigrams ON endpoints USING gin (LOWER(url) gin_trgm_ops);
