import type { SearchReader } from './reader';
import { alternativesOf } from './lexicon';
import { normalize, normalizeWithMap, toKatakana } from './normalize';
import { asTypedIn, inReadersCase } from './missing';
import { presentHits } from './presenter';
import { completeEndings, completePrefixes, cutAtLetters, hasWideTier, parseQuery, widen, partialGroups, termMatch, ANY_MIN_TERMS, RELAX_MIN_TERMS, relaxedGroups, toMatch, type ParsedQuery } from './query';
import type { SearchQueryT, SearchResultT, SuggestResultT } from './schemas';
import { highlighter, plainText } from './snippet';
import { CJK_TOKEN } from './tokenize';
import { acronymExpressions, commonExpansion } from './acronyms';
import { recompose } from './compounds';
import type { SearchFilter } from './store';
import { katakanaOf } from './loanwords';
import { romajiToKatakana } from './romaji';
import { editDistance } from './suggest';
import { latinSpellingsOf, loanwordPieces, loanwordSplits } from './transliterate';

const SUGGEST_POSTS = 8;
const SUGGEST_TAGS = 5;

const empty = (): SearchResultT => ({ total: 0, items: [], didYouMean: null, relaxed: false });
/** Closest words tried for one mistyped word (each is one probe of the index). */
const MAX_TIED = 4;

/**
 * How loosely a search found its tips: every word (`ALL`, the wide tier's synonyms included), all
 * the words but one (`ONE_LEFT_OUT`: the relaxed groups, or one of two words), any of the words of
 * a sentence (`ANY`: anyFilter), or nothing (`NOTHING`). A corrected query is worth showing only
 * when it finds tips by a stricter tier than the query as typed.
 */
const ALL = 0;
const ONE_LEFT_OUT = 1;
const ANY = 2;
const NOTHING = 3;
type Tier = typeof ALL | typeof ONE_LEFT_OUT | typeof ANY | typeof NOTHING;
/** A search's answer with the tier that found it (never sent: `answer` keeps the schema's fields). */
type TieredResult = SearchResultT & { tier?: Tier };
const tierOf = (r: TieredResult): Tier => r.tier ?? (r.total === 0 ? NOTHING : r.relaxed ? ONE_LEFT_OUT : ALL);

/**
 * The query with Latin compounds recomposed (compounds.ts) and each mistyped Latin word replaced
 * by the closest word of the index (suggest.ts), when the corrected query finds something with
 * all its words — or, when the query as typed found tips only by its loosest tier or nothing at
 * all (`typed`: ANY or NOTHING), by a stricter tier than that: with one of its words left out as
 * its looser tier does (ウィンアクター エクセル 読み込み: the tip says WinActor and Excel, and 値の
 * 取得). Returned with width and case folded (vlookup 関数).
 */
function didYouMean(ctx: SearchReader, query: SearchQueryT, base: SearchFilter, typed: Tier): string | null {
  // Folded for width and case only: the corrections touch Latin words, and the rest is shown as typed (別シート, not 別シト).
  const folded = (query.q ?? '').normalize('NFKC').toLowerCase();
  // Compounds first (one drive → onedrive, powerquery → power query), then word by word.
  const recomposed = recompose(folded, (w) => indexHas(ctx, w));
  const first = correctedQuery(ctx, query, base, typed, folded, recomposed);
  if (recomposed === folded || first?.strict) return first?.text ?? null;
  // A compound cut or joined that no tip holds with every other word: the words as typed, each
  // corrected on its own, when that finds tips with every word (textjoint: textjoin, not text joint).
  const plain = correctedQuery(ctx, query, base, typed, folded, folded);
  return plain?.strict ? plain.text : first?.text ?? plain?.text ?? null;
}

/**
 * `start` (the query `typed`, its compounds recomposed or not) with each word corrected, and whether
 * tips hold every word of it (`strict`) or it finds tips only by its looser tiers; null when it
 * changes nothing or finds nothing.
 */
function correctedQuery(ctx: SearchReader, query: SearchQueryT, base: SearchFilter, tier: Tier, typed: string, start: string): { text: string; strict: boolean } | null {
  const q = query.q ?? '';
  let corrected = start;
  let changed = corrected !== typed;
  /** Each correction and the word typed in its place (lower case), to give it the reader's case. */
  const fixes = new Map<string, string>();
  const parsed = parseQuery(`${corrected} `);
  for (const t of parsed.must) {
    if (!t.latin) {
      // A word some tip holds as typed is no mistake (a katakana word only in bodies included).
      if (finds(ctx, t, base)) continue;
      // A word typed in hiragana is taken as its katakana (ぴぼとてーぶる).
      const word = normalize(toKatakana(t.highlights[0] ?? ''));
      const { suggester } = ctx.search;
      // A clipped compound (スクショ: スクリーンショット), a compound typed as one (プルダウンリスト), a typo
      // of a title's katakana word, a name said in katakana.
      const fixed = correctKatakana(ctx, corrected, word, base, () => suggester.unclipped(word))
        ?? correctKatakana(ctx, corrected, word, base, () => cutsAsTyped(corrected, word))
        ?? correctKatakana(ctx, corrected, word, base, () => cutAtOneLetterWords(corrected, word))
        ?? correctKatakana(ctx, corrected, word, base, () => suggester.katakanaCandidates(word))
        ?? correctToLatin(ctx, corrected, word, base);
      if (fixed !== null) { corrected = fixed; changed = true; }
      continue;
    }
    const word = t.tokens[0];
    const at = new RegExp(`(?<![a-z0-9])${word}(?![a-z0-9])`, 'g');
    // An acronym no tip holds, of a name the titles write in full (pad: Power Automate for desktop);
    // not a word the dictionaries spell otherwise, which finds tips that way.
    const name = t.alternatives || t.spellings ? null : expandAcronym(ctx, word);
    if (name !== null) { corrected = corrected.replace(at, name); changed = true; continue; }
    if (word.length < 4) continue;
    // An English plural the tips write in katakana (teams: チームズ), before a typo correction
    // (teams → team) would name another word.
    const plural = pluralInKatakana(ctx, word, base);
    if (plural !== null) { corrected = corrected.replace(at, plural); changed = true; continue; }
    // The closest word of the index, when it finds something; else the word read as romaji typed
    // with the input method off (pibotto: ピボット), as the tips write it.
    // The closest words in order, the first some tip holds (with its dictionary spellings: slicer, スライサー).
    let fix: string | null = null;
    let shown: string | null = null;
    for (const c of ctx.search.suggester.corrections(word).slice(0, MAX_TIED)) {
      shown = heldAs(ctx, c, base);
      if (shown !== null) { fix = c; break; }
    }
    if (fix !== null && shown !== null) {
      // Shown as the tips write it (uipth → UiPath, vlokup → VLOOKUP); else in the reader's case.
      corrected = corrected.replace(at, shown);
      if (shown === fix) fixes.set(fix, word);
      changed = true;
      continue;
    }
    const kana = fromRomaji(ctx, word, base);
    if (kana !== null) { corrected = corrected.replace(at, kana); changed = true; }
  }
  if (!changed) return null;
  const match = toMatch(parseQuery(`${corrected} `));
  if (!match) return null;
  const strict = ctx.search.store.exists({ ...base, match, titleMatch: null, titleOnly: null, exclude: null });
  // The looser tiers, as the search runs them, on the corrected words (corrected once: no second
  // guess), when the query as typed found nothing or only by its loosest tier: a stricter one.
  const found = strict || (tier >= ANY && tierOf(searchAsTyped(ctx, { ...query, q: corrected, limit: 1, offset: 0, facets: false }, false)) < tier);
  return found ? { text: inReadersCase(q, corrected.trim(), fixes), strict } : null;
}


/** Titles read for an acronym's expansion (acronyms.ts): the newest that have words with its initials. */
const ACRONYM_TITLES = 50;

/**
 * The name an acronym no tip holds stands for, as the titles write it most often (pad → Power
 * Automate for desktop); null when it is a word some tip holds or no title spells it.
 */
function expandAcronym(ctx: SearchReader, word: string): string | null {
  const expressions = acronymExpressions(word);
  if (expressions.length === 0 || ctx.search.store.docsOf(word) > 0) return null;
  // Each tip once, however many expressions find it.
  const titles = new Map<number, string>();
  for (const e of expressions) for (const t of ctx.search.store.newestTitles(e, ACRONYM_TITLES)) titles.set(t.id, t.title);
  return commonExpansion(word, [...titles].sort((a, b) => b[0] - a[0]).map(([, title]) => title));
}

/**
 * `text` with the normalized katakana `word`, which no tip holds as typed, replaced by the first of
 * its `candidates` (best first; asked only when this one is tried) that some published tip holds —
 * the closest katakana word of a title or tag as written there (suggest.ts katakanaCandidates:
 * ピポットテーブル → ピボットテーブル), the words a clipped form stands for (unclipped), the two words
 * of a compound typed as one (cutsAsTyped); a title word of a tip deleted since finds nothing. Every
 * place the word is typed is replaced, except inside an exclusion (-word); null when none holds.
 */
function correctKatakana(ctx: SearchReader, text: string, word: string, base: SearchFilter, candidates: () => string[]): string | null {
  const fix = candidates().find((c) => { const terms = parseQuery(`${c} `).must; return terms.length > 0 && finds(ctx, terms, base); });
  if (fix === undefined) return null;
  return replaceTyped(text, word, fix);
}

/**
 * The cuts of a katakana (or hiragana) word typed as one into two or three loanwords the dictionaries
 * know, as typed with spaces between (プルダウンリスト → プルダウン リスト, ドロップダウンリスト →
 * ドロップ ダウン リスト, セミコロンキー → セミコロン キー): tips write such compounds apart or with a
 * particle (プルダウンの…リスト, セミコロンのキー).
 */
function cutsAsTyped(text: string, word: string): string[] {
  const at = typedAt(text, word);
  return at === null ? [] : loanwordPieces(text.slice(at.from, at.to)).map((pieces) => pieces.join(' '));
}

/** Where in `text` the first stretch that normalizes to `word` (its kana folded to katakana) is typed; null if none does. */
function typedAt(text: string, word: string): { from: number; to: number } | null {
  const mapped = normalizeWithMap(toKatakana(text));
  const at = mapped.text.indexOf(word);
  return at < 0 ? null : { from: mapped.start[at], to: mapped.end[at + word.length - 1] };
}

/** A run typed as one, cut where a one-letter word ends the word before it (query.ts `cutAtLetters`). */
function cutAtOneLetterWords(text: string, word: string): string[] {
  const at = typedAt(text, word);
  const cut = at === null ? null : cutAtLetters(text.slice(at.from, at.to));
  return cut === null ? [] : [cut];
}

/**
 * An English plural no tip writes in Latin letters, as the tips write it in katakana: its singular's
 * katakana spelling in the dictionary (team: チーム) with the plural ending (チームズ, チームス), when
 * some tip holds it; null otherwise.
 */
function pluralInKatakana(ctx: SearchReader, word: string, base: SearchFilter): string | null {
  if (!/^[a-z]{4,}s$/.test(word) || ctx.search.store.docsOf(word) > 0) return null;
  const singular = word.slice(0, -1);
  const kana = [...(alternativesOf(singular)?.same ?? []), ...katakanaOf(singular)].filter((k) => /^\p{sc=Katakana}+$/u.test(k));
  for (const k of kana) {
    for (const c of [`${k}ズ`, `${k}ス`]) {
      const shown = heldAs(ctx, c, base, normalize(c));
      if (shown !== null) return shown;
    }
  }
  return null;
}

/**
 * A Latin word no tip holds read as romaji (romaji.ts: pibotto → ピボット, yu-za-fo-mu → ユーザーフォーム):
 * the katakana as tips write it — itself, or the title's katakana word one typo away — when some
 * tip holds it; null otherwise. Five letters or more: a shorter one reads as too many things.
 */
function fromRomaji(ctx: SearchReader, word: string, base: SearchFilter): string | null {
  const kana = word.length >= 5 ? romajiToKatakana(word) : null;
  if (kana === null) return null;
  const key = normalize(kana);
  for (const c of [ctx.search.suggester.katakanaSurface(key) ?? kana, ...ctx.search.suggester.katakanaCandidates(key)]) {
    const terms = parseQuery(`${c} `).must;
    // Not the word's own katakana spelling (adobe: アドベ, which finds the tips by adobe): that
    // corrects nothing, and shows the word as no tip writes it.
    if (terms.length !== 1 || terms[0].latin || (terms[0].alternatives ?? []).some((a) => a.length === 1 && a[0] === word)) continue;
    if (finds(ctx, terms, base)) return c;
  }
  return null;
}

/**
 * `text` with the normalized katakana `word`, which no tip holds as typed, replaced by the Latin word
 * the tips write for it (transliterate.ts: ワインアクター → winactor, ぶいるっくあっぷ → vlookup): each Latin spelling of the word, fewest pieces first, as the index has it or as its
 * closest indexed word (suggest.ts `correct`: wineactor → winactor), the first that some published
 * tip holds; null otherwise.
 */
function correctToLatin(ctx: SearchReader, text: string, word: string, base: SearchFilter): string | null {
  const tried = new Set<string>();
  // As tips write it; as two words tips write (powerautomate → power automate); or the closest word.
  const held = (w: string) => ctx.search.store.docsOf(w) > 0;
  // A name written half in katakana, its Latin part typed on at once (キューブPDF: CubePDF).
  const at = typedAt(text, word);
  const after = at === null ? null : /^[a-z0-9]+/.exec(text.slice(at.to))?.[0] ?? null;
  for (const s of latinSpellingsOf(word)) {
    const name = after !== null && held(s + after) ? heldAs(ctx, s + after, base) : null;
    if (name !== null) return replaceTyped(text, word + after, name);
    // A spelling is a guess at a sound: its closest word is taken only one edit away, and only for a
    // guess of six letters or more (wineactor → winactor; not facom → from, teletel → delete).
    const near = s.length >= 6 ? ctx.search.suggester.correct(s) : null;
    for (const fix of [s, recompose(s, held), near !== null && editDistance(s, near) <= 1 ? near : null]) {
      if (fix === null || tried.has(fix)) continue;
      tried.add(fix);
      if (!fix.split(' ').every(held)) continue;
      const shown = heldAs(ctx, fix, base);
      if (shown !== null) return replaceTyped(text, word, shown);
    }
  }
  return null;
}

/**
 * A normalized word as tip `id` writes it (チムズ → チームズ, winactor → WinActor, power automate →
 * Power Automate), found through normalization's map back to its title or text; null when it is not
 * there as one run. The reader typed none of these letters to follow.
 */
function writtenIn(ctx: SearchReader, id: number, word: string): string | null {
  const tip = ctx.search.store.source(id);
  if (!tip) return null;
  for (const text of [tip.title, plainText(tip.html)]) {
    const mapped = normalizeWithMap(text);
    const at = mapped.text.indexOf(word);
    if (at >= 0) return text.slice(mapped.start[at], mapped.end[at + word.length - 1]);
  }
  return null;
}

/** Whether the index (or the dictionary, as a loanword) has a word that some tip holds as it is. */
function indexHas(ctx: SearchReader, w: string): boolean {
  const { suggester, store } = ctx.search;
  return suggester.known(w) && (store.docsOf(w) > 0 || !/^[a-z0-9]+$/.test(w) || suggester.isLoanword(w));
}

/**
 * The best-ranked published tip (in the filter) holding the terms, every one; undefined when none
 * does. One probe answers both whether a correction finds something and whose letters to show it in.
 */
function firstHolding(ctx: SearchReader, terms: ParsedQuery['must'][number] | ParsedQuery['must'], base: SearchFilter): number | undefined {
  const match = toMatch({ must: Array.isArray(terms) ? terms : [terms], not: [] });
  if (!match) return undefined;
  const probe = { ...base, match, titleMatch: null, titleOnly: null, limit: 1, offset: 0 };
  return (ctx.search.store.topPage(probe) ?? ctx.search.store.page(probe)).ids[0];
}

/**
 * `words` as the best-ranked published tip holding them writes them (winactor → WinActor, チムズ →
 * チームズ; `key`: the normalized text to find there, when it is not `words` as typed), or as given
 * when it writes them otherwise; null when no tip holds them. One probe: whether a correction finds
 * something, and in whose letters to show it.
 */
function heldAs(ctx: SearchReader, words: string, base: SearchFilter, key = words): string | null {
  const tip = firstHolding(ctx, parseQuery(`${words} `).must, base);
  return tip === undefined ? null : writtenIn(ctx, tip, key) ?? words;
}

/** Whether some published tip (in the filter) holds the terms, every one (one probe: no count, no ranking). */
function finds(ctx: SearchReader, terms: ParsedQuery['must'][number] | ParsedQuery['must'], base: SearchFilter): boolean {
  const match = toMatch({ must: Array.isArray(terms) ? terms : [terms], not: [] });
  return match !== null && ctx.search.store.exists({ ...base, match, titleMatch: null, titleOnly: null, exclude: null });
}

/**
 * `text` with every place the normalized katakana `word` is typed replaced by `fix`, except inside
 * an exclusion (-word); null when it is typed nowhere so.
 */
function replaceTyped(text: string, word: string, fix: string): string | null {
  // Where the word is in the text as typed: normalization drops long-vowel marks and changes
  // small kana, so the word is found in the normalized text and mapped back (toKatakana changes
  // letters one for one: its offsets are the text's).
  const mapped = normalizeWithMap(toKatakana(text));
  const spans: [number, number][] = [];
  for (let at = mapped.text.indexOf(word); at >= 0; at = mapped.text.indexOf(word, at + word.length)) {
    const from = mapped.start[at];
    // The clause the place is in (from the last space before it): an exclusion starts with -.
    if (text[text.slice(0, from).search(/\S*$/u)] === '-') continue;
    spans.push([from, mapped.end[at + word.length - 1]]);
  }
  if (spans.length === 0) return null;
  let out = text;
  for (const [from, to] of spans.reverse()) out = out.slice(0, from) + fix + out.slice(to);
  return out;
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A Japanese word of a query (not Latin, not a phrase in quotes): the kind said otherwise in tips. */
const isPredicate = (t: ParsedQuery['must'][number]) => !t.latin && t.tokens.every((x) => CJK_TOKEN.test(x));

/**
 * A search; when the query as typed finds nothing, or finds tips only with one of its words left
 * out (relaxed), and a corrected one finds tips with all its words (mistyped words replaced,
 * word by word) — or, when the query as typed found nothing at all or only by any of a sentence's
 * words, tips with all the corrected words but one — the corrected query's results with
 * `correctedTo` set, unless `exact`.
 */
export function search(ctx: SearchReader, query: SearchQueryT): SearchResultT {
  const first = searchAsTyped(ctx, query);
  if ((first.total > 0 && !first.relaxed) || !first.didYouMean || query.exact) return answer(first, null);
  // Found nothing, or only by leaving a word out (the mistyped one, often): the corrected query
  // has every word (didYouMean checks that it finds something).
  const again = searchAsTyped(ctx, { ...query, q: first.didYouMean }, false);
  // The corrected query's tips are taken only when a stricter tier found them than the query as
  // typed (with one word left out: where the query as typed found none, or only by any of its words).
  if (again.total === 0 || tierOf(again) >= tierOf(first)) return answer(first, null);
  return answer({ ...again, didYouMean: first.didYouMean }, first.didYouMean);
}

/** The answer with its fields in the schema's order (a search thread sends it as JSON text as it is). */
function answer(r: SearchResultT, correctedTo: string | null): SearchResultT {
  return {
    total: r.total, items: r.items, didYouMean: r.didYouMean, relaxed: r.relaxed, correctedTo,
    ...(r.partial ? { partial: r.partial } : {}), ...(r.facets ? { facets: r.facets } : {}),
  };
}

/** `correcting`: whether a query that finds nothing (or only relaxed) is offered a corrected one. */
function searchAsTyped(ctx: SearchReader, query: SearchQueryT, correcting = true): TieredResult {
  const { q = '', tag = [], author, sort = 'relevance', limit = 20, offset = 0, facets = false } = query;
  const { store } = ctx.search;
  const parsed = completeEndings(completePrefixes(parseQuery(q), (prefix, max) => store.words(prefix, max) ?? [], store.termsFrom, store.hasWord),
    (suffix, max) => store.wordsEnding(suffix, max), store.hasWord);
  // The words' synonyms made ready (those some tip holds, completed: query.ts widen) only when a
  // tier past the first asks for them.
  let widened: ParsedQuery | null = null;
  const ready = (): ParsedQuery => (widened ??= widen(parsed, store.holds, store.termsFrom));
  const hasText = q.trim() !== '';
  // Text that yields no word to match (only punctuation, only exclusions) finds nothing.
  if (hasText && parsed.must.length === 0) return empty();
  if (!hasText && tag.length === 0 && author === undefined) return empty();

  const tagIds: number[] = [];
  for (const name of tag) {
    const t = ctx.tags.byName(name);
    if (!t) return empty();
    tagIds.push(t.id);
  }
  let authorId: number | undefined;
  if (author !== undefined) {
    const u = ctx.users.byUsername(author);
    if (!u) return empty();
    authorId = u.id;
  }

  const match = hasText ? toMatch(parsed) : null;
  // search_titles has no bodies: it can answer for the title tier only when nothing is excluded.
  const titlesAlone = parsed.not.length === 0;
  const filter: SearchFilter = {
    match, titleMatch: hasText ? toMatch(parsed, 'all', 'title tags') : null, titleOnly: titlesAlone ? match : null,
    tagIds: [...new Set(tagIds)], authorId, sort, limit, offset, now: ctx.now().toISOString(),
  };
  // The wide tier: the words' further synonyms (query.ts). Sorted by relevance, tips found only
  // through them come after every tip found without them; sorted by date or popularity, they are
  // simply among the matches.
  const wideQuery = (): ParsedQuery | null => (hasText && hasWideTier(parsed) && hasWideTier(ready()) ? { ...ready(), wide: true } : null);
  const wideQ = sort !== 'relevance' ? wideQuery() : null;
  if (wideQ) {
    filter.match = toMatch(wideQ);
    filter.titleMatch = toMatch(wideQ, 'all', 'title tags');
    filter.titleOnly = titlesAlone ? filter.match : null;
  }
  let page = store.topPage(filter) ?? store.page(filter);
  let total = page.total;
  let relaxed = false;
  /** Found only by any of a sentence's words (anyFilter). */
  let anyWord = false;
  /** Relaxed groups already found empty with these tips left out (the partial tier asks the same). */
  let emptyGroups: { groups: string[]; exclude: readonly number[] } | null = null;
  /** No tip has every word as typed or by its spellings: the looser tiers may follow. */
  const firstEmpty = page.total === 0;
  const shortQ = sort === 'relevance' && page.total < offset + limit ? wideQuery() : null;
  if (shortQ) {
    const wideMatch = toMatch(shortQ) as string;
    const wideTitles = toMatch(shortQ, 'all', 'title tags') as string;
    // The first tier's tips (fewer than the page) are left out by id: `NOT (first tier)` in the
    // expression made FTS5 walk the first tier's doclists again in each statement, and BM25 weigh
    // its phrases too. When it found none, nothing is to be left out, and search_titles can answer
    // the title probe as in the first tier.
    const none = page.total === 0;
    const exclude = none ? null : store.newest(filter, page.total + 1);
    const extra: SearchFilter = {
      ...filter, match: wideMatch, titleMatch: wideTitles, exclude,
      titleOnly: none && titlesAlone ? wideMatch : null, offset: Math.max(0, offset - page.total), limit: offset + limit - Math.max(offset, page.total),
    };
    const more = store.topPage(extra) ?? store.page(extra);
    if (more.total > 0) {
      page = { ids: [...page.ids, ...more.ids], total: page.total + more.total };
      total = page.total;
      filter.match = wideMatch;
    }
  }
  /**
   * The looser query: with three words or more, every word but one (relaxed groups); with two
   * words whose last is a Japanese word that the tips phrase otherwise (シートを結合 for a tip that
   * says シートを1つにまとめる), the first word alone — with the dictionary's synonyms but not the
   * derived neighbours (a word left out and a neighbour is too little). Null when there is none.
   */
  /** `strong`: relaxed groups of the words and their spellings only, without the wide tier's synonyms. */
  const looseFilter = (strong = false): SearchFilter | null => {
    const wideQ = wideQuery();
    if (parsed.must.length >= RELAX_MIN_TERMS) {
      const lq = strong || !wideQ ? parsed : wideQ;
      const looseMatch = toMatch(lq, 'relaxed');
      return { ...filter, match: looseMatch, titleMatch: toMatch(lq, 'relaxed', 'title tags'),
        titleOnly: titlesAlone ? looseMatch : null, groups: relaxedGroups(lq) };
    }
    if (parsed.must.length === 2) {
      // One of two words that no tip holds in any spelling or synonym (ダブり of ダブり削除): nothing
      // can match it, and the other word is all the evidence there is. Both unknown: nothing.
      // Held: by any of its synonyms, derived neighbours too (a word fewer tips could answer is
      // not left out); the other word matched by the dictionary's synonyms only, as below (with
      // the neighbours too, 駐輪場 申込 and 公用車 予約, which no tip answers, found tips on 申請:
      // check set 5's "none" 0.6 → 0.4, development 0.849 → 0.842).
      const wq = wideQ ?? parsed;
      const unheld = wq.must.map((t) => !store.holds(toMatch({ must: [t], not: [], wide: wq.wide }) as string));
      if (unheld[0] !== unheld[1]) {
        const lq: ParsedQuery = { must: [wq.must[unheld[0] ? 1 : 0]], not: parsed.not, wide: wq.wide, dictionaryOnly: true };
        const looseMatch = toMatch(lq);
        return { ...filter, match: looseMatch, titleMatch: toMatch(lq, 'all', 'title tags'), titleOnly: titlesAlone ? looseMatch : null };
      }
    }
    if (parsed.must.length === 2 && isPredicate(parsed.must[1])) {
      const lq: ParsedQuery = { must: [(wideQ ?? parsed).must[0]], not: parsed.not, wide: wideQ !== null, dictionaryOnly: true };
      const looseMatch = toMatch(lq);
      return { ...filter, match: looseMatch, titleMatch: toMatch(lq, 'all', 'title tags'), titleOnly: titlesAlone ? looseMatch : null };
    }
    return null;
  };
  /**
   * The loosest query, for a sentence (ANY_MIN_TERMS words or more) that no tip answers with all
   * its words but one: any of its words, with the dictionary's synonyms (not the derived
   * neighbours: measured, they found more wrong tips than right ones here).
   */
  const anyFilter = (): SearchFilter | null => {
    if (parsed.must.length < ANY_MIN_TERMS || parsed.intentOnly) return null;
    const wideQ = wideQuery();
    const lq: ParsedQuery = { ...(wideQ ?? parsed), dictionaryOnly: true };
    const anyMatch = toMatch(lq, 'any');
    return { ...filter, match: anyMatch, titleMatch: toMatch(lq, 'any', 'title tags'), titleOnly: titlesAlone ? anyMatch : null };
  };
  if (hasText && total === 0) {
    // The looser queries in turn: each page taken (and flagged relaxed) only when it finds something.
    for (const looser of [looseFilter, anyFilter]) {
      const loose = looser();
      const again = loose ? store.topPage(loose) ?? store.page(loose) : null;
      if (loose && again && again.total > 0) {
        page = again;
        total = again.total;
        relaxed = true;
        anyWord = looser === anyFilter;
        filter.match = loose.match;
        break;
      }
    }
  } else if (ctx.config.searchLooseAfterWide && hasText && firstEmpty && sort === 'relevance' && total < offset + limit) {
    // Fifth round: no tip has every word, and the wide tier (synonyms, derived neighbours: weaker
    // evidence) filled less than the page — the looser query's tips follow the wide tier's, never
    // before them (a wrong neighbour's match no longer hides every tip with the first word).
    // Its relaxed groups without the wide tier's synonyms: the words as typed and their spellings
    // (as strong as evidence gets once a word is left out; the same figures, fewer phrases).
    const loose = looseFilter(true);
    if (loose) {
      // The wide tier's tips, to leave out: on the first page they are all in hand already
      // (fewer than the page); past it, read them again (1.7 ms at 100,000 tips).
      const wideIds = offset === 0 && page.ids.length === total ? page.ids : store.newest({ ...filter, titleOnly: null }, total + 1);
      const extra: SearchFilter = { ...loose, exclude: wideIds, titleOnly: null,
        offset: Math.max(0, offset - total), limit: offset + limit - Math.max(offset, total) };
      const more = store.topPage(extra) ?? store.page(extra);
      if (more.total > 0) {
        page = { ids: [...page.ids, ...more.ids], total: total + more.total };
        total = page.total;
        relaxed = true;
      } else if (loose.groups) emptyGroups = { groups: loose.groups, exclude: wideIds };
    }
  }
  // The synonyms' highlights: those kept, once the wide tier was made ready.
  const marks = highlighter((widened ?? parsed).must);
  const tier: Tier = total === 0 ? NOTHING : anyWord ? ANY : relaxed ? ONE_LEFT_OUT : ALL;
  const result: TieredResult = {
    total,
    // Relaxed, each tip says which word it lacks (ダブり of ダブり 削除), as partial tips do.
    items: presentHits(ctx, page.ids, marks, relaxed ? asTypedIn(q, parsed.must) : undefined, anyWord),
    didYouMean: (total === 0 || relaxed) && hasText && correcting ? didYouMean(ctx, query, { ...filter, match: null }, tier) : null,
    relaxed,
    tier,
  };
  // Fewer tips than the page have every word: the tips with all the words but one follow, apart
  // (`partial`), best first, to fill the page — never above a tip with every word, never counted
  // in `total`, and not when no tip has every word (that is `relaxed`, or nothing).
  if (!relaxed && sort === 'relevance' && offset === 0 && total > 0 && page.ids.length < limit) {
    // The words as typed and their spellings, without the wide tier's synonyms (as the looser
    // tier after the wide tier: a word left out and a synonym is too little, and each synonym is
    // one more phrase in every group).
    const groups = partialGroups(parsed);
    // The same groups with the same tips left out, found empty by the looser tier just above
    // (three words or more: its groups are these), find nothing again: not asked twice.
    const askedEmpty = groups !== null && emptyGroups !== null && sameList(groups, emptyGroups.groups) && sameList(page.ids, emptyGroups.exclude);
    if (groups && !askedEmpty) {
      // The groups OR-ed whole: what topPage ranks instead when together they hold more than the
      // cap (with two words, `relaxed` would be both words again, and find nothing new).
      const looseMatch = toMatch(parsed, 'partial');
      const partial = { ...filter, match: looseMatch, titleMatch: null, titleOnly: null, groups, exclude: page.ids, offset: 0, limit: limit - page.ids.length };
      const more = store.topPage(partial) ?? store.page(partial);
      if (more.ids.length > 0) result.partial = presentHits(ctx, more.ids, marks, asTypedIn(q, parsed.must));
    }
  }
  if (facets) result.facets = total > 0 ? store.facets(filter) : [];
  return result;
}

/**
 * Titles for what has been typed: the same query language, matched on titles and tags only, from
 * the in-memory title index (titles.ts). A query with an exclusion (`-word`, excluded wherever the
 * tip has it, body included) goes through the full-text index, which has the bodies, and so does
 * one the title index has no key for (a lone Japanese character typed as a prefix, nothing else).
 */
function suggestPosts(ctx: SearchReader, q: string): { id: number; title: string }[] {
  if (Array.from(normalize(q).trim()).length < 2) return [];
  const parsed = parseQuery(q);
  if (parsed.must.length === 0) return [];
  const { store, titles } = ctx.search;
  const find = (must: ParsedQuery['must']) => {
    const found = parsed.not.length === 0 ? titles.find(must, SUGGEST_POSTS) : null;
    if (found) return found;
    const match = toMatch({ must, not: parsed.not }, 'all', 'title tags');
    return match ? store.titles(match, SUGGEST_POSTS) : [];
  };
  const posts = find(parsed.must);
  if (posts.length >= SUGGEST_POSTS) return posts;
  // Mistyped Latin words (VLOKUP): try again with the closest words of titles and tags.
  const must = correctTypos(ctx, parsed.must);
  if (!must) return posts;
  const seen = new Set(posts.map((p) => p.id));
  const more = find(must).filter((p) => !seen.has(p.id));
  return [...posts, ...more].slice(0, SUGGEST_POSTS);
}

/** The query's words with each mistyped Latin word replaced by the closest indexed one; null if none was. */
export function correctTypos(ctx: SearchReader, must: ParsedQuery['must']): ParsedQuery['must'] | null {
  let changed = false;
  const fixed = must.map((t) => {
    const fix = t.latin && t.tokens.length === 1 ? ctx.search.suggester.correct(t.tokens[0]) : null;
    if (!fix) return t;
    changed = true;
    // The corrected word as a query word of its own: with its dictionary spellings (pivot: ピボット).
    return parseQuery(`${fix} `).must[0] ?? { ...t, tokens: [fix], prefix: false, alternatives: undefined };
  });
  return changed ? fixed : null;
}

/** Tags for what has been typed: those starting with it (or with its last word) first, then those containing it. */
export function suggestTags(ctx: SearchReader, typed: string): SuggestResultT['tags'] {
  const norm = normalize(typed);
  const words = norm.split(/\s+/u).filter(Boolean);
  const last = words[words.length - 1] ?? norm;
  const all = ctx.search.tags();
  // Each typed word's other spellings in the dictionary (エクセル, えくせる: excel), whole: a tag
  // another word of the query names is close too (the no-results page offers these).
  // A name said in katakana names the Latin tag too (ウィンアクター: WinActor, transliterate.ts).
  const spellings = words.filter((w) => w.length >= 2).flatMap((w) => {
    const kana = normalize(toKatakana(w));
    return [...(alternativesOf(w)?.same ?? []), ...(kana === w ? [] : [kana, ...(alternativesOf(kana)?.same ?? [])]), ...latinSpellingsOf(kana)];
  });
  // Every word of the query names a tag (ワークフロー RPA 申請: RPA), not only the last one typed.
  const named = words.filter((w) => Array.from(w).length >= 2);
  const starts = all.filter((t) => t.norm.startsWith(norm) || t.norm.startsWith(last) || spellings.includes(t.norm) || named.includes(t.norm));
  const contains = all.filter((t) => !starts.includes(t) && (t.norm.includes(norm) || (last.length >= 2 && t.norm.includes(last)) || named.some((w) => t.norm.startsWith(w))));
  return [...starts, ...contains].slice(0, SUGGEST_TAGS).map(({ name, count }) => ({ name, count }));
}

export function suggest(ctx: SearchReader, q: string): SuggestResultT {
  const typed = q.trim();
  if (typed === '') return { posts: [], tags: [] };
  return { posts: suggestPosts(ctx, q), tags: suggestTags(ctx, typed) };
}

/** Related tips shown on a tip page, and similar tips while a title is typed. */
export const RELATED_MAX = 5;
/** Words kept to find related tips: the rarest of the text's words. */
const RELATED_WORDS = 6;
/** A word in more than this share of the tips says nothing about what a tip is about. */
const RELATED_COMMON = 0.2;

/**
 * Tips about the same thing as `text` (a tip's title and tags, or a title being typed): the
 * same engine as search — the text's words after the same pipeline and dictionary — keeping the
 * rarest RELATED_WORDS of them (FTS5's own counts), any one of which may match (OR), ranked by
 * BM25 on title 8 / tags 5 / body 1, so tips sharing more and rarer words, in their titles and
 * tags above all, come first. Only published tips are indexed (hidden and draft ones never
 * appear), and each is checked published again with its current title.
 */
export function related(ctx: SearchReader, text: string, self = 0, limit = RELATED_MAX, typing = false): { id: number; title: string }[] {
  const { store } = ctx.search;
  // While a title is typed (`typing`), its last word may be half typed (VLOOK, WinAc): completed
  // against the index's words as the search box completes it.
  const parsed = typing ? completePrefixes(parseQuery(text), (prefix, max) => store.words(prefix, max) ?? []) : parseQuery(`${text} `);
  // A katakana compound brings its loanword parts too (ピボットテーブル: ピボット, テーブル): a tip on
  // ピボット's slicer is related to one on ピボットテーブル though neither has the other's word.
  const parts = parsed.must.flatMap((t) => {
    const w = t.highlights[0] ?? '';
    if (t.latin || !/^\p{sc=Katakana}+$/u.test(w)) return [];
    return loanwordSplits(w).flat().flatMap((x) => parseQuery(`${x} `).must);
  });
  const terms = [...parsed.must, ...(parsed.should ?? []).filter((t) => t.highlights.length > 0), ...parts];
  const total = Math.max(1, store.publishedCount());
  // A word only the tip itself holds relates it to nothing: the words of at least one other tip.
  const least = self > 0 ? 2 : 1;
  // How many tips a word is in: as typed, or in the other spellings it matches in (ぴぼっと, エクセル: tips write ピボット, Excel).
  const docsOf = (phrase: string[]) => Math.min(...phrase.map((token) => store.docsOf(token)));
  const scored = terms.map((t) => ({ t, docs: Math.max(docsOf(t.tokens), ...(t.spellings ?? t.alternatives ?? []).map(docsOf), ...(t.completions ?? []).map((c) => store.docsOf(c))) }))
    .filter((x) => x.docs >= least && (x.docs <= RELATED_COMMON * total || total < 50))
    .sort((a, b) => a.docs - b.docs)
    .slice(0, RELATED_WORDS);
  if (scored.length === 0) return [];
  const match = scored.map((x) => termMatch(typing && x.t.completions ? x.t : { ...x.t, prefix: false, completions: undefined })).join(' OR ');
  const found = store.related(match, self, limit * 2);
  const titles = store.published(found.map((r) => r.id));
  return found.filter((r) => titles.has(r.id)).slice(0, limit).map((r) => ({ id: r.id, title: titles.get(r.id)! }));
}

/** Tips related to a published tip (its title and tags); null when the tip is not published. */
export function relatedToTip(ctx: SearchReader, id: number): { id: number; title: string }[] | null {
  const row = ctx.search.store.source(id);
  if (!row || row.status !== 'published') return null;
  return related(ctx, `${row.title} ${row.tags}`, id);
}
