/**
 * Snippets: a short window of a tip's text around the first match, HTML-escaped, with the
 * matched words wrapped in <mark>. Matching happens on normalized text and is mapped back to the
 * original characters, so ＥＸＣＥＬ or ｴｸｾﾙ in a tip is highlighted for the query excel.
 */
import { normalize, normalizeWithMap } from './normalize';
import type { Term } from './query';

const CHUNK = 2000;
const BEFORE = 40;
const LENGTH = 160;

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

/** Splits at white space near every CHUNK characters, so a long tip is normalized piece by piece. */
function chunks(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + CHUNK);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > at + CHUNK / 2) end = space + 1;
    }
    out.push({ at, text: text.slice(at, end) });
    at = end;
  }
  return out;
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

export function makeSnippet(rawText: string, re: RegExp | null): string {
  const text = rawText.replace(/\s+/gu, ' ').trim();
  if (re) {
    for (const chunk of chunks(text)) {
      re.lastIndex = 0;
      if (!re.test(normalize(chunk.text))) continue;
      const mapped = normalizeWithMap(chunk.text);
      const ranges: [number, number][] = [];
      re.lastIndex = 0;
      for (const m of mapped.text.matchAll(re)) {
        const i = m.index ?? 0;
        if (m[0].length === 0) continue;
        ranges.push([chunk.at + mapped.start[i], chunk.at + mapped.end[i + m[0].length - 1]]);
      }
      if (ranges.length === 0) continue;
      const from = safeCut(text, Math.max(0, ranges[0][0] - BEFORE));
      const to = safeCut(text, Math.min(text.length, from + LENGTH));
      return render(text, ranges, from, to);
    }
  }
  return render(text, [], 0, safeCut(text, Math.min(text.length, LENGTH)));
}
