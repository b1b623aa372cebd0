-- The private node's console logins (Connections/README.md): one row per user, the password only as a PBKDF2 hash
-- ("pbkdf2-sha256$iterations$salt$hash"). A public node never writes here.
CREATE TABLE console_credentials (
    username        TEXT    NOT NULL PRIMARY KEY,
    password_hash   TEXT    NOT NULL,
    created_at_ms   BIGINT NOT NULL
);
