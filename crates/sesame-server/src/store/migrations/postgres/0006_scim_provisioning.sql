-- SCIM provisioning: a service user marked for provisioning acts, under /scim/v2, with the
-- rights of the level-1 person who marked it (followed at every request, like a technical
-- user's primary manager); a provisioned person keeps the HR system's own identifier.
ALTER TABLE accounts ADD COLUMN provisioning_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL;
ALTER TABLE accounts ADD COLUMN external_id TEXT;
