/**
 * The search query language, parsed into terms and rendered as an FTS5 expression in which
 * every piece of user text is a double-quoted phrase of tokens made by `tokenize.ts` (letters,
 * digits and marks only), so no input can inject FTS5 syntax (`"`, `*`, `NEAR(`, `:`, `^`, …).
 *
 * - Words separated by spaces must all match (AND).
 * - `"quoted words"` match as a phrase (“ ” and ＂ work too).
 * - `-word` or `-"a phrase"` excludes tips that contain it.
 * - The last word matches as a prefix unless the query ends with a space (search-as-you-type).
 * - Japanese written without spaces is cut with Intl.Segmenter('ja'); particles and endings
 *   (で, を, したい, 方法, …) are dropped, so エクセルで重複を消したい means excel AND 重複 AND 消*.
 *   A kanji word with okurigana matches on its kanji stem (消し → 消*, 条件付き → 条件付).
 */
import { alternativesOf, stemOf } from './lexicon';
import { mannerIn, isManner } from './manner';
import { isEnglishWord, normalize, normalizeWithMap, toKatakana } from './normalize';
import { spellingKey } from './spellings';
import { neighboursOf } from './thesaurus';
import { translationsOf } from './translations';
import { isLoanwordKatakana, katakanaOf } from './loanwords';
import { isReading, kanjiOf, spellingsOfReadingsFrom, startsReading } from './readings';
import { CJK_RUN, CJK_TOKEN, pieces, pieceTokens } from './tokenize';

export interface Term {
  /** Tokens matched as one phrase. */
  tokens: string[];
  /** The last token matches as a prefix. */
  prefix: boolean;
  /** Normalized strings to highlight in a snippet. */
  highlights: string[];
  /** A single Latin word (a candidate for typo correction). */
  latin: boolean;
  /** The word as typed (width and case folded; missing.ts asTypedIn finds the reader's own letters again), to name it to the reader (a partial tip lacks 「消したい」). */
  typed?: string;
  /**
   * For a prefix: the whole words of the index it stands for, when they are few (see
   * `completePrefixes`); the term then matches any of them instead of the prefix.
   */
  completions?: string[];
  /**
   * For the first word, a Latin piece that no tip holds as a word: the indexed words ending with it
   * (a fragment copied from inside a word: lookup関数 from XLOOKUP関数), matched besides it
   * (`completeEndings`).
   */
  endings?: string[];
  /**
   * Other words that match in its place (OR): the dictionary's spellings and synonyms of the word
   * (lexicon.ts) and, for a word typed in hiragana, its katakana. Each is a phrase of tokens.
   */
  alternatives?: string[][];
  /**
   * The dictionary's further synonyms of the word (past MAX_SYNONYMS), matched only in the wide
   * tier: tips found through them rank after every tip found without them (service.ts).
   */
  synonyms?: string[][];
  /**
   * How many of `synonyms` (the first ones) are the dictionary's (lexicon.ts); the rest are derived
   * neighbours (thesaurus.ts) and parts of a compound, weaker evidence (see `anchor`).
   */
  dictionarySynonyms?: number;
  /**
   * What the full-text index matches in place of `alternatives`: the spelling keys of the word's
   * forms (spellings.ts: one token standing for the word and all its other spellings, folded at
   * index time), then the alternatives no key stands for (a hiragana word's katakana without
   * dictionary entry). `alternatives` stay the phrases themselves (highlights, the title index).
   */
  spellings?: string[][];
  /** A key of `spellings` stands for the word itself: its own phrase need not be matched. */
  ownCovered?: boolean;
  /**
   * For a one-character synonym matched as a prefix in the wide tier (除*): the index's terms it
   * stands for, when they are few (`completePrefixes`); matched instead of the prefix.
   */
  synonymCompletions?: Record<string, string[]>;
  /**
   * The whole of a query typed without spaces, as one phrase (a should word). A tip holding it
   * has every required word, so it can match only in the first tier (see `toMatch`).
   */
  whole?: boolean;
}

export interface ParsedQuery {
  must: Term[];
  not: Term[];
  /** Match each must term's `synonyms` too (the wide tier). */
  wide?: boolean;
  /** In the wide tier, the dictionary's synonyms only, not the derived neighbours (a looser query). */
  dictionaryOnly?: boolean;
  /**
   * Words that rank but are not required: question and intent words (作り方, 方法, できない, …)
   * and, for a query typed without spaces, the whole of it as one phrase (a fragment pasted from
   * a tip ranks the tip that has it contiguously above tips with its words scattered).
   */
  should?: Term[];
  /**
   * Only question and intent words were typed (方法 やり方 手順 できない): they are required, there
   * being nothing else to match, but they say what is wanted of a subject and name none — a tip
   * with any one of them (方法, 手順) answers nothing, so the any-word tier (ANY_MIN_TERMS) does not
   * apply, as intent words add nothing there when a query has others.
   */
  intentOnly?: boolean;
}

const MAX_MUST = 8;
/** The kanji numerals of one to nine, in order. */
const KANJI_DIGITS = '一二三四五六七八九';
/** A kanji numeral counting things with つ (一つ, 九つ), not inside a longer numeral or word (統一, 十一). */
const KANJI_COUNT = /(?<![\p{sc=Han}])[一二三四五六七八九]つ/gu;
const MAX_NOT = 4;
/** Natural questions have three or more content words; shorter queries are never relaxed. */
export const RELAX_MIN_TERMS = 3;
/**
 * From four words on, a query is a sentence more than a list of keywords (ビデオ会議で後ろの部屋を
 * 映さない: ビデオ, 会議, 後ろ, 部屋, 映): when no tip has all its words but one, the tips with any of
 * them answer, best first (BM25 over the words' OR: a tip with more of them, and rarer ones, ranks
 * higher) — the `any` mode of `toMatch`. Shorter queries are keywords, each of which the reader
 * chose (健康診断 日程: a tip on 日程 alone answers nothing), so they never fall this far.
 */
export const ANY_MIN_TERMS = 4;

/** Function words of query sentences: matching on them would only narrow results by accident. */
const STOP = new Set([
  'の', 'が', 'を', 'に', 'へ', 'と', 'で', 'や', 'は', 'も', 'か', 'ね', 'よ', 'な', 'て', 'た', 'だ', 'い', 'う', 'る',
  'から', 'まで', 'より', 'など', 'には', 'では', 'とは', 'について', 'による', 'ための', 'ため',
  'する', 'した', 'して', 'します', 'しました', 'したい', 'しない', 'できる', 'でき', 'できない', 'ない',
  'たい', 'ます', 'ました', 'です', 'でした', 'れる', 'られる', 'せる', 'たら', 'ば', 'ある', 'いる', 'なる', 'なっ',
  'たく', 'ください', 'くださ', 'ほしい', '欲しい', 'どう', 'どうやって', 'どうすれば', 'なぜ',
  'なに', '何', 'どこ', 'いつ', 'こと', 'もの', 'よう', 'ように', 'とき', '時',
  '場合', '?', 'か?', 'たら', 'れ', 'られ', 'さ', 'せ', 'く', 'し', 'ず',
  // Endings of polite questions, as the segmenter cuts them (ください → くだ|さい).
  'したら', 'すれば', 'いい', 'よい', 'です', 'ですか', 'でしょう', 'でしょうか', 'くだ', 'さい', 'ませ', 'ん', 'ので', 'けど',
  // The rest of the closed classes a grammar lists: conjunctive particles (のに, ても, ながら),
  // adverbial particles (だけ, しか, ほど, ずつ) and auxiliary words of manner and intent (らしい,
  // みたい, べき, はず, つもり). None says what a tip is about (数字なのに足し算されない).
  'のに', 'なのに', 'けれど', 'けれども', 'けども', 'だけど', 'だけれど', 'ですけど', 'ても', 'でも', 'ながら', 'たり', 'だり',
  'だけ', 'しか', 'ばかり', 'ほど', 'くらい', 'ぐらい', 'なんか', 'なんて', 'って', 'さえ', 'すら', 'こそ', 'ずつ', 'ごと',
  'らしい', 'みたい', 'べき', 'はず', 'つもり',
  // Interrogatives with か / も / て (indefinite and emphatic forms): なぜかアップロードできない.
  'なぜか', 'なんで', 'なんでか', 'どうして', 'どうしても', 'どうにか', 'なんとか', 'なにか', '何か', 'どこか', 'いつも', 'いつか',
]);

/**
 * Question and intent words: what people type around the real words (ピボットテーブル 作り方,
 * マクロ 動かない). They rank but are not required. Besides this short list, the shapes of such
 * words are recognized whatever the verb (`isIntent`): "way of doing" (X方: 作り方, 探し方, 直し方),
 * a negated verb (動かない, 開けない, 印刷できない, 表示されない, 動きません) and an interrogative
 * (何社, 何件, 何回: what the tip answers with a number, which no query word can match).
 */
const INTENT_WORDS = [
  '方法', 'やり方', '仕方', '手順', '手段', 'する方法', 'コツ', 'エラー', 'できない', '出来ない', 'うまくいかない',
  'わからない', '分からない', '困った', '教えて', '教え', '知りたい', 'したい', '不具合', '原因', '対処', '対処法', '解決',
];
/** As typed and as folded (エラー, エラ). */
const INTENT = new Set([...INTENT_WORDS, ...INTENT_WORDS.map(normalize)]);
const WAY_OF = /^\p{sc=Han}[\p{sc=Han}\p{sc=Hiragana}]*方$/u;
const NEGATED = /^[\p{sc=Han}\p{sc=Katakana}ー]+[\p{sc=Hiragana}]*(?:ない|なく|ません)$/u;
/** An interrogative of number, time or kind: 何 and a counter or noun (何社, 何件, 何回, 何時間, 何色). */
const INTERROGATIVE = /^何\p{sc=Han}{1,2}$/u;
/** The words EDICT reads なん… (何人, 何年, 何時, 何回: how many, which year, what time), made once. */
let readAsNan: Set<string> | null = null;
/**
 * Such a word as the segmenter reads it: 何 parted from its counter (何|社, 何|時間), or one it keeps
 * whole that the dictionary reads なん… (何人, 何年). Another it keeps whole is a word of its own
 * (何卒 "kindly", read なにとぞ): 何卒 意味 asks about 何卒, and a tip that has 意味 is no answer.
 */
const isInterrogative = (s: string): boolean => INTERROGATIVE.test(s) && (SEGMENTER.segment(s).containing(0)?.segment === '何'
  || (readAsNan ??= new Set(spellingsOfReadingsFrom('なん').filter((w) => w.startsWith('何')))).has(s));
/** A verb in its progressive form (困っています, 困っている): its past form is what the list holds (困った). */
const PROGRESSIVE = /^(.+?)([てで])(?:いる|います|いた|いました|る|ます)$/u;
const pastOf = (s: string) => { const m = PROGRESSIVE.exec(s); return m ? `${m[1]}${m[2] === 'て' ? 'た' : 'だ'}` : null; };
/**
 * The same two shapes typed in hiragana and left unconverted (やりかた, つかいかた; つかえない,
 * うごかない, ひらけません): a verb's stem — its 連用形 in the i or e row — before かた, or its
 * negative or potential stem — the a or e row — before ない, なく, ません. Four letters or more, a
 * verb's worth before the ending (a longer run is words and a predicate: しゅうけいのやりかた).
 */
const WAY_OF_KANA = /^\p{sc=Hiragana}{1,3}[いきぎしじちにひびみりえけげせぜてでねべめれ]かた$/u;
const NEGATED_KANA = /^\p{sc=Hiragana}{1,3}[かがさたなばまらわえけげせぜてでねべめれ](?:ない|なく|ません)$/u;
const isIntent = (s: string): boolean => INTENT.has(s) || (!PLAIN_HIRAGANA.test(s) && INTENT.has(normalize(s))) || WAY_OF.test(s) || NEGATED.test(s) || isInterrogative(s) || INTENT.has(pastOf(s) ?? '')
  // Typed in hiragana and left unconverted (ほうほう, しかた): the reading of an intent word.
  || (HIRAGANA.test(s) && kanjiOf(s).some((k) => INTENT.has(k)))
  || (Array.from(s).length >= 4 && (WAY_OF_KANA.test(s) || NEGATED_KANA.test(s)));

const HIRAGANA = /^\p{sc=Hiragana}+$/u;
/** A verb's dictionary form ends in a kana of the u row (いれる, まとめる, かく). */
const VERB_END = /[うくぐすつぬぶむる]$/u;
/** Hiragana letters only (not ゝ ゞ ゟ, which NFKC changes): normalize leaves these as they are (normalize.test.ts). */
const PLAIN_HIRAGANA = /^[\u3041-\u3096]+$/u;
const SINGLE_KANJI = /^\p{sc=Han}$/u;
/** The kana normalize.ts drops between two kanji (okurigana), alone. */
const OKURIGANA_KANA = /^[いうえきぎくけげこしじすせちつてねびべみむめりるれろ]$/u;
const HIRAGANA_WORD = /^\p{sc=Hiragana}[\p{sc=Hiragana}ー]{2,}$/u;
const KATAKANA = /^[\p{sc=Katakana}ー]+$/u;
const OKURIGANA_WORD = /^(\p{sc=Han}[\p{sc=Han}々]*)\p{sc=Hiragana}+$/u;
const SEGMENTER = new Intl.Segmenter('ja', { granularity: 'word' });
/** The beautifying prefix (美化語の接頭辞) before a word in kanji: お知らせ, ご連絡, お問い合わせ. */
const BEAUTIFIED = /^[おご](?=\p{sc=Han})/u;

/**
 * Function words and what is made only of them, as the segmenter leaves them joined (のですが =
 * の + です + が, したいのですが): built from the list's words of two letters or more and the case
 * particles, never from any single letter (いれる is not い + れる).
 */
const STOP_PARTS = new Set([...STOP].filter((w) => HIRAGANA.test(w) && (Array.from(w).length >= 2 || /^[がをはもにでとへの]$/u.test(w))));
const STOP_PART_MAX = Math.max(...[...STOP_PARTS].map((w) => w.length));
function composedOfStops(s: string): boolean {
  // ok[i]: s[0, i) is made of the parts. Each end is tried against the parts' lengths only (one set
  // lookup each), not against every part: the DP of readingCover asks this of every piece it tries.
  const ok: boolean[] = [true];
  for (let i = 1; i <= s.length; i++) {
    ok[i] = false;
    for (let k = 1; k <= Math.min(i, STOP_PART_MAX) && !ok[i]; k++) ok[i] = ok[i - k] && STOP_PARTS.has(s.slice(i - k, i));
  }
  return ok[s.length];
}
const isStop = (s: string) => STOP.has(s) || (HIRAGANA.test(s) && (s.length === 1 || composedOfStops(s)));

/** A case particle as the segmenter cuts it out (ピボット|が|でき|ない). */
const PARTICLE = /^[がをはもにでとへの]$/u;

/**
 * A run that reads as one negated or intent predicate may be a word, a particle and the
 * predicate (ピボットができない, プリンターがうまくいかない, 保存ができない): the word before
 * the particle and the predicate after it, or null when the run is one predicate (動かない,
 * 印刷できない, 繋がらない).
 */
function wordThenPredicate(run: string): [string, string] | null {
  const segs = [...SEGMENTER.segment(run)].map((x) => x.segment);
  for (let i = 1; i < segs.length - 1; i++) {
    if (!PARTICLE.test(segs[i]) || HIRAGANA.test(segs[i - 1])) continue;
    const tail = segs.slice(i + 1);
    // Or hiragana alone after the particle, ending as an intent word or grammar (がうまくできない,
    // がちゃんと動かない is not this: 動 is a word): adverbs and the predicate, never the word's own letters.
    const kanaTail = HIRAGANA.test(tail.join('')) && (isIntent(tail.slice(-2).join('')) || isIntent(tail[tail.length - 1]) || isStop(tail[tail.length - 1]));
    if (isIntent(tail.join('')) || tail.every(isStop) || kanaTail) return [segs.slice(0, i).join(''), tail.join('')];
  }
  return null;
}

/** Letters typed in hiragana with a long-vowel mark after one of them (ゆーざー, すきゃなーで). */
const KANA_LOAN = /[\p{sc=Hiragana}ー]*\p{sc=Hiragana}ー[\p{sc=Hiragana}ー]*/u;

/**
 * A loanword typed in hiragana in a longer run (ゆーざー辞書, すきゃなーで読み取り): its long-vowel
 * mark says what it is (native words write none), and the segmenter, which cuts it letter by letter
 * (ゆ|ー|ざ|ー), cuts its katakana right (ユーザー|辞書, スキャナー|デ). The run before it, the
 * word as typed (up to the segment with its last mark, particles before it left out) and the rest;
 * null when the run has none.
 */
function kanaLoanword(run: string): [string, string, string] | null {
  const m = KANA_LOAN.exec(run);
  if (!m) return null;
  const typed = [...SEGMENTER.segment(toKatakana(m[0]))].map((x) => m[0].slice(x.index, x.index + x.segment.length));
  const lastMark = m[0].lastIndexOf('ー');
  let from = 0;
  while (from < typed.length - 1 && PARTICLE.test(typed[from])) from++;
  let to = from;
  let at = typed.slice(0, from + 1).join('').length;
  while (at <= lastMark) at += typed[++to].length;
  const word = typed.slice(from, to + 1).join('');
  return [run.slice(0, m.index) + typed.slice(0, from).join(''), word, run.slice(m.index + typed.slice(0, to + 1).join('').length)];
}

/** The kana a verb or adjective ends in, after its stem (取りだ|す, 並べか|える is two: not taken). */
const ENDING_KANA = /^[うくぐすつぬぶむるい]$/u;
/** The longest piece of a hiragana run tried as one word (a reading is rarely longer). */
const MAX_READING = 12;
/** The longest piece tried as function words (のですが, うまくいかない); longer grammar is two pieces. */
const FUNCTION_MAX = 8;

/**
 * A run of hiragana that is words typed and left unconverted, with their particles and endings
 * (しゅうけいのしかた, とりだしたい, かんすうでけいさん): cut where the words the dictionary reads
 * (readings.ts, three letters or more, or such a verb's stem and its last kana) and the function
 * words between them (STOP, particles, intent words) cover it whole, in as few pieces as possible;
 * the words and intent words are kept. Null when the run is one such word (its kanji come with it,
 * query.ts alternativesFor) or cannot be read so (ぴぼっとのつくりかた stays as typed).
 */
function readingSpans(run: string): string[] | null {
  if (isReading(run) || isReading(stem(run))) return null;
  // A whole run that no cover reads stays one word no tip is likely to write: a loanword without a
  // foreign sound (ぐらふ, まくろ) may be read there, never inside a longer run (unconvertedStretch),
  // where the segmenter is the way back.
  return readingCover(run, false, true);
}

type Piece = 'word' | 'function';

/**
 * The letters that write foreign sounds in kana: a long-vowel mark, a small vowel (ふぁ, てぃ), a
 * double consonant, a p-sound, ゔ. A native word's reading has few of them, and a letter string
 * without one that happens to spell a katakana word (でき|ないん|ですが: ナイン, nine) is grammar.
 */
const FOREIGN_SOUND = /[ーぁぃぅぇぉゎゔっぱぴぷぺぽ]/u;

/**
 * A loanword typed in hiragana (ぴぼっと, ふぁいる, めーる): it writes a foreign sound, and its
 * katakana is a word of the dictionaries (lexicon.ts: ピボット, ファイル; loanwords.ts: EDICT's
 * katakana for English words). A piece of a run the readings cover (ぴぼっとでしゅうけい,
 * ふぁいるをこうかい), kept as typed: its katakana comes with it (alternativesFor), as for such a
 * word typed alone. Its long-vowel mark (めーる) is the only one a cover reads: no native word's
 * reading writes one.
 */
function isKanaLoanword(p: string, plain = false): boolean {
  if (!plain && !FOREIGN_SOUND.test(p)) return false;
  const k = normalize(toKatakana(p));
  // Three letters typed (メール folds to メル: its mark counts as typed).
  return Array.from(p).length >= 3 && Array.from(k).length >= 2 && (alternativesOf(k) !== null || isLoanwordKatakana(k));
}

/**
 * The words, intent words and unread stretches of a run of hiragana read as above (one word alone
 * included), or null when no word of the table is in it. Pieces: a word the table reads (three
 * letters or more, or a verb's stem and its last kana); a function word of two letters or more, a
 * one-letter particle, or an intent word; another single-letter function word only at the end. The
 * whole run must be covered so: a letter nothing reads means the run is grammar the lists do not
 * name, where a reading found by chance (きない: 機内) would be a required word
 * no tip has. A word may carry one or two letters after it that read as nothing, a compound's
 * suffix (しんせいしょ: 申請 + 書), matched by the word alone. The cover with the fewest of those
 * letters, then the fewest pieces, is taken. `lead` (after a kanji): the first piece must be a particle, a function
 * word, or a word of four letters or more (the kanji's okurigana are never read: 確かめる).
 */
function readingCover(run: string, lead = false, plainLoans = false): string[] | null {
  // Function words of two letters or more and the one-letter particles (case particles, か, や, the
  // adnominal な, the sentence-final ね, よ and the explanatory ん of んです, んだけど; not first), never
  // any other single letter inside (し|ん would cut しんせい where it is not a function word). Up to
  // FUNCTION_MAX letters a piece.
  const isFunction = (p: string, last: boolean, first: boolean) => (STOP.has(p) && (p.length >= 2 || last)) || PARTICLE.test(p) || (!first && /^[かやなねよん]$/u.test(p)) || composedOfStops(p) || isIntent(p);
  // A word and one or two letters after it that read as nothing: the suffix of a compound
  // (しんせいしょ: 申請 + 書), matched by the word alone, its letters counted as unread. Like a
  // compound noun's, it ends the run or comes before a case particle (できないんですが is not
  // きない + ん + ですが): the cover's state says whether the last piece was such a word.
  // A loanword in hiragana (isKanaLoanword) is the last resort: a cover takes as few as it can, then
  // as above. Readings say more: しんせいしょ is 申請 + 書, not シンセ (synthesizer) + 遺書.
  interface Cut { loans: number; unread: number; pieces: number; words: number; from: number; fromState: 0 | 1; kind: Piece; suffix: number; loan: boolean }
  const better = (a: Cut, b: Cut | null) => !b || a.loans < b.loans || (a.loans === b.loans && (a.unread < b.unread || (a.unread === b.unread && (a.pieces < b.pieces || (a.pieces === b.pieces && a.words > b.words)))));
  // Whether a piece is a loanword, once per piece (a run that repeats itself asks of the same pieces again).
  const loans = new Map<string, boolean>();
  const isLoan = (p: string) => { let v = loans.get(p); if (v === undefined) loans.set(p, v = isKanaLoanword(p, plainLoans)); return v; };
  // What each piece is, by where it starts and its length: worked out only for the starts a cover
  // reaches, the readings looked up only while some reading starts with the piece (one binary search
  // a letter), function words up to FUNCTION_MAX letters, so a long run costs little.
  interface PieceInfo { kind: Piece; suffix: number; loan: boolean }
  const n = run.length;
  const rowAt = (j: number): (PieceInfo | null)[] => {
    const read: boolean[] = [];
    let open = true;
    const row: (PieceInfo | null)[] = [];
    const isWord = (m: number) => m >= 3 && (read[m] || (m >= 4 && ENDING_KANA.test(run[j + m - 1]) && read[m - 1]));
    for (let k = 1; k <= MAX_READING && j + k <= n; k++) {
      const piece = run.slice(j, j + k);
      // A long-vowel mark is read only inside a loanword (no native word's reading writes one).
      const marked = piece.includes('ー');
      open &&= !marked && startsReading(piece);
      read[k] = open && isReading(piece);
      // A function word is one, whatever the dictionary also reads it as (について: に就いて). Its
      // first-letter rule holds first in a run only: after a kanji (lead) the adnominal な, や and か
      // follow a noun (必要な|ぶぶん). The explanatory ん only before the copula or で (んです,
      // んだけど, んで), as the grammar has it (に|ん|よう is no sentence).
      const fn = !marked && k <= FUNCTION_MAX && (piece !== 'ん' || /^[でだじ]/u.test(run.slice(j + k))) && isFunction(piece, j + k === n, j === 0 && !lead);
      const suffix = fn || marked ? -1 : isWord(k) ? 0 : [1, 2].find((x) => k - x >= 3 && isWord(k - x)) ?? -1;
      row[k] = fn ? { kind: 'function', suffix: 0, loan: false } : suffix >= 0 ? { kind: 'word', suffix, loan: false }
        : isLoan(piece) ? { kind: 'word', suffix: 0, loan: true } : null;
    }
    return row;
  };
  // best[state][i]: the best cover of run[0, i) whose last piece is (1) or is not (0) a suffixed word.
  const best: (Cut | null)[][] = [[{ loans: 0, unread: 0, pieces: 0, words: 0, from: -1, fromState: 0, kind: 'function', suffix: 0, loan: false }], [null]];
  for (let i = 1; i <= n; i++) { best[0][i] = null; best[1][i] = null; }
  // From each end a cover reaches, forward. A cover must reach every letter, so once MAX_READING
  // letters go by with none reached, none after is, and the run cannot be read (a long run of
  // letters nothing reads costs the letters up to there, not MAX_READING pieces for each letter).
  let reached = 0;
  for (let j = 0; j < n; j++) {
    if (!best[0][j] && !best[1][j]) {
      if (j - reached >= MAX_READING) return null;
      continue;
    }
    reached = j;
    const row = rowAt(j);
    for (let k = 1; k < row.length; k++) {
      const at = row[k];
      if (!at) continue;
      const i = j + k;
      const { kind, suffix, loan } = at;
      if (lead && j === 0 && kind !== 'function' && !(kind === 'word' && k - suffix >= 4)) continue;
      for (const from of [0, 1] as const) {
        const prev = best[from][j];
        // After a suffixed word only a case particle.
        if (!prev || (from === 1 && !(k === 1 && PARTICLE.test(run[j])))) continue;
        const to = kind === 'word' && suffix > 0 ? 1 : 0;
        const next: Cut = { loans: prev.loans + (loan ? 1 : 0), unread: prev.unread + suffix, pieces: prev.pieces + 1, words: prev.words + (kind === 'word' ? 1 : 0), from: j, fromState: from, kind, suffix, loan };
        if (better(next, best[to][i])) best[to][i] = next;
      }
    }
  }
  let state: 0 | 1 = best[0][n] && !(best[1][n] && better(best[1][n]!, best[0][n])) ? 0 : 1;
  if (!best[state][n]) return null;
  const noWord = best[state][n]!.words === 0;
  const spans: string[] = [];
  // Loanwords one after the other are one compound, as katakana writes it (ぴぼっと|てーぶる).
  let joins = false;
  for (let i = n; i > 0;) {
    const cut = best[state][i]!;
    const piece = run.slice(cut.from, i - cut.suffix);
    if (cut.loan && joins) spans[0] = piece + spans[0];
    // An intent word's shape may take in the particle before it (の|やりかた, が|わからない): not kept.
    else if (cut.kind === 'word') spans.unshift(piece);
    else if (isIntent(piece)) spans.unshift(PARTICLE.test(piece[0]) && isIntent(piece.slice(1)) ? piece.slice(1) : piece);
    joins = cut.loan;
    i = cut.from;
    state = cut.fromState;
  }
  // Function words alone are grammar, left to the segmenter as before; but an intent word typed
  // unconverted (てじゅん, ほうほう: read as 手順, 方法) is a word left unconverted all the same.
  if (noWord && !spans.some((w) => kanjiOf(w).some((k) => INTENT.has(k)))) return null;
  return spans;
}

/**
 * A stretch of hiragana inside a longer run that reads as words left unconverted (件数をしゅうけいする,
 * 別シートのだいちょうから, 和暦でひょうじ, 電子いんかん): the run before it, its words, the run after
 * it; null when there is none. Right after a kanji the stretch may begin with that kanji's okurigana
 * (明るさちょうせい: るさ), up to two letters left to the kanji, and must then read as `lead` says.
 * So after a digit (`afterDigit`: the run follows one), whose counter is kana (1つにけつごう: つ).
 */
function unconvertedStretch(run: string, afterDigit = false): [string, string[], string] | null {
  for (const m of run.matchAll(/\p{sc=Hiragana}{3,}/gu)) {
    const at = m.index ?? 0;
    // After a kanji (or a digit): what begins the stretch may be its okurigana (or counter).
    const afterKanji = at > 0 ? /\p{sc=Han}$/u.test(run.slice(0, at)) : afterDigit;
    for (let skip = 0; skip <= (afterKanji ? 2 : 0) && m[0].length - skip >= 3; skip++) {
      const words = readingCover(m[0].slice(skip), afterKanji);
      if (words) return [run.slice(0, at + skip), words, run.slice(at + m[0].length)];
    }
  }
  return null;
}

/**
 * Verbs made of a katakana word (サボる, ググる, ダブる, バグる, ディスる: godan verbs in る; ズレる,
 * キレる: ichidan verbs) are written with the katakana as their stem and their conjugation in
 * hiragana: サボ|りたい, バグ|った, ディス|られた, ダブ|り (the continuative, also a noun), ズレ|ちゃった.
 * No list of such verbs: the conjugation is the grammar's closed table — the form the stem takes
 * (`KATAKANA_VERB_FORMS`: り, る, れ, ら, ろう, っ; an ichidan stem, which ends in a letter of the i
 * or e row, takes none) and the auxiliaries and endings that follow it (`CONJUGATION`: たい, ます,
 * ない, れる, せる, た, て, ちゃう, てる, とく, …), each form with the first ones it takes. The
 * search matches the katakana stem (as it matches a kanji verb by its kanji, 消したい → 消); the
 * word is named as typed (ダブり, バグった: missing.ts), and no letter of its conjugation is left to
 * be required (りたい of サボりたい was read as an unconverted word, 履帯).
 */
const CONJUGATION = new Set([
  // Negation.
  'ない', 'なかっ', 'なく', 'なけれ', 'ず', 'ずに', 'ぬ', 'ん',
  // Passive, potential and causative (conjugated as ichidan verbs: られ|た, せ|ない).
  'れ', 'れる', 'られ', 'られる', 'せ', 'せる', 'させ', 'させる', 'さ', 'され', 'される',
  // Wish.
  'たい', 'たく', 'たかっ', 'たけれ', 'たがる', 'たがっ',
  // Past, te-form and conditional.
  'た', 'たら', 'たり', 'て', 'ても', 'ば',
  // Progressive, completive and preparatory, and their contractions (てる, ちゃう, とく).
  'い', 'いる', 'いた', 'いて', 'てる', 'てた', 'てて', 'ちゃ', 'ちゃう', 'ちゃっ', 'ちま', 'ちまう', 'ちまっ',
  'とく', 'とい', 'しまう', 'しまっ', 'しま', 'おく', 'おい',
  // Polite.
  'ます', 'まし', 'ませ', 'ましょう',
  // Volitional and the dictionary form of an ichidan verb or auxiliary.
  'よう', 'う', 'る',
  // What the continuative takes: ながら, そう (it looks as if), すぎる, やすい, にくい, かける, まくる.
  'ながら', 'そう', 'すぎ', 'すぎる', 'やすい', 'にくい', 'かけ', 'つつ', 'まくり', 'まくる', 'まくっ', 'っぱなし',
]);
const CONJUGATION_MAX = Math.max(...[...CONJUGATION].map((w) => w.length));
/** Each form of a godan stem in る, and the letters that may begin what follows it ('' : nothing need). */
const KATAKANA_VERB_FORMS: readonly (readonly [string, RegExp])[] = [
  ['り', /^(?:$|たい|たく|たか|たけ|たが|ま[しすせ]|ながら|そう|すぎ|やすい|にくい|かけ|つつ|まく|っぱなし)/u],
  ['る', /^$/u],
  ['れ', /^(?:$|ば|る|ない|なか|なく|た|て|ま[しすせ])/u],
  ['ら', /^(?:な[いかくけ]|ず|ぬ|ん|れ|せ|さ)/u],
  ['ろう', /^$/u],
  ['っ', /^(?:た|て|ちゃ|ちま|とく|とい)/u],
];
/** What an ichidan stem (ズレ, キレ) takes first: no form of its own, the auxiliaries at once. */
const ICHIDAN_FIRST = /^(?:る|れば|ない|なか|なく|ず|ん|られ|させ|よう|たい|たく|たか|た|て|ちゃ|ちま|ま[しすせ])/u;
/** The last letter of an ichidan stem: a kana of the i or e row. */
const ICHIDAN_STEM_END = /[イキギシジチヂニヒビピミリエケゲセゼテデネヘベペメレ]$/u;
/** Katakana letters (a stem), at least two, the long-vowel mark among them. */
const KATAKANA_STEM = /^[\p{sc=Katakana}ー]{2,}$/u;

/** Whether `kana` is made of the auxiliaries and endings of CONJUGATION, one after another. */
function conjugated(kana: string): boolean {
  const ok: boolean[] = [true];
  for (let i = 1; i <= kana.length; i++) {
    ok[i] = false;
    for (let k = 1; k <= Math.min(i, CONJUGATION_MAX) && !ok[i]; k++) ok[i] = ok[i - k] && CONJUGATION.has(kana.slice(i - k, i));
  }
  return ok[kana.length];
}

/**
 * The conjugations of a katakana stem that begin `kana`, longest first: the stem's form and the
 * auxiliaries after it (ダブ + りたい: りたい, り).
 */
function conjugationsIn(katakana: string, kana: string): string[] {
  const out = new Set<string>();
  for (let end = kana.length; end >= 1; end--) {
    const p = kana.slice(0, end);
    for (const [form, first] of KATAKANA_VERB_FORMS) {
      if (!p.startsWith(form)) continue;
      const rest = p.slice(form.length);
      if (first.test(rest) && (rest === '' || conjugated(rest))) out.add(p);
    }
    // An ichidan stem takes its auxiliaries at once: not when the kana are function words whole
    // (マネジ|ずつ, エラ|ない: a noun and its grammar, as before), nor before more kana.
    if (ICHIDAN_STEM_END.test(katakana) && end === kana.length && !isStop(kana) && ICHIDAN_FIRST.test(p) && conjugated(p)) out.add(p);
  }
  return [...out];
}

/**
 * A katakana stem with its conjugation in `run` (エクセルのダブりを消す: ダブり; サボりたい会議:
 * サボりたい): the run before it, the verb as typed, the rest; null when there is none. What follows
 * the conjugation in the same stretch of kana must be grammar (a particle, function words of two
 * letters or more): else the kana are words of their own (メール|りれき, メール|れい). A bare form of
 * one letter (り, る, れ) before function words gives way to a word read there (メールりよう: 利用,
 * not メール + り + よう).
 */
function katakanaVerbIn(run: string): [string, string, string] | null {
  for (const m of run.matchAll(/[\p{sc=Katakana}ー]+(\p{sc=Hiragana}+)/gu)) {
    const katakana = m[0].slice(0, m[0].length - m[1].length);
    if (!KATAKANA_STEM.test(katakana)) continue;
    const kana = m[1];
    const known = (): boolean => { const k = normalize(katakana); return alternativesOf(k) !== null || isLoanwordKatakana(k); };
    for (const p of conjugationsIn(normalize(katakana), kana)) {
      const rest = kana.slice(p.length);
      // A particle, or function words of two letters or more (ので, けど; not the い of メールれい: 例).
      const grammar = rest === '' || PARTICLE.test(rest[0]) || /^[かや]/u.test(rest) || (rest.length >= 2 && (isStop(rest) || composedOfStops(rest)));
      if (!grammar) continue;
      if (rest !== '' && !PARTICLE.test(rest[0]) && p.length === 1 && readingCover(kana) !== null) continue;
      // って alone after a word the dictionaries know is the topic (ピボットってなに, バグって何):
      // the word is named alone. After a stem no dictionary has, the verb's te-form (ググって).
      if (p === 'って' && known()) continue;
      const at = (m.index ?? 0) + katakana.length;
      return [run.slice(0, at - katakana.length), katakana + p, run.slice(at + p.length)];
    }
  }
  return null;
}

/** The katakana stem of a verb span (ダブり → ダブ, バグった → バグ, as katakanaVerbIn cuts them), or null. */
function katakanaStem(span: string): string | null {
  const m = /^([\p{sc=Katakana}ー]+)(\p{sc=Hiragana}+)$/u.exec(span);
  if (!m || !KATAKANA_STEM.test(m[1])) return null;
  return conjugationsIn(m[1], m[2]).includes(m[2]) ? m[1] : null;
}

/**
 * Splits a run of Japanese typed without spaces into the spans worth matching. `afterDigit`: the run
 * follows a digit (1つにけつごう), whose counter may begin it.
 */
function japaneseSpans(run: string, afterDigit = false, oneSided = false): string[] {
  // Words found inside the run: the spans of what is before and after them, around them.
  const around = ([before, words, after]: [string, string[], string]): string[] =>
    [...(before ? japaneseSpans(before, false, oneSided) : []), ...words, ...(after ? japaneseSpans(after, false, oneSided) : [])];
  if (afterDigit && /^\p{sc=Hiragana}/u.test(run)) {
    const counted = unconvertedStretch(run, true);
    if (counted && counted[0].length <= 2) return around(counted);
  }
  // Hiragana only, with a loanword's long-vowel mark: the words it reads, loanwords among them, when
  // they cover it (ちゃーとでしゅうけい); the katakana segmenter (kanaLoanword) knows fewer words and
  // leaves the rest of the run unread (ちゃー|とでしゅうけい).
  if (HIRAGANA_WORD.test(run) && run.includes('ー') && !isStop(run) && !isIntent(run)) {
    const words = readingSpans(run);
    if (words) return words;
  }
  const loan = kanaLoanword(run);
  if (loan && loan[1] !== run) return around([loan[0], [loan[1]], loan[2]]);
  // A word typed in hiragana (ぴぼっと, まくろ): the segmenter would cut it into particles.
  if (HIRAGANA_WORD.test(run) && !isStop(run) && !isIntent(run)) return readingSpans(run) ?? [run];
  if (isIntent(run)) {
    const split = wordThenPredicate(run);
    if (!split) return [run];
    return [...japaneseSpans(split[0], false, oneSided), ...(isStop(split[1]) ? [] : [split[1]])];
  }
  // A verb made of a katakana word, with its conjugation (サボりたい, バグった, ダブりを).
  const verb = katakanaVerbIn(run);
  if (verb) return around([verb[0], [verb[1]], verb[2]]);
  const unconverted = unconvertedStretch(run);
  if (unconverted) return around(unconverted);
  // A word of manner (簡単に, 素早く: manner.ts) is a span of its own, with its ending: it ranks.
  const manner = mannerIn(run);
  if (manner) return manner[1] === run ? [run] : around([manner[0], [manner[1]], manner[2]]);
  const segs = [...SEGMENTER.segment(run)].map((s) => s.segment);
  if (segs.every(isStop)) return isStop(run) ? [] : [run];
  const spans: string[] = [];
  let current = '';
  let prev = '';
  /** The last segment was one letter joined to what came before it (a suffix). */
  let suffixed = false;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    // A kana between two kanji that the folding drops (貼り付け: り) joins them, as in the index.
    if (OKURIGANA_KANA.test(seg) && /\p{sc=Han}$/u.test(current) && /^\p{sc=Han}/u.test(segs[i + 1] ?? '')) {
      current += seg;
      prev = seg;
      continue;
    }
    if (isStop(seg)) {
      if (current) spans.push(current);
      current = '';
      prev = '';
      continue;
    }
    // A predicate cut before its endings (知り|たい, 分|か|り|ま|せん, 動|か|ない) that ends the
    // sentence is read whole, so an intent word stays one word and ranks instead of its stem
    // being required.
    let end = i + 1;
    while (end < segs.length && HIRAGANA.test(segs[end])) end++;
    const whole = segs.slice(i, end).join('');
    // Only at the end of the sentence: a negated verb before a noun says what the thing is
    // (要らない申請, an application that needs no seal), not that something fails.
    const last = segs.slice(end).every(isStop);
    if (end > i + 1 && last && !isStop(seg) && isIntent(whole) && !/^\p{sc=Katakana}/u.test(whole)) {
      if (current) spans.push(current);
      spans.push(whole);
      current = '';
      prev = '';
      i = end - 1;
      continue;
    }
    // A kanji word with okurigana joins what comes before it (条件|付き, パスワード|付き), but a verb
    // in its dictionary form after a katakana word is a predicate: ウィンドウ並べる is ウィンドウ and
    // 並べる (typed without を), not one phrase no tip writes.
    // A one-letter segment joins both sides (申請|書|類, 再|計算); `oneSided` (a correction of a run
    // that finds nothing, `cutAtLetters`): one side only, a suffix (ウィンドウ|枠) not also the prefix
    // of what follows (ウィンドウ枠|固定: tips write ウィンドウ枠の固定). A mark (ピボット・テーブル) joins both.
    const join: boolean = current !== '' && (
      seg.length === 1 || (prev.length === 1 && !(oneSided && suffixed)) || (KATAKANA.test(seg) && KATAKANA.test(prev)) ||
      (OKURIGANA_WORD.test(seg) && !(/[\p{sc=Katakana}ー]$/u.test(current) && VERB_END.test(seg))
        // Nor after kana of their own (ちゃんと|使い, すぐに|消す): an adverb, not the word's first letters.
        && !(HIRAGANA.test(current) && Array.from(current).length >= 2)));
    suffixed = join && seg.length === 1 && /\p{L}/u.test(seg);
    if (join) current += seg;
    else {
      if (current) spans.push(current);
      current = seg;
    }
    prev = seg;
  }
  if (current) spans.push(current);
  return spans;
}

/**
 * A run typed without spaces, cut so that a one-letter word between two words joins only the one
 * before it (ウィンドウ枠固定 → ウィンドウ枠 固定, 申請書作成 → 申請書 作成), as typed; null when that
 * cuts it no otherwise. A correction for a run that finds nothing (service.ts): tips write such a
 * noun phrase with a particle (ウィンドウ枠の固定).
 */
export function cutAtLetters(run: string): string | null {
  const spans = japaneseSpans(run, false, true);
  return spans.length > 1 && spans.length !== japaneseSpans(run).length ? spans.join(' ') : null;
}

/**
 * 消し → 消, 条件付き → 条件付: okurigana change with conjugation, the kanji do not.
 * A verb in kana loses its last kana (まとめる → まとめ) for the same reason, and a verb made of a
 * katakana word its conjugation (ダブり → ダブ, サボりたい → サボ: katakanaStem).
 */
function stem(span: string): string {
  const m = OKURIGANA_WORD.exec(span);
  if (m) return m[1];
  const katakana = katakanaStem(span);
  if (katakana) return katakana;
  if (HIRAGANA.test(span) && span.length >= 3 && VERB_END.test(span)) return span.slice(0, -1);
  return span;
}

function cjkTerm(span: string): Term {
  const tokens = pieceTokens({ text: span, cjk: true });
  return { tokens, prefix: Array.from(span).length === 1, highlights: [span], latin: false };
}

/** Most other words tried for one word in the first tier (each is one more doclist for FTS5 to walk). */
const MAX_ALTERNATIVES = 6;
/** Synonyms (other words of the same meaning) taken per word in the first tier, after its other spellings. */
export const MAX_SYNONYMS = 0;
/** Most further synonyms per word in the wide tier (each is one more doclist for FTS5 to walk). */
export const MAX_WIDE = 12;
/**
 * Candidates for those MAX_WIDE places, in order (the dictionary's synonyms, then weaker evidence):
 * the search keeps the first MAX_WIDE that some tip holds (`keepHeld`). The dictionary's lists are
 * long and mostly words no tip writes (複製: リプロダクション, reproduction, 再生産, デュープ …); a cap
 * taken before asking the index gave their places to words that match nothing, and the neighbours
 * after them never came into it.
 */
export const WIDE_CANDIDATES = 24;

/**
 * The word's other spellings and synonyms from the dictionary, its katakana when typed in
 * hiragana, as token phrases: the first tier's (`alternatives`) and the rest of the synonyms
 * (`synonyms`, the wide tier). `forms`: the word as typed and its stems (消したい: 消したい, 消).
 */
function alternativesFor(forms: string[], self: string, noun = false): Pick<Term, 'alternatives' | 'synonyms' | 'spellings' | 'ownCovered' | 'dictionarySynonyms'> {
  const words: string[] = [];
  const wide: string[] = [];
  const ok = (w: string) => w !== self && Array.from(w).length >= 2 && !words.includes(w) && !wide.includes(w);
  // A verb's one-kanji stem (除く → 除, 消す → 消) is a synonym too, matched as a prefix in the
  // wide tier (除* finds 除いた, 除去): as the query's own one-kanji stems are.
  // Not a katakana part of the word itself (ロボット → ボット): it matches wherever the word does,
  // and else only inside other katakana words (ピボット), which run together with no boundary the
  // index could tell. (A kanji compound's parts are taken on purpose: 休暇届 → 休暇, below.)
  const okWide = (w: string) => (ok(w) && !(/^\p{sc=Katakana}+$/u.test(w) && self.includes(w))) || (w !== self && SINGLE_KANJI.test(w) && !wide.includes(w));
  const add = (w: string) => { if (ok(w)) words.push(w); };
  const lookups = [...forms];
  for (const f of forms) if (HIRAGANA_WORD.test(f)) { const k = normalize(toKatakana(f)); add(k); lookups.push(k); }
  // A word typed in hiragana and left unconverted (しゅうけい, とりだ from とりだす): its kanji
  // spellings (readings.ts), the most used one also looked up as if typed (集計's own spellings).
  for (const f of forms) {
    if (!HIRAGANA.test(f)) continue;
    const kanji = kanjiOf(f);
    kanji.forEach(add);
    if (kanji.length > 0) lookups.push(kanji[0]);
  }
  // An English word the Sudachi dictionary does not have: its katakana spellings from EDICT
  // (loanwords.ts), the same word (offline: オフライン), and what the dictionary knows of those.
  // A spelling of two letters or fewer after normalization (cargo: カゴ) would match as one bigram anywhere.
  for (const f of forms) if (!alternativesOf(f)) for (const k of katakanaOf(f)) { const n = normalize(k); if (n.length >= 3) { add(n); lookups.push(n); } }
  const rest: string[] = [];
  // The spelling keys of the forms (spellings.ts) and the words each stands for.
  const keys: string[] = [];
  const covered = new Set<string>();
  /** The dictionary's synonyms of every form looked up (the bridges below start from them). */
  const dictionary: string[] = [];
  for (const f of lookups) {
    const alt = alternativesOf(f);
    if (!alt) continue;
    dictionary.push(...alt.synonyms);
    const key = spellingKey(f);
    if (key) {
      if (!keys.includes(key)) keys.push(key);
      covered.add(f);
      alt.same.forEach((w) => covered.add(w));
    }
    alt.same.forEach(add);
    alt.synonyms.slice(0, MAX_SYNONYMS).forEach(add);
    rest.push(...alt.synonyms.slice(MAX_SYNONYMS));
  }
  const fromDictionary = rest.length;
  // The third resource's words (translations.ts, Wiktionary): the other Japanese translations of the
  // senses the word translates (log: ログ, 履歴, 記録), after the Sudachi synonyms (measured: as
  // strong evidence, the development and check sets lost more than they gained).
  // (An English word among them is an English headword of the table: taken below, as its spelling.)
  for (const f of lookups) if (!isEnglishWord(f)) rest.push(...translationsOf(f));
  // The word's English spelling (ウォーターマーク: watermark, a spelling the dictionary gives): the
  // Japanese words Wiktionary gives for that English word when it has one sense (透かし). For a word
  // the dictionary gives synonyms, only a sense that shares one of them: the dictionary has the
  // word's meaning, and the English word's one sense may be another (メール, mail: 電子メール,
  // e-mail in the dictionary; 郵便 in Wiktionary; スタンプ, stamp: 判子 in both). Not a verb's stem of
  // one kanji (merge: 合, of 合わせる; remove: 移, 除): it matches every word the kanji begins (合計).
  for (const w of [...forms, ...words]) {
    if (!isEnglishWord(w)) continue;
    const senses = translationsOf(w).filter((x) => !SINGLE_KANJI.test(x));
    if (dictionary.length === 0 || senses.some((x) => dictionary.includes(x))) rest.push(...senses);
  }
  // The second resource's neighbours (thesaurus.ts, EDICT): the word as typed.
  if (!(noun && SINGLE_KANJI.test(forms[0]))) rest.push(...neighboursOf(forms[0]));
  // A compound of three or more kanji that tips may write in part (休暇届: 休暇; 算用数字: 数字):
  // its first and last two kanji, in the wide tier only.
  if (/^\p{sc=Han}{3,}$/u.test(self)) { const k = Array.from(self); rest.push(k.slice(-2).join(''), k.slice(0, 2).join('')); }
  // Bridges, weakest and last: the other words of the word's synonyms (複製 → 写し → コピー). A
  // dictionary group is one meaning, and a word in two groups joins them; only what the index holds
  // of these ever reaches the wide tier (keepHeld), and only after every word above. The bridge is
  // written with kanji: a katakana or Latin spelling stands for homographs of unrelated meanings
  // (キャリア: career, carrier; measured: no set gained from them). A word that is the bridge and
  // more (金 → 金曜, 金色) is a compound of it, not a word of the group's meaning.
  for (const m of dictionary) {
    if (!/\p{sc=Han}/u.test(m) || /[a-z]/.test(m)) continue;
    const b = alternativesOf(m);
    if (b) rest.push(...[...b.same, ...b.synonyms].filter((x) => !x.startsWith(m)));
  }
  const first = words.slice(0, MAX_ALTERNATIVES);
  const candidates = [...words.slice(MAX_ALTERNATIVES), ...rest];
  // Weaker evidence: the derived neighbours, the compound's parts, and one-kanji stems (prefixes).
  const derived = new Set([...rest.slice(fromDictionary).filter((w) => !rest.slice(0, fromDictionary).includes(w)), ...rest.filter((w) => SINGLE_KANJI.test(w))]);
  for (const w of candidates) if (okWide(w) && !first.includes(w) && !covered.has(w)) wide.push(w);
  const toks = (list: string[]) => list.map((w) => pieces(w).flatMap(pieceTokens)).filter((t) => t.length > 0);
  // The dictionary's synonyms first, then the derived neighbours (a stable order: dictionary first).
  const taken = wide.slice(0, WIDE_CANDIDATES);
  const ordered = [...taken.filter((w) => !derived.has(w)), ...taken.filter((w) => derived.has(w))];
  const out: Pick<Term, 'alternatives' | 'synonyms' | 'spellings' | 'ownCovered' | 'dictionarySynonyms'> = {
    alternatives: toks(first), synonyms: toks(ordered), dictionarySynonyms: toks(ordered.filter((w) => !derived.has(w))).length };
  if (keys.length > 0) {
    out.spellings = [...keys.map((k) => [k]), ...toks(first.filter((w) => !covered.has(w)))];
    out.ownCovered = covered.has(self);
  }
  return out;
}

/**
 * The text a phrase of tokens stands for, to highlight: the overlapping bigrams of a Japanese word
 * give each letter once (ピボ ボツ ツト: ピボツト, not ピボボツツト, which no text holds).
 */
function textOf(tokens: string[]): string {
  let out = '';
  tokens.forEach((tok, i) => {
    const prev = i > 0 ? Array.from(tokens[i - 1]) : [];
    const chars = Array.from(tok);
    const overlaps = prev.length === 2 && chars.length === 2 && CJK_TOKEN.test(tok) && CJK_TOKEN.test(prev[0]) && prev[1] === chars[0];
    out += overlaps ? chars[1] : tok;
  });
  return out;
}

function withAlternatives(t: Term, forms: string[], self: string, noun = false): Term {
  const { alternatives = [], synonyms = [], spellings, ownCovered, dictionarySynonyms } = alternativesFor(forms, self, noun);
  if (alternatives.length === 0 && synonyms.length === 0 && !spellings) return t;
  const out: Term = { ...t, highlights: [...t.highlights, ...[...alternatives, ...synonyms].map(textOf)] };
  if (alternatives.length > 0) out.alternatives = alternatives;
  if (synonyms.length > 0) { out.synonyms = synonyms; out.dictionarySynonyms = dictionarySynonyms; }
  if (spellings) { out.spellings = spellings; out.ownCovered = ownCovered; }
  return out;
}

interface Clause { text: string; quoted: boolean; negated: boolean; /** Offset of `text` in the normalized query. */ at: number }

function clauses(norm: string): Clause[] {
  const out: Clause[] = [];
  let i = 0;
  while (i < norm.length) {
    while (i < norm.length && /\s/u.test(norm[i])) i++;
    if (i >= norm.length) break;
    let negated = false;
    if ((norm[i] === '-' || norm[i] === '\u2212') && i + 1 < norm.length && !/\s/u.test(norm[i + 1])) {
      negated = true;
      i++;
    }
    if (norm[i] === '"') {
      const close = norm.indexOf('"', i + 1);
      const end = close === -1 ? norm.length : close;
      out.push({ text: norm.slice(i + 1, end), quoted: true, negated, at: i + 1 });
      i = end + 1;
    } else {
      let j = i;
      while (j < norm.length && !/\s/u.test(norm[j]) && norm[j] !== '"') j++;
      out.push({ text: norm.slice(i, j), quoted: false, negated, at: i });
      i = j;
    }
  }
  return out;
}

function phraseTerm(text: string): Term | null {
  const ps = pieces(text);
  const tokens = ps.flatMap(pieceTokens);
  if (tokens.length === 0) return null;
  return { tokens, prefix: false, highlights: ps.map((p) => p.text), latin: false };
}

/** Parses any string; never throws. Control characters and lone surrogates are ignored. */
export function parseQuery(raw: string): ParsedQuery {
  const cleaned = raw
    .replace(/[\p{Cc}\p{Cs}\u2028\u2029]/gu, ' ')
    .replace(/[\u201C\u201D\u201E\u201F\u301D\u301E\u301F]/gu, '"')
    // A long-vowel or voiced-sound mark that follows no letter is the cut end of a word a fragment
    // was copied from (テ|ーブル, ﾃ|ﾞｰﾀ): the index drops every mark after a katakana letter, so
    // kept, it is a character no tip has there.
    .replace(/(?<![\p{L}\p{N}\p{M}ーｰ])[ーｰ\uFF9E\uFF9F\u3099\u309A\u309B\u309C]+/gu, '');
  // A kanji numeral counting with つ (一つ, 二つ) is the digit's (1つ, 2つ): one letter for one, so
  // offsets stay; the term below matches both.
  const mapped = normalizeWithMap(cleaned.replace(KANJI_COUNT, (m) => `${KANJI_DIGITS.indexOf(m[0]) + 1}${m.slice(1)}`));
  const norm = mapped.text;
  // The text as typed (width and case folded only) behind a span of the normalized query: words
  // are cut there, where okurigana still marks where a verb ends (抜き出す関数 is 抜き出す + 関数;
  // folded first, 抜出関数 reads as one word), and each word is folded after.
  const typed = (from: number, length: number) =>
    cleaned.slice(mapped.start[from], mapped.end[from + length - 1]).normalize('NFKC').toLowerCase();
  const endsOpen = !/[\s"]$/u.test(cleaned) && cleaned.trim() !== '';
  const must: Term[] = [];
  const not: Term[] = [];
  const should: Term[] = [];
  const all = clauses(norm);
  all.forEach((c, ci) => {
    if (c.negated || c.quoted) {
      const t = phraseTerm(c.text);
      if (!t) return;
      if (!c.negated) { must.push({ ...t, typed: c.text }); return; }
      // An excluded word is excluded in all its spellings, as a required word is matched in them
      // (-printer leaves out tips that write プリンター; -エクセル those that write Excel): one word
      // typed unquoted, four letters or more if Latin (as for required words).
      const one = !c.quoted && pieces(c.text).length === 1 && (!/^[a-z0-9]+$/.test(c.text) || c.text.length >= 4);
      not.push(one ? withAlternatives(t, [c.text], c.text) : t);
      return;
    }
    const ps = pieces(c.text);
    ps.forEach((p, pi) => {
      const last = ci === all.length - 1 && pi === ps.length - 1 && endsOpen;
      if (!p.cjk) {
        // A digit counting with つ (1つにまとめる, 2つの表): the digit and the counter, whatever follows
        // it in the run (つに, つの), or the kanji numeral's bigram (一つ, 二つ) as tips also write it.
        // Not the digit alone, which every date and number has (1月).
        const next = ps[pi + 1];
        if (/^[1-9]$/.test(p.text) && next?.cjk && next.index === p.index + 1 && next.text.startsWith('つ')) {
          const kanji = `${KANJI_DIGITS[Number(p.text) - 1]}つ`;
          must.push({ tokens: [p.text, 'つ'], prefix: true, highlights: [`${p.text}つ`, kanji], latin: false, alternatives: [[kanji]], typed: typed(c.at + p.index, 2) });
          return;
        }
        const t: Term = { tokens: pieceTokens(p), prefix: last, highlights: [p.text], latin: /^[a-z]/.test(p.text) };
        // Latin abbreviations of three letters or fewer stand for too many things (cod, pc, ok).
        must.push({ ...(p.text.length >= 4 ? withAlternatives(t, [p.text], p.text) : t), typed: p.text });
        return;
      }
      const run = typed(c.at + p.index, p.text.length);
      // What the query has after this run (a word of manner before する/なる typed apart is the result).
      const afterRun = cleaned.slice(mapped.end[c.at + p.index + p.text.length - 1]).normalize('NFKC');
      let cursor = 0;
      // Each span as typed, folded, the letter typed before it (を before 消 in 凡例を消したい) and
      // what follows it in the query.
      const asTyped = japaneseSpans(run, pi > 0 && /\p{N}$/u.test(ps[pi - 1].text)).map((x) => {
        const at = run.indexOf(x, cursor);
        if (at >= 0) cursor = at + x.length;
        return [x, normalize(x), at > 0 ? run[at - 1] : '', at >= 0 ? run.slice(at + x.length) + afterRun : ''] as const;
      }).filter(([, x]) => x !== '');
      const spans = asTyped.map(([, x]) => x);
      spans.forEach((span, si) => {
        const stemmed = stem(span);
        let term = cjkTerm(stemmed);
        if (last && si === spans.length - 1) term.prefix = true;
        // Intent words, and a short run of hiragana left between words (grammar the lists above
        // do not name: いい, よね): they rank, they are not required.
        // Words of manner (簡単に, 素早く) likewise: how it is done, which a tip may not say.
        if (isIntent(span) || isManner(asTyped[si][0], asTyped[si][3]) || (HIRAGANA.test(span) && Array.from(span).length <= 2 && spans.length > 1)) { should.push(term); return; }
        // A longer run of hiragana beside words written otherwise, that is no word the readings or
        // the loanwords know and does not end as a verb in its dictionary form (うまくできない,
        // ちゃんと, きれいに, なかなか: adverbs and grammar, what staff leave in kana around the
        // words they convert): it ranks, it is not required. A verb in kana (いれる, まとめる), a
        // reading left unconverted (しゅうけい: 集計) and a loanword in kana (ぴぼっと) are words.
        if (HIRAGANA.test(span) && spans.some((x) => !HIRAGANA.test(x)) && !VERB_END.test(span) && !isReading(span) && !isReading(stemmed)
          && kanjiOf(span).length === 0 && !isKanaLoanword(span)) { should.push(term); return; }
        // A one-kanji word typed without kana (表 in 表の縦と横) is a noun: the derived table's
        // one-kanji keys are verbs' stems (表す → 表), which it must not take.
        const noun = SINGLE_KANJI.test(asTyped[si][0]);
        // A word with the beautifying prefix お/ご before its kanji (お知らせ, ご連絡) is the word
        // without it, as the dictionaries list it: its spellings and synonyms are those too.
        // (Not one kanji alone, as typed: お金 is not every sense of 金; お勤め is 勤め.)
        const rest = span.slice(1);
        const plain = BEAUTIFIED.test(span) && Array.from(asTyped[si][0]).length >= 3 ? [rest, stem(rest), stemOf(rest)] : [];
        // A verb made of a katakana word (ダブり, サボりたい) is looked up by its stem (ダブ) and by its
        // continuative, the noun the dictionary lists for such a verb (ダブり: 重複); its other
        // conjugations are named to the reader, not matched.
        // The continuative written in katakana too (ダブリ, as often as ダブり): looked up as ダブり as
        // well, which adds what the dictionary lists for that (nothing for カテゴリ, メモリ).
        const continuative = /^[\p{sc=Katakana}ー]{2,}リ$/u.test(span) ? [`${span.slice(0, -1)}り`] : [];
        const forms = katakanaStem(span) !== null ? [stemmed, stemOf(stemmed), `${stemmed}り`] : [span, stemmed, stemOf(span), ...plain, ...continuative];
        const word = withAlternatives(term, [...new Set(forms)], stemmed, noun);
        // A one-kanji word ends a run of the index where its okurigana are folded away (凡例を消す。
        // → 凡例を消): it is there only in the bigram with the letter before it, which its prefix 消*
        // never reaches. Typed after a particle, that bigram (を消) matches in its place too.
        const before = asTyped[si][2];
        if (SINGLE_KANJI.test(stemmed) && PARTICLE.test(before)) {
          const edge = [before + stemmed];
          word.alternatives = [...(word.alternatives ?? []), edge];
          if (word.spellings) word.spellings = [...word.spellings, edge];
        }
        must.push({ ...word, typed: asTyped[si][0] });
      });
    });
    // Typed without spaces and cut into several words: the whole as one phrase ranks tips that
    // have it contiguously (a pasted fragment) first.
    const whole = ps.flatMap(pieceTokens);
    if (must.length >= 2 && whole.length >= 3 && all.length === 1) {
      should.push({ tokens: whole, prefix: false, highlights: [], latin: false, whole: true });
    }
  });
  // Only intent words (方法): they are what there is to match.
  if (must.length === 0 && should.length > 0) return { must: dedupe(should).slice(0, MAX_MUST), not: dedupe(not).slice(0, MAX_NOT), should: [], intentOnly: true };
  return { must: withoutRepeats(dedupe(must)).slice(0, MAX_MUST), not: dedupe(not).slice(0, MAX_NOT), should: dedupe(should).slice(0, MAX_SHOULD) };
}

/** What a term matches, as the phrases its expression ORs (its own and its spellings, not its synonyms). */
const branches = (t: Term): Set<string> => new Set([...ownPhrase(t), ...(t.spellings ?? t.alternatives ?? []).map(quote)]);

/**
 * The required words without those another one makes redundant: a word typed again (名簿 名簿, the
 * second one open as a prefix: 名簿*), or in another spelling (Excel エクセル, えくせる: the same
 * spelling key). Every tip with the one has the other, so requiring both is requiring the one — and
 * counted twice it would make a query of keywords a sentence: 予算 名簿 会議室 会議室 is three
 * words, never relaxed to any of them (ANY_MIN_TERMS), as 予算 予算 名簿 is two, never relaxed to
 * 予算 alone. A word goes when some other word's phrases are all among its own as a whole word (a
 * prefix matches at least that); of words that match alike, the first typed stays.
 */
function withoutRepeats(must: Term[]): Term[] {
  const own = must.map(branches);
  const whole = must.map((t) => (t.prefix ? branches({ ...t, prefix: false }) : own[must.indexOf(t)]));
  const within = (a: number, b: number) => [...own[a]].every((x) => whole[b].has(x));
  return must.filter((_, b) => !must.some((__, a) => a !== b && within(a, b) && (a < b || !within(b, a))));
}

const MAX_SHOULD = 4;

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.tokens.join(' ')}${t.prefix ? '*' : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A Japanese bigram is a whole token: the index holds Japanese text as bigrams and single
 * characters only (tokenize.ts), so no longer token starts with one, and `印刷`* finds exactly what
 * `印刷` finds. The star is left off there, because FTS5 answers a prefix query by merging the
 * doclists of every matching term into a copy first (twice the time of the plain term on a
 * frequent word). A single character (`印`*) and a Latin word (`vlook`*) keep it.
 */
const TWO_LETTERS = /^[\p{L}\p{N}]{2}$/u;
function expands(t: Term): boolean {
  const last = t.tokens[t.tokens.length - 1];
  return t.prefix && !(CJK_RUN.test(last) && TWO_LETTERS.test(last));
}

const quote = (tokens: readonly string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

function ownPhrase(t: Term): string[] {
  const endings = (t.endings ?? []).map((w) => quote([w]));
  // The word's spelling key stands for it (spellings.ts); a prefix's other completions do not.
  if (!expands(t)) return [...(t.ownCovered ? [] : [quote(t.tokens)]), ...endings];
  if (!t.completions || t.completions.length === 0) return [`${quote(t.tokens)}*`, ...endings];
  const head = t.tokens.slice(0, -1);
  const self = t.tokens[t.tokens.length - 1];
  return [...t.completions.filter((w) => !(t.ownCovered && head.length === 0 && w === self)).map((w) => quote([...head, w])), ...endings];
}

/** One term as an FTS5 expression: its phrase, OR its completions and alternatives (and synonyms when `wide`). */
export function termMatch(t: Term, wide = false): string {
  return phrase(t, wide);
}

/** `wide`: also the synonyms; `dictionaryOnly`: only the dictionary's of them, not the derived neighbours. */
function phrase(t: Term, wide = false, dictionaryOnly = false): string {
  const synonyms = !wide ? [] : dictionaryOnly ? (t.synonyms ?? []).slice(0, t.dictionarySynonyms ?? 0) : t.synonyms ?? [];
  const synonym = (a: string[]) => (a.length === 1 && SINGLE_KANJI.test(a[0])
    ? t.synonymCompletions?.[a[0]]?.map((w) => quote([w])) ?? [`${quote(a)}*`] : [quote(a)]);
  // Once each (a one-kanji synonym's completions may repeat the word: 重* → 重複).
  const each = [...new Set([...ownPhrase(t), ...(t.spellings ?? t.alternatives ?? []).map(quote), ...synonyms.flatMap(synonym)])];
  return each.length === 1 ? each[0] : `(${each.join(' OR ')})`;
}

/**
 * The query with each word's wide-tier synonyms cut to the first MAX_WIDE that the index holds
 * (`held(expression)`: does any tip match this FTS5 phrase), the dictionary's still first, and
 * without the highlights of those dropped. A one-kanji synonym (消*) is a prefix, kept: completed
 * against the index's own words (completeSynonyms).
 */
export function keepHeld(q: ParsedQuery, held: (expression: string) => boolean): ParsedQuery {
  if (!hasWideTier(q)) return q;
  const must = q.must.map((t) => {
    if (!t.synonyms) return t;
    const all = t.synonyms.map((tokens, i) => ({ tokens, dictionary: i < (t.dictionarySynonyms ?? 0) }));
    // In order, until MAX_WIDE are kept: each check is one more MATCH.
    const kept: typeof all = [];
    for (const x of all) {
      if (kept.length === MAX_WIDE) break;
      if ((x.tokens.length === 1 && SINGLE_KANJI.test(x.tokens[0])) || held(quote(x.tokens))) kept.push(x);
    }
    if (kept.length === all.length) return t;
    // Texts only a dropped synonym stood for (not the word, its spellings or a kept synonym).
    const still = new Set([t.highlights[0], ...(t.alternatives ?? []).map(textOf), ...kept.map((x) => textOf(x.tokens))]);
    const dropped = new Set(all.filter((x) => !kept.includes(x)).map((x) => textOf(x.tokens)).filter((h) => !still.has(h)));
    const out: Term = { ...t, highlights: t.highlights.filter((h) => !dropped.has(h)) };
    if (kept.length > 0) { out.synonyms = kept.map((x) => x.tokens); out.dictionarySynonyms = kept.filter((x) => x.dictionary).length; }
    else { delete out.synonyms; delete out.dictionarySynonyms; }
    return out;
  });
  return { ...q, must };
}

/** Whether the wide tier would match more than the first (some required word has further synonyms). */
export function hasWideTier(q: ParsedQuery): boolean {
  return q.must.some((t) => (t.synonyms?.length ?? 0) > 0);
}

/** A prefix standing for more whole words than this stays a prefix query. */
export const MAX_COMPLETIONS = 8;
/** The completions found, when there are few enough to stand for the prefix. */
const few = (found: string[] | null | undefined) => (found && found.length >= 1 && found.length <= MAX_COMPLETIONS ? found : null);

/**
 * Rewrites each prefix to the whole words of the index it stands for — `excel`* to `excel` when
 * that is the only indexed word starting so — because FTS5 answers a prefix query by merging the
 * doclists of every matching term into a copy first (about twice the time of the plain word on a
 * frequent one, and it cannot skip ahead: `"申請 請書" AND "様"*` copied all 60,000 様 entries of the
 * bench's index to find nothing; `"申請 請書" AND "様式"` seeks, 1.5 → 0.02 ms). `words(prefix,
 * limit)` lists the indexed Latin words with that prefix (all of them, up to `limit`); it must know
 * every word of the index, or a tip would be missed. `chars(c, limit)` does the same for a single
 * Japanese character (a one-kanji word, 様 or 消したい's 消, and the wide tier's one-kanji synonyms,
 * 除*): the index's terms starting with it. A prefix with more than MAX_COMPLETIONS keeps its star.
 */
export function completePrefixes(q: ParsedQuery, words: (prefix: string, limit: number) => string[],
  chars?: (c: string, limit: number) => string[] | null, held?: (word: string) => boolean): ParsedQuery {
  const must = q.must.map((t) => {
    if (!expands(t)) return t;
    const last = t.tokens[t.tokens.length - 1];
    if (CJK_RUN.test(last)) {
      const f = chars && t.tokens.length === 1 && Array.from(last).length === 1 ? few(chars(last, MAX_COMPLETIONS + 1)) : null;
      return f ? { ...t, completions: f } : t;
    }
    const f = few(words(last, MAX_COMPLETIONS + 1));
    return f ? { ...t, completions: f } : t;
  });
  // A Latin word typed last, matched as a prefix (sum: sum, sumif, sumifs, sumproduct), ranks the
  // tips that have it whole first: the word as typed is a should word (BM25 adds its weight), as
  // the reader who typed SUM and pressed Enter asked for SUM. Only when the index has that word:
  // among the prefix's few completions, or (`held`) when they are too many to list.
  const exact = must.filter((t) => expands(t) && !CJK_RUN.test(t.tokens[t.tokens.length - 1])
    && (t.completions?.includes(t.tokens[t.tokens.length - 1]) ?? (t.tokens.length === 1 && held?.(t.tokens[0]) === true)))
    .map((t): Term => ({ tokens: t.tokens, prefix: false, highlights: [], latin: t.latin }));
  return exact.length === 0 ? { ...q, must } : { ...q, must, should: [...(q.should ?? []), ...exact] };
}

/**
 * The wide tier's one-kanji synonyms (a verb's stem: 消*, 除*) as the index's few terms they stand
 * for, as completePrefixes does for the words themselves (`chars`: store.termsFrom).
 */
export function completeSynonyms(q: ParsedQuery, chars: (c: string, limit: number) => string[] | null): ParsedQuery {
  const must = q.must.map((t) => {
    const stems = (t.synonyms ?? []).filter((a) => a.length === 1 && SINGLE_KANJI.test(a[0])).map((a) => a[0]);
    const found: Record<string, string[]> = {};
    for (const c of stems) { const f = few(chars(c, MAX_COMPLETIONS + 1)); if (f) found[c] = f; }
    return Object.keys(found).length > 0 ? { ...t, synonymCompletions: found } : t;
  });
  return { ...q, must };
}

/**
 * The query made ready for the tiers past the first: each word's synonyms cut to those some tip
 * holds (keepHeld), their one-kanji ones completed. A search asks for it only when such a tier runs:
 * most searches fill their page from the first tier, and never check a synonym.
 */
export function widen(q: ParsedQuery, held: (expression: string) => boolean, chars: (c: string, limit: number) => string[] | null): ParsedQuery {
  return completeSynonyms(keepHeld(q, held), chars);
}

/** Shortest piece of a Latin word taken as the end of a longer one (two letters end too many words). */
const MIN_ENDING = 3;

/**
 * A query that starts inside a Latin word (a fragment copied from a tip: lookup関数で from
 * =XLOOKUP関数で, osoft 365 from Microsoft 365): when its first word is a Latin piece that no tip
 * holds as a word, the indexed words ending with it (at most MAX_COMPLETIONS, shortest first) match
 * besides it. `ending` lists them (store.wordsEnding), `known` says whether tips hold a word.
 */
export function completeEndings(q: ParsedQuery, ending: (suffix: string, limit: number) => string[] | null, known: (word: string) => boolean): ParsedQuery {
  const first = q.must[0];
  if (!first || !first.latin || first.tokens.length !== 1 || (first.completions?.length ?? 0) > 0) return q;
  const piece = first.tokens[0];
  if (piece.length < MIN_ENDING || known(piece)) return q;
  const found = (ending(piece, MAX_COMPLETIONS + 1) ?? []).filter((w) => w !== piece).slice(0, MAX_COMPLETIONS);
  if (found.length === 0) return q;
  return { ...q, must: [{ ...first, endings: found }, ...q.must.slice(1)] };
}

/**
 * The FTS5 expression (optionally with the words required in some columns only): every term (`all`), or — the fallback when that finds nothing — every
 * term but one (`relaxed`), which rescues natural questions that use a different verb.
 * Null when there is nothing positive to match.
 */
export function toMatch(q: ParsedQuery, mode: 'all' | 'relaxed' | 'partial' | 'any' = 'all', columns?: string): string | null {
  if (q.must.length === 0) return null;
  let positive: string;
  const w = q.wide === true;
  const ph = (t: Term) => phrase(t, w, q.dictionaryOnly === true);
  // `partial`: every word but one from two words on (partialGroups), `relaxed` from RELAX_MIN_TERMS;
  // `any`: any of the words, from ANY_MIN_TERMS.
  if (mode === 'any' && q.must.length >= ANY_MIN_TERMS) {
    positive = q.must.map(ph).join(' OR ');
  } else if (mode === 'all' || mode === 'any' || q.must.length < (mode === 'partial' ? 2 : RELAX_MIN_TERMS)) {
    positive = q.must.map(ph).join(' AND ');
  } else {
    positive = groupsOf(q).map((g) => `(${g})`).join(' OR ');
  }
  // Words that rank but are not required: OR-ed with a required word, the set of matches is the
  // same, and BM25 adds the weight of those a tip has.
  // The whole-query phrase (a pasted fragment) has every required word: it cannot match where
  // those did not all match (the wide tier, which excludes the first, and the relaxed fallback),
  // and walking its doclists there only costs time.
  // With `any`, a word that ranks would be one more way to match alone: none is added.
  const should = mode === 'any' ? [] : (q.should ?? []).filter((t) => !(t.whole && (w || mode !== 'all')));
  if (should.length > 0 && !columns) {
    positive = `(${positive}) AND (${[...should.map((t) => phrase(t)), ph(q.must[0])].join(' OR ')})`;
  }
  // A column filter restricts where the words must be; an excluded word is excluded anywhere.
  if (columns) positive = `{${columns}} : (${positive})`;
  if (q.not.length === 0) return positive;
  return `(${positive}) NOT (${q.not.map((t) => phrase(t)).join(' OR ')})`;
}

/**
 * A group of a relaxed query (every term but one), AND-ed. In the wide tier, a tip must also match
 * one of the group's words by strong evidence — as typed, by its spellings or by the dictionary's
 * synonyms — not only through the weak kind (derived neighbours, a compound's parts, one-kanji stem
 * prefixes): with a word left out and every other word matched by the weak kind (確定 → 決*,
 * 申告 → 提出: a tip tagged 電子決裁 that says 提出), a tip is found by chance.
 */
function anchor(terms: Term[], wide: boolean): string {
  const all = terms.map((t) => phrase(t, wide)).join(' AND ');
  // A word without weak synonyms can only match strongly: the group is anchored already.
  if (!wide || terms.some((t) => (t.synonyms?.length ?? 0) <= (t.dictionarySynonyms ?? 0))) return all;
  return `${all} AND (${terms.map((t) => phrase(t, true, true)).join(' OR ')})`;
}

/**
 * The groups of the `relaxed` expression one by one (every term but one, with the exclusions).
 * Relaxing happens only when no tip has every term, so each match of the relaxed expression
 * matches exactly one group, with the same BM25 (FTS5 scores the phrases of the branch that
 * matched). Ranked group by group, FTS5 weighs only the phrases of groups that have matches,
 * instead of every phrase of every group (n × (n − 1) doclist walks). Null below RELAX_MIN_TERMS.
 */
export function relaxedGroups(q: ParsedQuery): string[] | null {
  return q.must.length < RELAX_MIN_TERMS ? null : partialGroups(q);
}

/**
 * The same groups for two terms or more: the tips with all the words but one, beside fewer tips
 * than the page that have them all (service.ts, `partial`). Null for a single term.
 */
export function partialGroups(q: ParsedQuery): string[] | null {
  if (q.must.length < 2) return null;
  const not = q.not.length === 0 ? '' : ` NOT (${q.not.map((t) => phrase(t)).join(' OR ')})`;
  return groupsOf(q).map((group) => (not === '' ? group : `(${group})${not}`));
}

/**
 * A verb typed with its okurigana and matched by its one-kanji stem (作りたい → 作*, 使う → 使*):
 * alone it matches every word the kanji begins (作業, 操作, 作成).
 */
const stemOnly = (t: Term) => t.tokens.length === 1 && SINGLE_KANJI.test(t.tokens[0]) && VERB_TYPED.test(t.typed ?? '');
/**
 * Typed as a verb: a kanji and kana ending as a verb does — its dictionary form (使う), a wish, a
 * negation, the polite or past form (作りたい, 消したくない, 送ります, 使った), its continuative (作り).
 * Not a noun with kana (子ども, 手当て: both end otherwise or are read by the tiers as nouns).
 */
const VERB_TYPED = /^\p{sc=Han}\p{sc=Hiragana}*(?:[うくぐすつぬぶむる]|たい|たく|たくない|ない|ます|ません|ました|った|いた|した|んだ|[いきぎしちにびみり])$/u;

/**
 * Every term but one, for each term left out (anchored: see `anchor`); not a group of verb stems
 * alone (ピボットテーブルを作りたい without ピボットテーブル is 作*: every tip with 作業 in it), unless
 * every group is one.
 */
function groupsOf(q: ParsedQuery): string[] {
  const groups = q.must.map((_, skip) => q.must.filter((__, i) => i !== skip));
  const kept = groups.filter((g) => !g.every(stemOnly));
  return (kept.length > 0 ? kept : groups).map((g) => anchor(g, q.wide === true));
}
