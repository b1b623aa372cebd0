-- Bulk runs as rows any process carries on (Sync/README.md "Bulk runs"): a run is open from bulk_started_at_ms until
-- bulk_finished_at_ms. The process that holds its lease (bulk_holder, until bulk_lease_until_ms) searches the next
-- page from bulk_cursor (Jira Cloud's nextPageToken, or Data Center's start offset), marks its issues, and stores the
-- new cursor with the count in one statement that names the holder, so a process whose lease another took writes nothing.
ALTER TABLE sync_triggers ADD COLUMN bulk_cursor TEXT;
ALTER TABLE sync_triggers ADD COLUMN bulk_holder TEXT;
ALTER TABLE sync_triggers ADD COLUMN bulk_lease_until_ms INTEGER;
CREATE INDEX sync_triggers_open_bulk ON sync_triggers (bulk_finished_at_ms, bulk_started_at_ms);
