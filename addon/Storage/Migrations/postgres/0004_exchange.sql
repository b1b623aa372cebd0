-- The exchange between nodes (Transport/README.md): each node's outbox (events queued for the peer) and inbox (events
-- received from the peer) of every connection, in one table keyed by an event's identity (connection, direction,
-- sequence), so a repeated event is stored once. Outgoing rows are deleted once the peer acknowledged storing them;
-- incoming rows are marked applied by the sync.
CREATE TABLE sync_events (
    connection_id   TEXT    NOT NULL,
    direction       TEXT    NOT NULL,               -- 'out' (queued for the peer) | 'in' (received from the peer)
    sequence        BIGINT NOT NULL,               -- per connection and direction, from 1, without gaps
    payload         TEXT    NOT NULL,               -- JSON, opaque to the transport
    stored_at_ms    BIGINT NOT NULL,
    applied_at_ms   BIGINT,                        -- incoming only: when the sync applied it
    PRIMARY KEY (connection_id, direction, sequence)
);

-- Per connection: the last outgoing sequence handed out, and the highest incoming sequence stored with all before it
-- (what this node acknowledges). Kept apart from sync_events, whose rows come and go.
CREATE TABLE exchange_cursors (
    connection_id   TEXT    NOT NULL PRIMARY KEY,
    last_queued     BIGINT NOT NULL DEFAULT 0,
    last_stored     BIGINT NOT NULL DEFAULT 0
);

-- Private side: when the public node said that it deleted the connection; the poller no longer exchanges for it.
ALTER TABLE connections ADD COLUMN peer_deleted_at_ms BIGINT;
