-- What a published round shows to everyone: only the winners, or the full ranking with scores.
ALTER TABLE award_rounds ADD COLUMN results_visibility TEXT NOT NULL DEFAULT 'winners'
  CHECK (results_visibility IN ('winners', 'ranking'));
