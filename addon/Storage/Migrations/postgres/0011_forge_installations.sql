-- A tenant is a Jira site, installed the Connect way (clientKey, shared secret), the Forge way (installation id,
-- API base URL, the latest app token), or both while a site moves from Connect to Forge: it keeps its client_key,
-- so its connections stay. A site installed only through Forge has client_key 'forge:<cloudId>' and no secret.
-- (The SQLite folder rebuilds the table for this; PostgreSQL drops the NOT NULL in place.)
ALTER TABLE tenants ALTER COLUMN shared_secret DROP NOT NULL;   -- Connect: encrypted; NULL when the site never installed that way
ALTER TABLE tenants ADD COLUMN forge_installation_id   TEXT;    -- changes when the Forge app is reinstalled; cloud_id does not
ALTER TABLE tenants ADD COLUMN forge_api_base_url      TEXT;    -- https://api.atlassian.com/ex/jira/<cloudId>, from the invocation token
ALTER TABLE tenants ADD COLUMN forge_environment       TEXT;    -- DEVELOPMENT, STAGING or PRODUCTION
ALTER TABLE tenants ADD COLUMN forge_installed_at_ms   BIGINT;
ALTER TABLE tenants ADD COLUMN forge_uninstalled_at_ms BIGINT;
ALTER TABLE tenants ADD COLUMN forge_token             TEXT;    -- the latest app system token, encrypted
ALTER TABLE tenants ADD COLUMN forge_token_until_ms    BIGINT;  -- until when it is used: its guaranteed life from its arrival, less a margin
CREATE INDEX tenants_by_cloud_id ON tenants (cloud_id);
