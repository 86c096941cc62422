-- Substring search through an index: FTS5's trigram tokenizer over the folded search text,
-- kept in step with accounts by triggers. Case-sensitive because the text is folded already,
-- so a match is exactly a substring, as PostgreSQL's LIKE finds it.
-- search_folding says which folding wrote a row's search and sort keys; the server refolds
-- older rows as it starts (folding is Unicode-aware and lives in Rust, not SQL).
ALTER TABLE accounts ADD COLUMN search_folding INTEGER NOT NULL DEFAULT 0;
CREATE VIRTUAL TABLE people_search USING fts5(
    search_text, content = 'accounts', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
);
CREATE TRIGGER people_search_insert AFTER INSERT ON accounts BEGIN
    INSERT INTO people_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON accounts BEGIN
    INSERT INTO people_search (people_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF search_text ON accounts BEGIN
    INSERT INTO people_search (people_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
    INSERT INTO people_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
INSERT INTO people_search (people_search) VALUES ('rebuild');
