-- Change capture on a private node (Sync/README.md): where each private-side connection's JQL polling of the local
-- Jira stands, so that a restart continues where it stopped. updated_ms is the latest `updated` (Jira's clock) seen
-- in the connection's project; the next poll asks again from there minus the overlap.
CREATE TABLE change_cursors (
    connection_id       TEXT    NOT NULL PRIMARY KEY REFERENCES connections (id),
    updated_ms          BIGINT NOT NULL,
    last_polled_at_ms   BIGINT,
    last_error          TEXT
);

-- The issues a poll already reported, with the `updated` it reported them at, for as long as they can come back in
-- an overlapping window: an issue is reported again only when its `updated` differs. Rows older than the window are
-- pruned, so the table stays as small as the issues changed within the overlap.
CREATE TABLE change_cursor_seen (
    connection_id   TEXT    NOT NULL REFERENCES connections (id),
    issue_id        TEXT    NOT NULL,
    updated_ms      BIGINT NOT NULL,
    PRIMARY KEY (connection_id, issue_id)
);

-- The private node's counterpart of dirty_issues: "issue X of connection C changed", which the sync engine consumes.
-- One row per issue however often it changed; change_seq grows with every detected change, so a worker that read
-- the issue knows whether it changed again since. Keyed by connection, not tenant: on a private node each connection
-- has its own cursor, and the same Jira project may serve more than one connection.
CREATE TABLE connection_dirty_issues (
    connection_id     TEXT    NOT NULL REFERENCES connections (id),
    issue_id          TEXT    NOT NULL,
    issue_key         TEXT,
    updated_ms        BIGINT NOT NULL,
    change_seq        BIGINT NOT NULL DEFAULT 1,
    first_seen_at_ms  BIGINT NOT NULL,
    last_seen_at_ms   BIGINT NOT NULL,
    lease_token       TEXT,
    lease_until_ms    BIGINT,
    PRIMARY KEY (connection_id, issue_id)
);
CREATE INDEX connection_dirty_issues_first_seen ON connection_dirty_issues (first_seen_at_ms);
