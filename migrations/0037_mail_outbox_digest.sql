-- What a queued weekly digest lists: its tips and 教えて requests by id (JSON). The digest is
-- written again from them just before it goes out, so a tip hidden, deleted or returned to draft
-- since the digest was queued is never mailed (server/mail/digest.ts). NULL for other mail.
ALTER TABLE mail_outbox ADD COLUMN digest TEXT;
