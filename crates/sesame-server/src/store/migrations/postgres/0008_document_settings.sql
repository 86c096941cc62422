-- How the organization hands documents over: files protected by a passphrase unless a level-1
-- user says otherwise, and the API address a vendor is given on a connection sheet (NULL: the
-- server's own public address).
ALTER TABLE organizations ADD COLUMN protect_documents BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE organizations ADD COLUMN public_api_url TEXT;
