-- Basic-mode sync (addon/Sync/README.md): twins, the copies the sync made, triggers, errors, attachment hashes.

-- A twin: one local issue paired with the peer's issue within one connection. The side that brought the issue under
-- sync knows its local id first (origin 'local'); the side that receives it knows the peer's id first (origin
-- 'remote') and its local id once the create is recorded. Unique per side, so a twin is created once.
CREATE TABLE twins (
    connection_id       TEXT    NOT NULL REFERENCES connections (id),
    twin_id             TEXT    NOT NULL,
    local_issue_id      TEXT,
    local_issue_key     TEXT,
    remote_issue_id     TEXT,
    remote_issue_key    TEXT,
    remote_issue_url    TEXT,
    origin              TEXT    NOT NULL,           -- 'local' | 'remote'
    brought_by          TEXT    NOT NULL,           -- 'action' | 'trigger' | 'bulk' | 'peer'
    agreed              TEXT    NOT NULL DEFAULT '{}', -- JSON: field -> hash of the value both sides last agreed on
    items_hash          TEXT,                       -- hash of the native comments and attachments last sent
    sent_count          BIGINT NOT NULL DEFAULT 0, -- replicas queued for the peer
    seen_updated_ms     BIGINT,                    -- the local issue's `updated` when the sync last read it (catch-up compares)
    applying_since_ms   BIGINT,                    -- an event of the peer is being applied: writes to Jira may not be recorded yet
    stopped_at_ms       BIGINT,
    stopped_reason      TEXT,
    created_at_ms       BIGINT NOT NULL,
    updated_at_ms       BIGINT NOT NULL,
    PRIMARY KEY (connection_id, twin_id)
);
CREATE UNIQUE INDEX twins_local ON twins (connection_id, local_issue_id);
CREATE UNIQUE INDEX twins_remote ON twins (connection_id, remote_issue_id);

-- The copies the sync made of the peer's comments and attachments. local_id is null between "about to create"
-- and "created" (recovery after a crash looks for the copy in Jira before creating it again).
CREATE TABLE twin_copies (
    connection_id       TEXT    NOT NULL,
    twin_id             TEXT    NOT NULL,
    kind                TEXT    NOT NULL,           -- 'comment' | 'attachment'
    remote_id           TEXT    NOT NULL,
    local_id            TEXT,
    hash                TEXT    NOT NULL,           -- of the peer's item as last applied
    started_at_ms       BIGINT NOT NULL,
    PRIMARY KEY (connection_id, twin_id, kind, remote_id)
);
CREATE INDEX twin_copies_local ON twin_copies (connection_id, twin_id, kind, local_id);

-- Attachments this node made available to the peer, with the hash computed once (Jira attachments never change).
CREATE TABLE shared_attachments (
    connection_id       TEXT    NOT NULL,
    attachment_id       TEXT    NOT NULL,
    sha256              TEXT,                       -- null when it was not shared (too_large)
    size                BIGINT NOT NULL,
    problem             TEXT,
    shared_at_ms        BIGINT NOT NULL,
    PRIMARY KEY (connection_id, attachment_id)
);

CREATE TABLE sync_triggers (
    id                  TEXT    NOT NULL PRIMARY KEY,
    connection_id       TEXT    NOT NULL REFERENCES connections (id),
    jql                 TEXT    NOT NULL,
    active              BIGINT NOT NULL DEFAULT 1,
    created_at_ms       BIGINT NOT NULL,
    updated_at_ms       BIGINT NOT NULL,
    bulk_started_at_ms  BIGINT,
    bulk_finished_at_ms BIGINT,
    bulk_matched        BIGINT,
    bulk_error          TEXT
);
CREATE INDEX sync_triggers_connection ON sync_triggers (connection_id);

-- What failed, per connection and issue: direction 'out' (reading or sending this node's issue) or 'in' (applying
-- the peer's events). A blocking error holds that issue's later events until a retry succeeds.
CREATE TABLE sync_errors (
    connection_id       TEXT    NOT NULL,
    direction           TEXT    NOT NULL,
    issue_ref           TEXT    NOT NULL,           -- the issue id on the side it is about
    issue_key           TEXT,
    sequence            BIGINT,                    -- 'in': the event that fails
    message             TEXT    NOT NULL,
    blocking            BIGINT NOT NULL DEFAULT 1,
    tries               BIGINT NOT NULL DEFAULT 1,
    first_failed_at_ms  BIGINT NOT NULL,
    last_failed_at_ms   BIGINT NOT NULL,
    next_try_at_ms      BIGINT NOT NULL,
    PRIMARY KEY (connection_id, direction, issue_ref)
);

-- When the peer queued an incoming event (its clock), next to when it was stored here: how long events take to arrive.
ALTER TABLE sync_events ADD COLUMN peer_queued_at_ms BIGINT;
