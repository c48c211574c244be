-- Notifications were found only by their reader (notifications_user); the lookups by what they
-- are about read the whole table, in the deleting or hiding transaction:
-- - a tip's deletion blanks the batched follow notifications written since the tip that quote its
--   title (notifications/visibility.ts forgetDeletedTips): by kind and time;
-- - a comment's hiding or deletion blanks the notifications quoting it (clearCommentQuotes): by target.
-- tests/moderation/notification-lookups.test.ts shows both plans.
CREATE INDEX notifications_follow_batches ON notifications(created_at) WHERE kind = 'follow.posts';
CREATE INDEX notifications_target ON notifications(target_type, target_id);
