-- Time saved in one unit (issue 18 item 7): an adopter reports how often they use a tip
-- (uses per month) and the minutes one use saves (prefilled with the author's estimate); the
-- server derives minutes_saved_per_month = uses_per_month × minutes_saved_per_use. Reports
-- made with the old body ({minutesSavedPerMonth}) keep both new columns NULL (uses unknown).
ALTER TABLE adoptions ADD COLUMN uses_per_month INTEGER CHECK (uses_per_month IS NULL OR uses_per_month >= 0);
ALTER TABLE adoptions ADD COLUMN minutes_saved_per_use INTEGER CHECK (minutes_saved_per_use IS NULL OR minutes_saved_per_use >= 0);
