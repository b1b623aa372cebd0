-- Which Jira the other side runs ("Jira Data Center 9.12.15", "Jira Cloud"), as the accepting private node said, so
-- the Connections page can show it with the partner's node. Null for connections accepted before nodes said.
ALTER TABLE connections ADD COLUMN remote_jira TEXT;
