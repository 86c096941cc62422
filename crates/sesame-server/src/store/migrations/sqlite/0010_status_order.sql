-- A page sorted by status is ordered by status, then name: the index follows that order, so the
-- page reads its rows in order instead of sorting every person of the first status (0.6 s at
-- 1,000,000 people).
DROP INDEX people_by_status;
CREATE INDEX people_by_status ON accounts(org_id, kind, status, sort_name, id);
