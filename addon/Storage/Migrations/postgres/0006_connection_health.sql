-- Connection health on a private node (Connections/README.md): the poller's last failure, kept until its next
-- successful exchange (which also sets last_polled_at_ms). Shown as the connection's reason while failing, never
-- written into status, so a deactivated connection stays deactivated.
ALTER TABLE connections ADD COLUMN last_error TEXT;
ALTER TABLE connections ADD COLUMN last_error_at_ms BIGINT;
