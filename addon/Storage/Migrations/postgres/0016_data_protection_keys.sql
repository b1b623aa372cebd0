-- PostgreSQL only: the Data Protection key ring (StorageSetup), which SQLite keeps as files in keys/ beside its
-- database file. Every process of a deployment on PostgreSQL must decrypt what another encrypted (shared secrets,
-- connection keys, app tokens), so the ring lives where they all look: here. One row per key, as Data Protection
-- writes it (an XML element naming the key and its lifetime); rows are only added, never changed.
CREATE TABLE data_protection_keys (
    name            TEXT    NOT NULL PRIMARY KEY,
    xml             TEXT    NOT NULL,
    stored_at_ms    BIGINT  NOT NULL
);
