-- The Latin words (and numbers) of the search index, so that the last word of a query, matched as
-- a prefix, can be rewritten to the few whole words it stands for (excel* → excel): FTS5 answers a
-- prefix query by merging the doclists of every matching term into a copy first, which doubles the
-- cost of a frequent word. Kept by the app in the same transaction as each index row; words are
-- never removed (a word no tip has any more matches nothing), and a rebuild starts it afresh.
-- Japanese is indexed as bigrams, which are whole tokens already (see server/search/query.ts).
CREATE TABLE search_vocab (
  term TEXT PRIMARY KEY
) WITHOUT ROWID;
