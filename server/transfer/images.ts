import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const parser = new MarkdownIt({ html: false });

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

function collect(tokens: readonly Token[], out: Set<string>): void {
  for (const t of tokens) {
    if (t.type === 'image') {
      const src = t.attrGet('src');
      // markdown-it percent-encodes the address; the file name on disk is the decoded one.
      if (src) out.add(safeDecode(src));
    }
    if (t.children) collect(t.children, out);
  }
}

/** The image addresses a Markdown body shows, as markdown-it reads them (never those inside code). */
export function imageSources(body: string): string[] {
  const out = new Set<string>();
  collect(parser.parse(body, {}), out);
  return [...out];
}

/** A relative file reference (no scheme, not site-absolute, not a fragment). */
export const isLocalFile = (src: string) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/') && !src.startsWith('#');

/**
 * Replaces each image address in `body` as `map` says. Only the destination right after `](`
 * changes, so the same text elsewhere in prose is left alone.
 */
export function replaceImageSources(body: string, map: ReadonlyMap<string, string>): string {
  let out = body;
  for (const [from, to] of map) {
    // As written: plain, percent-encoded, or in <> (the CommonMark form for names with spaces).
    const forms = new Set([`](${from}`, `](${encodeURI(from)}`, `](<${from}>`]);
    for (const form of forms) out = out.split(form).join(`](${to}`);
  }
  return out;
}
