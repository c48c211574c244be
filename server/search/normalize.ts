/**
 * The one text normalization for search, applied identically to tips (title, tags, body) and
 * to queries, so that what is typed and what is written meet. In order:
 *
 * 1. NFKC: full-width Latin and digits become ASCII (ＥＸＣＥＬ → EXCEL, ：→ :), half-width
 *    katakana becomes full-width (ｴｸｾﾙ → エクセル, ｶﾞ → ガ), compatibility forms unfold (㈱ → (株)).
 * 2. Case folding (toLowerCase): Excel / EXCEL / excel are one word.
 * 3. Long-vowel mark at the end of a katakana word of three or more characters is dropped
 *    (フォルダー → フォルダ, サーバー → サーバ, ユーザー名 → ユーザ名); short words keep it (キー).
 * 4. Spelling variants (VARIANTS below) are rewritten to one form: katakana names of products
 *    (エクセル → excel, パワポ / パワーポイント → powerpoint) and okurigana variants
 *    (貼り付け / 貼付け → 貼付, 取り込み / 取込み → 取込, …).
 *
 * `normalizeWithMap` does the same and also says, for each output character, which span of the
 * input it came from, so snippets can highlight the original text.
 */

/** Spelling → the one form both tips and queries are rewritten to (after steps 1–3). */
export const VARIANTS: Readonly<Record<string, string>> = {
  // Products staff write in katakana as often as in Latin letters.
  'エクセル': 'excel',
  'パワーポイント': 'powerpoint',
  'パワポ': 'powerpoint',
  'アウトルック': 'outlook',
  // Okurigana: the same word written with more or fewer kana.
  '貼り付け': '貼付', '貼付け': '貼付',
  '取り込み': '取込', '取込み': '取込',
  '読み込み': '読込', '読込み': '読込',
  '書き込み': '書込', '書込み': '書込',
  '書き出し': '書出', '書出し': '書出',
  '差し込み': '差込', '差込み': '差込',
  '組み込み': '組込', '組込み': '組込',
  '振り込み': '振込', '振込み': '振込',
  '申し込み': '申込', '申込み': '申込',
  '問い合わせ': '問合せ', '問合わせ': '問合せ', '問い合せ': '問合せ',
  '打ち合わせ': '打合せ', '打合わせ': '打合せ',
  '切り替え': '切替', '切替え': '切替',
  '置き換え': '置換', '置換え': '置換',
  '並べ替え': '並替', '並び替え': '並替', '並べかえ': '並替',
  '割り当て': '割当', '割当て': '割当',
  '受け付け': '受付', '受付け': '受付',
  '引き継ぎ': '引継', '引継ぎ': '引継',
  '取り消し': '取消', '取消し': '取消',
  '繰り返し': '繰返', '繰返し': '繰返',
  '見積もり': '見積', '見積り': '見積',
  '締め切り': '締切', '締切り': '締切',
  '書き換え': '書換', '書換え': '書換',
};

const KATAKANA_RUN = /[\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF]+/gu;
const VARIANT_RE = new RegExp(
  Object.keys(VARIANTS).sort((a, b) => b.length - a.length).join('|'), 'gu');

function stripLongVowel(run: string): string {
  if (run.length < 3 || !run.endsWith('ー')) return run;
  // A loop, not /ー+$/: that regex retries every ー of a long run that does not end the text
  // (quadratic: 100,000 characters took 50 s).
  let end = run.length;
  while (end > 0 && run.charCodeAt(end - 1) === 0x30fc) end--;
  const stripped = run.slice(0, end);
  return stripped.length >= 2 ? stripped : run;
}

/** Fast path for indexing: the normalized text only. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase()
    .replace(KATAKANA_RUN, stripLongVowel)
    .replace(VARIANT_RE, (m) => VARIANTS[m]);
}

export interface MappedText {
  text: string;
  /** For each UTF-16 unit of `text`, the start and end (exclusive) of its source in the input. */
  start: number[];
  end: number[];
}

function replaceMapped(src: MappedText, re: RegExp, fn: (m: string) => string): MappedText {
  const out: MappedText = { text: '', start: [], end: [] };
  let last = 0;
  const copy = (from: number, to: number) => {
    out.text += src.text.slice(from, to);
    for (let i = from; i < to; i++) { out.start.push(src.start[i]); out.end.push(src.end[i]); }
  };
  for (const m of src.text.matchAll(re)) {
    const at = m.index ?? 0;
    copy(last, at);
    const rep = fn(m[0]);
    const s = src.start[at];
    const e = src.end[at + m[0].length - 1];
    if (rep.startsWith(m[0].slice(0, rep.length)) && rep.length <= m[0].length) {
      // A shortening that keeps a prefix (long vowel): keep the exact mapping of what remains.
      copy(at, at + rep.length);
      if (rep.length > 0) out.end[out.end.length - 1] = e;
    } else {
      out.text += rep;
      for (let i = 0; i < rep.length; i++) { out.start.push(s); out.end.push(e); }
    }
    last = at + m[0].length;
  }
  copy(last, src.text.length);
  return out;
}

/** Same result as `normalize`, with a map back to the input for highlighting. */
export function normalizeWithMap(input: string): MappedText {
  const out: MappedText = { text: '', start: [], end: [] };
  // A base character and the marks that follow it are normalized together (ｶﾞ → ガ).
  const groups = /[\s\S][\p{M}\uFF9E\uFF9F]*/gu;
  for (const m of input.matchAll(groups)) {
    const at = m.index ?? 0;
    const n = m[0].normalize('NFKC').toLowerCase();
    out.text += n;
    for (let i = 0; i < n.length; i++) { out.start.push(at); out.end.push(at + m[0].length); }
  }
  return replaceMapped(replaceMapped(out, KATAKANA_RUN, stripLongVowel), VARIANT_RE, (m) => VARIANTS[m]);
}
