-- DX award (DX賞) rounds with their jury, and the impact of tips (minutes saved, adoptions).

CREATE TABLE award_rounds (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  -- Phases only move forward: nominating → scoring → closed → published.
  phase        TEXT NOT NULL DEFAULT 'nominating'
                 CHECK (phase IN ('nominating', 'scoring', 'closed', 'published')),
  created_by   INTEGER REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  published_at TEXT
);

CREATE TABLE award_categories (
  round_id INTEGER NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  PRIMARY KEY (round_id, name)
) WITHOUT ROWID;

-- weight is an integer multiplier (効果 ×3), so weighted means compare exactly as fractions.
CREATE TABLE award_criteria (
  round_id INTEGER NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key      TEXT NOT NULL,
  label    TEXT NOT NULL,
  weight   INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
  PRIMARY KEY (round_id, key)
) WITHOUT ROWID;

CREATE TABLE award_judges (
  round_id INTEGER NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (round_id, user_id)
) WITHOUT ROWID;
CREATE INDEX award_judges_user ON award_judges(user_id);

-- A tip is nominated at most once per round. prize is set when the round is published.
CREATE TABLE award_nominations (
  id            INTEGER PRIMARY KEY,
  round_id      INTEGER NOT NULL REFERENCES award_rounds(id) ON DELETE CASCADE,
  post_id       INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  category      TEXT NOT NULL,
  statement     TEXT NOT NULL,
  nominated_by  INTEGER NOT NULL REFERENCES users(id),
  created_at    TEXT NOT NULL,
  prize         TEXT,
  prize_order   INTEGER,
  UNIQUE (round_id, post_id)
);
CREATE INDEX award_nominations_post ON award_nominations(post_id);
CREATE INDEX award_nominations_winners ON award_nominations(round_id, prize_order) WHERE prize IS NOT NULL;

-- One row per judge and nomination; a new score replaces it. scores is {criterion key: 1..5}.
CREATE TABLE award_scores (
  nomination_id INTEGER NOT NULL REFERENCES award_nominations(id) ON DELETE CASCADE,
  judge_id      INTEGER NOT NULL REFERENCES users(id),
  scores        TEXT NOT NULL CHECK (json_valid(scores)),
  comment       TEXT NOT NULL DEFAULT '',
  scored_at     TEXT NOT NULL,
  PRIMARY KEY (nomination_id, judge_id)
) WITHOUT ROWID;
CREATE INDEX award_scores_judge ON award_scores(judge_id);

-- The author's estimate of minutes one use of the tip saves.
ALTER TABLE posts ADD COLUMN minutes_saved_per_use INTEGER CHECK (minutes_saved_per_use >= 0);

-- "使ってみた": one report per member per tip; a new report replaces the figures and keeps
-- created_at, the day the tip was first put to use, which is what periods count by.
-- department is the adopter's department when they reported, so moving later does not
-- rewrite which department the saving happened in.
CREATE TABLE adoptions (
  post_id                  INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  user_id                  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  department               TEXT NOT NULL,
  minutes_saved_per_month  INTEGER NOT NULL CHECK (minutes_saved_per_month >= 0),
  note                     TEXT NOT NULL DEFAULT '',
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;
CREATE INDEX adoptions_created ON adoptions(created_at);
CREATE INDEX adoptions_user ON adoptions(user_id);
