-- The thing a notification quotes (a comment's excerpt, an answering tip's title), so that the
-- quote is shown only while its reader may still see that thing (server/notifications/visibility.ts).
-- Older rows have none and are judged by their target alone.
ALTER TABLE notifications ADD COLUMN subject_type TEXT;
ALTER TABLE notifications ADD COLUMN subject_id INTEGER;
