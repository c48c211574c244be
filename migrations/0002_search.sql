-- Full-text search over published tips (issue 3).
-- The indexed text is not a column of posts: it is title, tags and body text after the search
-- pipeline (NFKC, case folding, variants, Japanese bigrams — server/search/), so the table is
-- contentless and the app keeps it in step in the same transaction as every tip write.
-- contentless_delete lets an edit, hide or delete remove a tip's old row by rowid (= posts.id).
-- Only published tips are in it: hidden and draft tips cannot be found.
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, tags, body,
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);

-- pipeline: the version of the normalization/tokenization the index was built with; the app
-- rebuilds the index at start-up when its own version differs (and fills it the first time).
CREATE TABLE search_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
