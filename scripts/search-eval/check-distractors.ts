/**
 * For each held-out query, lists generated distractor tips that contain the query's content words
 * literally (after width/case folding), so a human can read a sample and judge whether any of them
 * in fact answers the query. Usage: npx tsx scripts/search-eval/check-distractors.ts [N] [samples] [--partial]
 * (--partial also prints distractors that share only some of a query's words, to read near misses).
 *
 * Content words are the query's space-separated words minus everyday phrasing (作り方, 方法, …).
 * For queries whose point is a variant spelling (typo, hiragana, long vowel, small kana), the check
 * also uses the intended spelling written below by the collection's author, since the variant
 * itself would rarely occur literally. A distractor is listed when it contains ALL content words
 * (in either spelling); counts of distractors containing ANY single content word are printed too.
 */
import { generateDistractors } from './distractors';
import { HELDOUT_QUERIES, HELDOUT_TIPS } from './heldout';

const PHRASING = new Set(['作り方', 'やり方', '方法', 'できない', '動かない', 'したい', 'どうやって', '教えて', '直し方']);

/** Intended spelling of the variant queries (author's meaning, not an engine rule). */
const INTENDED: Record<string, string> = {
  'ユーザ設定リスト': 'ユーザー設定リスト', 'ブレークアウトルーム': 'ブレイクアウトルーム', 'フォルダ ファイル名 一括変更': 'フォルダー ファイル名 名前を変更',
  'プリンタ 既定': 'プリンター 既定', 'タスクスケジューラ 夜間': 'タスクスケジューラー 夜間', 'スライドマスタ': 'スライドマスター',
  'ヘッダ フッタ ページ番号': 'ヘッダー フッター ページ番号', 'カレンダ 共有': 'カレンダー 共有', 'ユーザー定義 和暦': 'ユーザ定義 和暦',
  'エクスプローラ 拡張子': 'エクスプローラー 拡張子', 'ウィンドウ枠の固定': 'ウインドウ枠の固定', 'ヴァージョン履歴 戻す': 'バージョン履歴 戻す',
  'スマートホン マイナンバーカード': 'スマートフォン マイナンバーカード', 'ウィルス メール 報告': 'ウイルス メール 報告',
  'クロス集計 ウイザード': 'クロス集計 ウィザード', 'ウイザード 宛名ラベル': 'ウィザード 宛名ラベル', 'セキュリテイ リスク マクロ': 'セキュリティ リスク マクロ',
  'フイールド名 インポート': 'フィールド名 インポート', 'ヴァーチャル背景': 'バーチャル背景', '共有ホルダー ドライブ 割り当て': '共有フォルダー ドライブ 割り当て',
  'ぴぼっとてーぶる 更新': 'ピボットテーブル 更新', 'まくろ 記録': 'マクロ 記録', 'すらいさー': 'スライサー', 'ぱすわーど PDF': 'パスワード PDF',
  'ぶれいくあうとるーむ': 'ブレイクアウトルーム', 'ふらっしゅふぃる': 'フラッシュフィル', 'くえり 抽出条件': 'クエリ 抽出条件',
  'ぷりんたー 変更': 'プリンター 変更', 'てれわーく 申請': 'テレワーク 申請', 'せれくたー えらー': 'セレクター エラー',
  VLOOKPU: 'VLOOKUP', XLOKUP: 'XLOOKUP', TEXTJION: 'TEXTJOIN', NETWROKDAYS: 'NETWORKDAYS', SUMPRODCUT: 'SUMPRODUCT',
  'WinActer Excel': 'WinActor Excel', 'Uipth セレクター': 'UiPath セレクター', pivto: 'ピボット', IFERORR: 'IFERROR',
  'Acorbat 結合': 'Acrobat 結合', substitue: 'SUBSTITUTE',
};

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const words = (q: string) => fold(q).split(/\s+/).filter((w) => w && !PHRASING.has(w));

const n = Number(process.argv[2] ?? 10_000);
const samples = Number(process.argv[3] ?? 3);
const showPartial = process.argv.includes('--partial');
const docs = generateDistractors(n).map((d) => ({ d, text: fold(`${d.title}\n${d.tags.join(' ')}\n${d.body}`) }));

let flaggedQueries = 0;
let flaggedDocs = 0;
for (const query of HELDOUT_QUERIES) {
  const spellings = [words(query.q)];
  if (INTENDED[query.q]) spellings.push(words(INTENDED[query.q]));
  const all = docs.filter(({ text }) => spellings.some((ws) => ws.every((w) => text.includes(w))));
  const any = new Map<string, number>();
  for (const ws of spellings) for (const w of ws) any.set(w, docs.filter(({ text }) => text.includes(w)).length);
  const anyText = [...any].map(([w, c]) => `${w}:${c}`).join(' ');
  console.log(`${all.length ? '!!' : 'ok'} [${query.kind}] ${query.q}  — all words: ${all.length}  (each word: ${anyText})`);
  if (all.length) { flaggedQueries++; flaggedDocs += all.length; }
  for (const { d } of all.slice(0, samples)) console.log(`     ${d.key} 「${d.title}」 ${d.body.slice(0, 120)}…`);
  // near misses, for reading: distractors sharing some (not all) content words of a multi-word query
  if (!all.length && showPartial) {
    const ws = spellings.flat().filter((w) => w.length >= 2);
    const partial = docs.filter(({ text }) => ws.some((w) => text.includes(w)));
    for (const { d } of partial.slice(0, samples)) console.log(`     (partial) ${d.key} 「${d.title}」 ${d.body.slice(0, 100)}…`);
  }
}
const lens = docs.map(({ d }) => d.body.length);
const distinctBodies = new Set(docs.map(({ d }) => d.body)).size;
console.log(`\n${n} distractors; body length ${Math.min(...lens)}–${Math.max(...lens)}; distinct bodies ${distinctBodies}`);
console.log(`queries with any distractor containing all their content words: ${flaggedQueries} / ${HELDOUT_QUERIES.length} (${flaggedDocs} distractor hits)`);

// Subject disjointness beyond the queries' words: distractors mentioning any tag of the held-out tips.
const tagWords = [...new Set(HELDOUT_TIPS.flatMap((t) => t.tags).map(fold))];
const tagHits = tagWords.map((w) => [w, docs.filter(({ text }) => text.includes(w)).length] as const).filter(([, c]) => c > 0);
console.log(`held-out tags found in distractors (tag:count): ${tagHits.map(([w, c]) => `${w}:${c}`).join(' ') || 'none'}`);
