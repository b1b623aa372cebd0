-- The Jira site's own title (serverInfo's serverTitle), read when a connection is initiated, so that the partner's
-- console names the site ("ACME Jira (acme.atlassian.net)") rather than the node. Null when Jira did not say.
ALTER TABLE connections ADD COLUMN local_site_title TEXT;
