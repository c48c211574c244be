-- Titles and tags of published tips on their own (issue 3). The first tier of the ranking for a
-- frequent word (server/search/store.ts, topPage) first asks whether at least two tips have the
-- words in their title or tags. Asked of search_fts with a column filter, that walked the words'
-- whole doclists, bodies included, when few titles had them (2.4 ms for "エクセル 印刷 範囲" at
-- 100,000 tips); here the doclists hold titles and tags only. The tier's ranking itself stays on
-- search_fts (BM25 over the whole tip: ranked here, by title length, nDCG@10 fell 0.475 -> 0.388).
-- Same tokenizer and indexed text as search_fts's title and tags columns, kept by the app in the
-- same transaction; filled at the first start after this migration (server/search/engine.ts).
CREATE VIRTUAL TABLE search_titles USING fts5(
  title, tags,
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
