-- Every write that changes what a search or a sort of the people sees gives the row the next
-- change number: the server's in-memory search index knows the rows up to a number, and asks
-- the database for the rows past it (another server may have written them). A sequence gives
-- numbers before the commits, not in their order: each writer holds a shared advisory lock
-- until it commits, and a server building its index takes the lock alone for a moment, so that
-- every number up to the highest it then reads belongs to a committed row.
ALTER TABLE accounts ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX people_by_change ON accounts(org_id, change_seq);
CREATE SEQUENCE people_changes;
CREATE FUNCTION number_people_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'person' THEN
        PERFORM pg_advisory_xact_lock_shared(7318201);
        NEW.change_seq := nextval('people_changes');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER people_change BEFORE INSERT OR UPDATE OF org_id, kind, user_id_key, email, phone,
    level, level_rank, status, sort_name, search_text ON accounts
    FOR EACH ROW EXECUTE FUNCTION number_people_change();
