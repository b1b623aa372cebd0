-- The private node's console sessions, kept on the server so that logout, a password change and "sign out
-- everywhere" end them at once. The session cookie names a random session id; only its SHA-256 is stored here.
CREATE TABLE console_sessions (
    id_hash         TEXT    NOT NULL PRIMARY KEY,
    username        TEXT    NOT NULL,
    created_at_ms   BIGINT NOT NULL,
    last_seen_at_ms BIGINT NOT NULL
);
CREATE INDEX console_sessions_by_user ON console_sessions (username);
