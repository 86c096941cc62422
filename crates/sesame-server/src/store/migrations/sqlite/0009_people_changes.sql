-- Every write that changes what a search or a sort of the people sees gives the row the next
-- change number: the server's in-memory search index knows the rows up to a number, and asks
-- the database for the rows past it (another server may have written them). SQLite has one
-- writer at a time, so numbers are given in the order of the commits; they come from a counter
-- of their own, which never goes back (not even when a restore empties the accounts).
ALTER TABLE accounts ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX people_by_change ON accounts(org_id, change_seq);
CREATE TABLE people_search_changes (seq INTEGER NOT NULL);
INSERT INTO people_search_changes (seq) VALUES (0);
CREATE TRIGGER people_change_insert AFTER INSERT ON accounts WHEN new.kind = 'person' BEGIN
    UPDATE people_search_changes SET seq = seq + 1;
    UPDATE accounts SET change_seq = (SELECT seq FROM people_search_changes) WHERE id = new.id;
END;
CREATE TRIGGER people_change_update AFTER UPDATE OF org_id, kind, user_id_key, email, phone,
    level, level_rank, status, sort_name, search_text ON accounts WHEN new.kind = 'person' BEGIN
    UPDATE people_search_changes SET seq = seq + 1;
    UPDATE accounts SET change_seq = (SELECT seq FROM people_search_changes) WHERE id = new.id;
END;
