-- Sesame schema (SQLite). Times are Unix seconds; booleans are 0/1.

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    default_language TEXT NOT NULL,
    public_service BOOLEAN NOT NULL DEFAULT 0,
    -- Bumped to serialize changes that could remove the last active level-1 user.
    guard INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE roles (
    org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    PRIMARY KEY (org_id, code)
);

CREATE TABLE structures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES structures(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    primary_manager_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX structures_by_org ON structures(org_id, parent_id);
CREATE INDEX structures_by_manager ON structures(primary_manager_id);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    user_id TEXT NOT NULL,
    user_id_key TEXT NOT NULL,
    password_hash TEXT,
    password_temporary BOOLEAN NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    last_name TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    level INTEGER,
    -- 1, 2 or 3: level 2 with and without approval side by side, for the level-2 user list.
    level_rank INTEGER,
    roles TEXT NOT NULL DEFAULT '[]',
    is_contact BOOLEAN NOT NULL DEFAULT 0,
    totp_secret TEXT,
    totp_enabled BOOLEAN NOT NULL DEFAULT 0,
    application TEXT NOT NULL DEFAULT '',
    scope_all_companies BOOLEAN NOT NULL DEFAULT 0,
    scope_whole_structure BOOLEAN NOT NULL DEFAULT 0,
    structure_id INTEGER REFERENCES structures(id) ON DELETE CASCADE,
    sort_name TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    UNIQUE (org_id, user_id_key)
);
CREATE UNIQUE INDEX one_technical_user_per_structure ON accounts(structure_id) WHERE kind = 'technical_user';
-- One index per sort order of the user follow-up, for keyset paging.
CREATE INDEX people_by_name ON accounts(org_id, kind, sort_name, id);
CREATE INDEX people_by_level ON accounts(org_id, kind, level, sort_name, id);
CREATE INDEX people_by_rank ON accounts(org_id, kind, level_rank, sort_name, id);
CREATE INDEX people_by_user_id ON accounts(org_id, kind, user_id_key, id);
CREATE INDEX people_by_email ON accounts(org_id, kind, email, id);
CREATE INDEX people_by_phone ON accounts(org_id, kind, phone, id);
CREATE INDEX people_by_status ON accounts(org_id, kind, status, id);

CREATE TABLE account_scopes (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    structure_id INTEGER NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, structure_id)
);

-- Users under the charge of a manager.
CREATE TABLE charges (
    manager_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    subordinate_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (manager_id, subordinate_id)
);
CREATE INDEX charges_by_subordinate ON charges(subordinate_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions(account_id);

CREATE TABLE sign_in_failures (
    org_code TEXT NOT NULL,
    user_id_key TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    locked_until INTEGER,
    PRIMARY KEY (org_code, user_id_key)
);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    sent_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    closed_at INTEGER
);
CREATE INDEX invitations_by_account ON invitations(account_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX contacts_by_org ON contacts(org_id);

-- No foreign keys: the history outlives the accounts it names.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor_id INTEGER,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    target_id INTEGER,
    target_label TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_by_org ON audit(org_id, id);
CREATE INDEX audit_by_target ON audit(org_id, target_id, id);
CREATE INDEX audit_by_actor ON audit(org_id, actor_id, id);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until INTEGER,
    sent_at INTEGER,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_org ON outbox(org_id, id);
