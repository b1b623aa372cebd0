-- Jira's hourly points quota, shared by every process (Jira/Quota/README.md): when Jira answers 429 with a
-- RateLimit-Reason of a jira-quota-* kind, the site's calls pause until the reset it announced, in every process. One
-- row per site (JiraTarget.SiteKey: scheme, host and path prefix); a later, longer pause replaces an earlier one.
-- (0016 is PostgreSQL's key ring, which SQLite keeps as files: the numbers are shared, a number one folder lacks is the other's alone.)
CREATE TABLE jira_quota_pauses (
    site_key        TEXT    NOT NULL PRIMARY KEY,
    until_ms        BIGINT NOT NULL,
    reason          TEXT    NOT NULL,
    recorded_at_ms  BIGINT NOT NULL
);
