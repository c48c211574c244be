/**
 * Snippets: a short window of a tip's text around the first match, HTML-escaped, with the
 * matched words wrapped in <mark>. Matching happens on normalized text and is mapped back to the
 * original characters, so ＥＸＣＥＬ or ｴｸｾﾙ in a tip is highlighted for the query excel.
 */
import { normalize, normalizeWithMap } from './normalize';
import type { Term } from './query';

const BEFORE = 40;
const LENGTH = 160;
/** Probe pieces: a match up to PROBE_OVERLAP characters long is seen whole in one of them. */
const PROBE = 96;
const PROBE_OVERLAP = 32;
/** How far the guessed window may be off and still hold the snippet. */
const SLACK = 16;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The readable text of rendered Markdown (code included), as indexed and shown in snippets. */
export function plainText(html: string): string {
  return html
    .replace(/<\/(?:p|li|h[1-6]|pre|tr|td|th|blockquote|div|ul|ol|table)>|<br\s*\/?>/gi, ' ')
    // [^<>], not [^>]: a '<' without its '>' stops at the next '<' (linear, never quadratic).
    .replace(/<[^<>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (m, dec: string, hex: string, name: string) => {
      const cp = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
      if (cp >= 0) return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      return ENTITIES[name.toLowerCase()] ?? m;
    });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression over normalized text that finds every highlightable term. */
export function highlighter(terms: readonly Term[]): RegExp | null {
  const parts: string[] = [];
  for (const t of terms) {
    for (const h of t.highlights) {
      if (!h) continue;
      if (/^[a-z0-9]+$/.test(h)) {
        // A Latin word matches whole (or as a prefix while typing), not inside another word.
        parts.push(`(?<![a-z0-9])${escapeRe(h)}${t.prefix ? '[a-z0-9]*' : '(?![a-z0-9])'}`);
      } else {
        parts.push(escapeRe(h));
      }
    }
  }
  if (parts.length === 0) return null;
  parts.sort((a, b) => b.length - a.length);
  return new RegExp(parts.join('|'), 'gu');
}

function render(text: string, ranges: [number, number][], from: number, to: number): string {
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    out += escapeHtml(text.slice(pos, a)) + '<mark>' + escapeHtml(text.slice(a, b)) + '</mark>';
    pos = b;
  }
  out += escapeHtml(text.slice(pos, to));
  if (to < text.length) out += '…';
  return out;
}

/** Keeps a cut from splitting a surrogate pair. */
const safeCut = (text: string, i: number) =>
  i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) ? i - 1 : i;

const SEPARATOR = /[\s\p{P}]/u;

/**
 * A piece of the text that normalizes as it does in the whole: its ends moved out to a space or
 * punctuation mark (up to 24 characters), so no word is cut (a Latin word is matched whole, and
 * エクセル or ｶﾞ normalize as one).
 */
function piece(text: string, from: number, to: number): [number, number] {
  for (let k = 0; k < 24 && from > 0 && !SEPARATOR.test(text[from - 1]); k++) from--;
  for (let k = 0; k < 24 && to < text.length && !SEPARATOR.test(text[to]); k++) to++;
  return [safeCut(text, from), safeCut(text, to)];
}

/** The highlighted ranges of the piece around text[from, to), normalized with the map back to the original. */
function mappedRanges(text: string, re: RegExp, around: number, until: number): [number, number][] {
  const [from, to] = piece(text, around, until);
  const mapped = normalizeWithMap(text.slice(from, to));
  const ranges: [number, number][] = [];
  re.lastIndex = 0;
  for (const m of mapped.text.matchAll(re)) {
    const i = m.index ?? 0;
    if (m[0].length === 0) continue;
    ranges.push([from + mapped.start[i], from + mapped.end[i + m[0].length - 1]]);
  }
  return ranges;
}

/**
 * The highlighted ranges from the first match on, at least through the snippet's reach. The text
 * is probed in short overlapping pieces with the plain `normalize` (cheap); only the snippet's
 * window is normalized with the map back to the original characters (costly per character), so
 * a whole tip is never mapped. The window is placed where the match is in the normalized piece,
 * which is where it is in the original unless normalization changed lengths before it (ＥＸＣＥＬ,
 * ｶﾞ, エクセル → excel); when the mapped window shows otherwise, the piece with the snippet's
 * reach on both sides is mapped instead.
 */
function firstMatch(text: string, re: RegExp, known: boolean): [number, number][] | null {
  // Whether the text has a match at all, unless the caller already knows it does (the probes
  // below find nothing either way when it does not: this only saves walking them).
  re.lastIndex = 0;
  if (!known && !re.test(normalize(text))) return null;
  for (let at = 0; at < text.length; at += PROBE) {
    const [a, b] = piece(text, at, Math.min(text.length, at + PROBE + PROBE_OVERLAP));
    re.lastIndex = 0;
    const hit = re.exec(normalize(text.slice(a, b)));
    if (!hit) continue;
    const guess = a + hit.index;
    const start = Math.max(0, guess - BEFORE);
    let ranges = mappedRanges(text, re, Math.max(0, start - SLACK), Math.min(text.length, start + LENGTH + SLACK));
    if (ranges.length === 0 || ranges[0][0] > guess + SLACK) {
      ranges = mappedRanges(text, re, Math.max(0, a - BEFORE - PROBE_OVERLAP), Math.min(text.length, b + LENGTH));
    }
    if (ranges.length > 0) return ranges;
  }
  return null;
}

/** `matched`: the text is known to have a match of `re` (snippetOf has looked). */
export function makeSnippet(rawText: string, re: RegExp | null, matched = false): string {
  const text = rawText.replace(/\s+/gu, ' ').trim();
  const ranges = re ? firstMatch(text, re, matched) : null;
  if (ranges) {
    const from = safeCut(text, Math.max(0, ranges[0][0] - BEFORE));
    const to = safeCut(text, Math.min(text.length, from + LENGTH));
    return render(text, ranges, from, to);
  }
  return render(text, [], 0, safeCut(text, Math.min(text.length, LENGTH)));
}

/**
 * HTML read for one snippet at most. A hit's tip may be 100,000 characters of text whose HTML is
 * several times longer (entities, tags): turning all of it into text, for each of 20 hits, cost
 * about a second (issue 16 part 8). A match further in than this is shown as the tip's start.
 */
export const SNIPPET_HTML_MAX = 32_768;
/** HTML turned into text at a time, until a match and the snippet's reach after it are in hand. */
const SNIPPET_PIECE = 4096;
/** Longest tag or entity a cut moves past (a longer one is cut before). */
const CUT_REACH = 2048;

/** An offset near `at` that is not inside a tag or an entity, so each piece's text is that part of the whole's. */
export function htmlCut(html: string, at: number): number {
  if (at >= html.length) return html.length;
  const lt = html.lastIndexOf('<', at - 1);
  if (lt >= 0 && at - lt <= CUT_REACH && html.lastIndexOf('>', at - 1) < lt) {
    const gt = html.indexOf('>', at);
    at = gt >= 0 && gt - lt <= CUT_REACH ? gt + 1 : lt;
  }
  const amp = html.lastIndexOf('&', at - 1);
  if (amp >= 0 && at - amp <= 10) {
    const semi = html.indexOf(';', amp);
    if (semi >= at && semi - amp <= 10) at = semi + 1;
  }
  return at;
}

/**
 * The snippet of a tip's rendered HTML: makeSnippet of its text, reading the HTML in pieces
 * until the first match and LENGTH characters after it are in hand, at most SNIPPET_HTML_MAX.
 */
export function snippetOf(html: string, re: RegExp | null): string {
  const limit = Math.min(html.length, SNIPPET_HTML_MAX);
  let end = 0;
  let text = '';
  let foundAt = -1;
  while (end < limit) {
    let next = htmlCut(html, Math.min(limit, end + SNIPPET_PIECE));
    if (next <= end) next = Math.min(html.length, end + SNIPPET_PIECE);
    text += plainText(html.slice(end, next));
    end = next;
    if (foundAt < 0 && re) {
      re.lastIndex = 0;
      if (re.test(normalize(text))) foundAt = text.length;
    }
    // Enough: the snippet's reach after the match, or (no query words) the snippet's length.
    if ((foundAt >= 0 || !re) && text.length - Math.max(foundAt, 0) > LENGTH * 2) break;
  }
  // The text was normalized and tested piece by piece above: with no match in it, none is looked
  // for again; with one, it is not looked for in the whole text again (a second normalization
  // of up to 4 KB per hit, ~5 % of a search).
  const snippet = makeSnippet(text, foundAt >= 0 ? re : null, true);
  return end < html.length && !snippet.endsWith('…') ? `${snippet}…` : snippet;
}
