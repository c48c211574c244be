-- What a queued notice mail quotes (issue 18, item 8): the tip and the comment. Checked again when
-- the mail goes out, so content hidden (or returned to draft) after it was queued is never mailed.
ALTER TABLE mail_outbox ADD COLUMN post_id INTEGER;
ALTER TABLE mail_outbox ADD COLUMN comment_id INTEGER;
