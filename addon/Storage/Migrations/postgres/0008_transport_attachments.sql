-- Attachment bytes between nodes (Transport/README.md, "Attachment bytes"), public side.
-- Offers: Jira attachments of the tenant that the connection's private node may GET by ref. Only the description is
-- kept; the bytes are streamed from Jira on each GET. A ref names one content for good: offering it again is a no-op.
CREATE TABLE offered_attachments (
    connection_id       TEXT    NOT NULL,
    ref                 TEXT    NOT NULL,
    jira_attachment_id  TEXT    NOT NULL,
    sha256              TEXT    NOT NULL,           -- lowercase hex, sent as X-Content-SHA256
    size                BIGINT NOT NULL,
    file_name           TEXT    NOT NULL,
    media_type          TEXT,
    offered_at_ms       BIGINT NOT NULL,
    PRIMARY KEY (connection_id, ref)
);

-- Received: bytes the private node PUT, complete and checked against their hash, in a file under
-- {DataDirectory}/attachments/{connection_id}/ until the sync uploaded them to Jira and discards the row and file.
-- A row is written only after its file was flushed and renamed to stored_file, so it never points at a partial file.
CREATE TABLE received_attachments (
    connection_id       TEXT    NOT NULL,
    ref                 TEXT    NOT NULL,
    sha256              TEXT    NOT NULL,
    size                BIGINT NOT NULL,
    file_name           TEXT    NOT NULL,
    media_type          TEXT,
    stored_file         TEXT    NOT NULL,           -- the file's name in the connection's folder
    received_at_ms      BIGINT NOT NULL,
    PRIMARY KEY (connection_id, ref)
);
