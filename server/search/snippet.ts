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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The readable text of rendered Markdown (code included), as indexed and shown in snippets. */
export function plainText(html: string): string {
  return html
    .replace(/<\/(?:p|li|h[1-6]|pre|tr|td|th|blockquote|div|ul|ol|table)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
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

/**
 * Where the first match starts in `text`, and the highlighted ranges around it. The text is
 * probed in short overlapping pieces with the plain `normalize` (cheap); only the piece that
 * matches first, with the snippet's reach around it, is normalized with the map back to the
 * original characters (costly per character, so a whole tip is never mapped).
 */
function firstMatch(text: string, re: RegExp): [number, number][] | null {
  re.lastIndex = 0;
  if (!re.test(normalize(text))) return null;
  for (let at = 0; at < text.length; at += PROBE) {
    const a = safeCut(text, at);
    const b = safeCut(text, Math.min(text.length, at + PROBE + PROBE_OVERLAP));
    re.lastIndex = 0;
    if (!re.test(normalize(text.slice(a, b)))) continue;
    const from = safeCut(text, Math.max(0, a - BEFORE - PROBE_OVERLAP));
    const to = safeCut(text, Math.min(text.length, b + LENGTH));
    const mapped = normalizeWithMap(text.slice(from, to));
    const ranges: [number, number][] = [];
    re.lastIndex = 0;
    for (const m of mapped.text.matchAll(re)) {
      const i = m.index ?? 0;
      if (m[0].length === 0) continue;
      ranges.push([from + mapped.start[i], from + mapped.end[i + m[0].length - 1]]);
    }
    if (ranges.length > 0) return ranges;
  }
  return null;
}

export function makeSnippet(rawText: string, re: RegExp | null): string {
  const text = rawText.replace(/\s+/gu, ' ').trim();
  const ranges = re ? firstMatch(text, re) : null;
  if (ranges) {
    const from = safeCut(text, Math.max(0, ranges[0][0] - BEFORE));
    const to = safeCut(text, Math.min(text.length, from + LENGTH));
    return render(text, ranges, from, to);
  }
  return render(text, [], 0, safeCut(text, Math.min(text.length, LENGTH)));
}
