-- A tenant is a Jira site, installed the Connect way (clientKey, shared secret), the Forge way (installation id,
-- API base URL, the latest app token), or both while a site moves from Connect to Forge: it keeps its client_key,
-- so its connections stay. A site installed only through Forge has client_key 'forge:<cloudId>' and no secret.
-- SQLite cannot drop NOT NULL from a column, so the table is rebuilt with shared_secret nullable.
CREATE TABLE tenants_new (
    client_key              TEXT    NOT NULL PRIMARY KEY,
    app_key                 TEXT    NOT NULL,
    base_url                TEXT    NOT NULL,
    display_url             TEXT,
    product_type            TEXT,
    description             TEXT,
    cloud_id                TEXT,
    server_version          TEXT,
    plugins_version         TEXT,
    shared_secret           TEXT,                   -- Connect: encrypted; NULL when the site never installed that way
    enabled                 INTEGER NOT NULL DEFAULT 1,
    installed_at_ms         INTEGER NOT NULL,
    updated_at_ms           INTEGER NOT NULL,
    uninstalled_at_ms       INTEGER,                -- Connect's uninstall
    forge_installation_id   TEXT,                   -- changes when the Forge app is reinstalled; cloud_id does not
    forge_api_base_url      TEXT,                   -- https://api.atlassian.com/ex/jira/<cloudId>, from the invocation token
    forge_environment       TEXT,                   -- DEVELOPMENT, STAGING or PRODUCTION
    forge_installed_at_ms   INTEGER,
    forge_uninstalled_at_ms INTEGER,
    forge_token             TEXT,                   -- the latest app system token, encrypted
    forge_token_until_ms    INTEGER                 -- until when it is used: its guaranteed life from its arrival, less a margin
);
INSERT INTO tenants_new (client_key, app_key, base_url, display_url, product_type, description, cloud_id, server_version,
                         plugins_version, shared_secret, enabled, installed_at_ms, updated_at_ms, uninstalled_at_ms)
SELECT client_key, app_key, base_url, display_url, product_type, description, cloud_id, server_version,
       plugins_version, shared_secret, enabled, installed_at_ms, updated_at_ms, uninstalled_at_ms FROM tenants;
DROP TABLE tenants;
ALTER TABLE tenants_new RENAME TO tenants;
CREATE INDEX tenants_by_cloud_id ON tenants (cloud_id);
