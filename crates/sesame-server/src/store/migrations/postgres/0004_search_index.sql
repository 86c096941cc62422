-- Substring search through an index: pg_trgm's GIN index over the folded search text (LIKE
-- '%…%' uses it). pg_trgm is a trusted extension: the database owner may create it.
-- search_folding says which folding wrote a row's search and sort keys; the server refolds
-- older rows as it starts (folding is Unicode-aware and lives in Rust, not SQL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE accounts ADD COLUMN search_folding BIGINT NOT NULL DEFAULT 0;
CREATE INDEX people_search ON accounts USING gin (search_text gin_trgm_ops);
