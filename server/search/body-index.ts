/**
 * A tip body's part of the full-text index: the token text of its rendered HTML's plain text
 * (what search_fts's body column holds). A pure function of the HTML, so it may be computed where
 * the HTML is made: a render thread computes it for long bodies (markdown/pool.ts), and the
 * engine takes it from there instead of spending up to ~100 ms of the event loop inside the
 * write's transaction (100,000 characters of `ー`: 300,000 characters of bigrams).
 */
import { normalize } from './normalize';
import { plainText } from './snippet';
import { foldSpellings } from './spellings';
import { indexText } from './tokenize';

/**
 * The body column: tokens, then their spelling keys (spellings.ts). Both steps grow with the body,
 * so both belong to the render thread for a long one (folding 100,000 tokens took ~130 ms).
 */
export const indexedBody = (html: string): string => foldSpellings(indexText(normalize(plainText(html))));

/** Bodies' index text computed ahead of the write, by their HTML; each taken once. */
export function createPreparedBodies(max = 32) {
  const byHtml = new Map<string, string>();
  return {
    put(html: string, indexed: string): void {
      byHtml.delete(html);
      byHtml.set(html, indexed);
      // Renders that were never saved (a refused edit) are dropped oldest first.
      while (byHtml.size > max) byHtml.delete(byHtml.keys().next().value as string);
    },
    /** The index text of `html`: prepared if it was, else computed now. */
    take(html: string): string {
      const ready = byHtml.get(html);
      if (ready === undefined) return indexedBody(html);
      byHtml.delete(html);
      return ready;
    },
    size: () => byHtml.size,
  };
}

export type PreparedBodies = ReturnType<typeof createPreparedBodies>;
