-- API credentials that expire, rotate with overlap and remind their owner.

-- Validity of service and technical users' passwords, in days; NULL: they never expire
-- (an explicit choice of a level-1 user).
ALTER TABLE organizations ADD COLUMN api_validity_days BIGINT DEFAULT 365;

ALTER TABLE accounts ADD COLUMN password_set_at BIGINT;
ALTER TABLE accounts ADD COLUMN password_expires_at BIGINT;
-- After a rotation: the previous password and until when it still works.
ALTER TABLE accounts ADD COLUMN previous_password_hash TEXT;
ALTER TABLE accounts ADD COLUMN previous_password_until BIGINT;
-- A service user's responsible person (reminded before expiry); NULL: every level-1 user.
ALTER TABLE accounts ADD COLUMN responsible_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL;

-- Passwords issued before this version never expired: they get a full validity from the
-- upgrade, so no integration stops on the day of the upgrade.
UPDATE accounts SET password_set_at = created_at,
    password_expires_at = CAST(EXTRACT(EPOCH FROM now()) AS BIGINT) + 365 * 86400
    WHERE kind IN ('service_user', 'technical_user');

-- One row per reminder written: the key makes it written once, whichever replica gets there
-- first (the others' INSERT … ON CONFLICT DO NOTHING writes nothing, so they mail nothing).
CREATE TABLE credential_reminders (
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    days_before BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, expires_at, days_before)
);
CREATE INDEX accounts_by_expiry ON accounts(password_expires_at) WHERE password_expires_at IS NOT NULL;
