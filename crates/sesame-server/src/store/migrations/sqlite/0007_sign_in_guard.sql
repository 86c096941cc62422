-- Failed sign-ins counted per account and per source address, so that a guesser cannot lock
-- an account out of the places it is used from. One table holds three kinds of counter:
--   (organization, user ID, address): this address on this account;
--   (organization, user ID, ''):      the account, from anywhere (an attack on it);
--   ('', '', address):                 this address, on any account (a guesser going round).
-- The counts are transient: the old table's rows (per name only) are dropped.
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_failures (
    org_code TEXT NOT NULL,
    user_id_key TEXT NOT NULL,
    source TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    locked_until INTEGER,
    -- When the account's owner was last told it is being attacked (account rows only).
    alerted_at INTEGER,
    PRIMARY KEY (org_code, user_id_key, source)
);

-- The addresses an account last signed in from: they keep working while it is attacked.
CREATE TABLE sign_in_sources (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    last_success_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, source)
);
