/**
 * Markdown files with YAML front matter, the shape esa, Qiita (Qiita CLI) and most static-site
 * tools read and write. YAML is parsed by the `yaml` package with the core schema, so dates stay
 * the strings the file holds (esa writes `2019-01-01 12:34:56 +0900`) and nothing is executed.
 */
import { parse, stringify } from 'yaml';

export interface MarkdownFile {
  data: Record<string, unknown>;
  body: string;
}

// `---` on the first line, then YAML, then a line of `---` (or YAML's `...`).
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits a file into its front matter and body; a file without front matter is all body. */
export function readMarkdownFile(text: string): MarkdownFile {
  const source = text.replace(/^\uFEFF/, '');
  const m = FRONT_MATTER.exec(source);
  if (!m) return { data: {}, body: source };
  const parsed: unknown = parse(m[1] ?? '', { schema: 'core', maxAliasCount: 10 });
  if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    throw new Error('front matter is not a mapping of fields');
  }
  return { data: (parsed ?? {}) as Record<string, unknown>, body: source.slice(m[0].length) };
}

/** The file text for `data` and `body`; fields whose value is undefined are left out. */
export function writeMarkdownFile(data: Record<string, unknown>, body: string): string {
  const fields = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n${body}`;
}
