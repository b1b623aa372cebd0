-- Connections (Connections/README.md): the pairing of a tenant on a public node with a private node. The same table
-- serves both roles: a public node's rows carry the tenant (client_key), a private node's the public node's URL.
-- Deleted connections stay (deleted_at_ms) so that what was synced can still be explained; they are never listed.
CREATE TABLE connections (
    id                  TEXT    NOT NULL PRIMARY KEY,
    side                TEXT    NOT NULL,
    client_key          TEXT,
    name                TEXT    NOT NULL,
    mode                TEXT    NOT NULL DEFAULT 'basic',
    type                TEXT    NOT NULL DEFAULT 'private',
    status              TEXT    NOT NULL,
    status_reason       TEXT,
    local_project_id    TEXT    NOT NULL,
    local_project_key   TEXT    NOT NULL,
    local_project_name  TEXT    NOT NULL,
    remote_node_name    TEXT,
    remote_node_version TEXT,
    remote_project_key  TEXT,
    remote_project_name TEXT,
    remote_base_url     TEXT,
    connection_key      TEXT,
    created_at_ms       BIGINT NOT NULL,
    updated_at_ms       BIGINT NOT NULL,
    activated_at_ms     BIGINT,
    last_polled_at_ms   BIGINT,
    deleted_at_ms       BIGINT
);
CREATE INDEX connections_tenant ON connections (client_key, deleted_at_ms);

-- The invitation of a public-side connection. Only a hash of its secret is kept; consuming it, activating the
-- connection and storing the accept answer happen in one transaction, so a retry with the same nonce replays the answer.
CREATE TABLE invitations (
    connection_id       TEXT    NOT NULL PRIMARY KEY REFERENCES connections (id),
    secret_hash         TEXT    NOT NULL,
    expires_at_ms       BIGINT NOT NULL,
    revoked_at_ms       BIGINT,
    consumed_at_ms      BIGINT,
    accepted_nonce_hash TEXT,
    accept_answer       TEXT
);
