-- Tenants: one row per Jira Cloud site that installed the app, keyed by its clientKey.
-- An uninstall is a soft delete (uninstalled_at set); the shared secret is stored encrypted.
CREATE TABLE tenants (
    client_key          TEXT    NOT NULL PRIMARY KEY,
    app_key             TEXT    NOT NULL,
    base_url            TEXT    NOT NULL,
    display_url         TEXT,
    product_type        TEXT,
    description         TEXT,
    cloud_id            TEXT,
    server_version      TEXT,
    plugins_version     TEXT,
    shared_secret       TEXT    NOT NULL,
    enabled             BIGINT NOT NULL DEFAULT 1,
    installed_at_ms     BIGINT NOT NULL,
    updated_at_ms       BIGINT NOT NULL,
    uninstalled_at_ms   BIGINT
);

-- Deliveries already recorded, by X-Atlassian-Webhook-Identifier: a retried delivery is recognised and changes nothing.
CREATE TABLE webhook_deliveries (
    client_key      TEXT    NOT NULL,
    delivery_id     TEXT    NOT NULL,
    received_at_ms  BIGINT NOT NULL,
    PRIMARY KEY (client_key, delivery_id)
);
CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at_ms);

-- Issues that changed and wait for the sync engine: one row per issue however many webhooks named it.
-- change_seq grows with every recorded change, so a worker that read the issue knows whether it changed again since.
CREATE TABLE dirty_issues (
    client_key        TEXT    NOT NULL,
    issue_id          TEXT    NOT NULL,
    issue_key         TEXT,
    last_event        TEXT    NOT NULL,
    change_seq        BIGINT NOT NULL DEFAULT 1,
    first_seen_at_ms  BIGINT NOT NULL,
    last_seen_at_ms   BIGINT NOT NULL,
    lease_token       TEXT,
    lease_until_ms    BIGINT,
    PRIMARY KEY (client_key, issue_id)
);
CREATE INDEX dirty_issues_first_seen ON dirty_issues (first_seen_at_ms);
