-- The invitation code itself, encrypted with the node's Data Protection keys (InvitationCodeProtector), so a Jira
-- admin can copy it again while it is valid. Its secret is still checked against secret_hash only. Invitations
-- issued before this migration have none: their codes were shown once.
ALTER TABLE invitations ADD COLUMN code_protected TEXT;
