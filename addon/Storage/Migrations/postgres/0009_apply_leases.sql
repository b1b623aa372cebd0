-- Which process applies a connection's incoming events (Sync/README.md "Incoming"): one holder per connection, so
-- the events of an issue apply in order even when several processes share the database.
CREATE TABLE apply_leases (
    connection_id   TEXT    NOT NULL PRIMARY KEY,
    holder          TEXT    NOT NULL,           -- a random id per process
    until_ms        BIGINT NOT NULL
);
