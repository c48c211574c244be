/**
 * How front-matter fields map to a tip, for files from esa, Qiita (Qiita CLI) and Kotsu's own
 * export (docs/AUTHORING.md, "Markdown import and export", lists the same table):
 *
 * | tip field    | read from (first present)                          | written as             |
 * | ------------ | -------------------------------------------------- | ---------------------- |
 * | title        | `title`; else the first `# ` heading; else file name | `title`              |
 * | tags         | `tags` (list, or one string split on , 、 ， spaces) | `tags` (list)        |
 * |              | + `category` path segments with --category-tags     |                        |
 * | author       | `author`, `created_by`, `user` (a login name, or an object with `username`/`screen_name`/`id`) | `author` |
 * | created date | `created_at`, `date`                               | `created_at` (ISO 8601) |
 * | updated date | `updated_at`; else the created date                | `updated_at` (ISO 8601) |
 * | draft        | `published: false`, `wip: true`, `draft: true`, `private: true` | (published only) |
 * | minutes saved per use | `minutes_saved_per_use`                   | `minutes_saved_per_use` |
 */
import path from 'node:path';

export interface ImportFields {
  title: string;
  body: string;
  tags: string[];
  author: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  draft: boolean;
  minutesSavedPerUse: number | null;
  /** Problems that do not stop the import of this file. */
  warnings: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

function firstOf(data: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null && data[k] !== '') return data[k];
  return undefined;
}

function authorOf(data: Record<string, unknown>): string | null {
  const v = firstOf(data, ['author', 'created_by', 'user']);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    return str(o.username) ?? str(o.screen_name) ?? str(o.id);
  }
  return str(v);
}

/** A tag list from a YAML list or a string separated as people type tags. */
export function splitTags(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : '')) : typeof v === 'string' ? v.split(/[,、，\s\u3000]+/u) : [];
  return parts.map((t) => t.trim()).filter((t) => t !== '');
}

// esa: `2019-01-01 12:34:56 +0900`; also ISO 8601 with or without a zone (read as Japan time).
const ESA_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*([+-]\d{2}):?(\d{2})$/;

export function parseDate(v: unknown): Date | null | 'invalid' {
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v;
  if (typeof v !== 'string') return 'invalid';
  const s = v.trim();
  const esa = ESA_DATE.exec(s);
  let iso = esa ? `${esa[1]}T${esa[2]}${esa[3]}:${esa[4]}` : s;
  // A date or a local time without a zone is a Japanese office's local time.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) iso += 'T00:00:00+09:00';
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso = `${iso.replace(' ', 'T')}+09:00`;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return 'invalid';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}

const HEADING = /^#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/;

/** The tip fields a file's front matter and body give, before any check against the database. */
export function toImportFields(file: { data: Record<string, unknown>; body: string }, fileName: string, opts: { categoryTags?: boolean } = {}): ImportFields {
  const { data } = file;
  const warnings: string[] = [];
  let body = file.body.replace(/^(\r?\n)+/, '');
  let title = str(data.title);
  if (!title) {
    const h = HEADING.exec(body);
    if (h) {
      title = h[1]!.trim();
      body = body.slice(h[0].length).replace(/^(\r?\n)+/, '');
    } else {
      title = path.basename(fileName).replace(/\.(md|markdown)$/i, '');
      warnings.push('no title: the file name is used');
    }
  }
  const tags = splitTags(data.tags);
  if (opts.categoryTags) tags.push(...splitTags(typeof data.category === 'string' ? data.category.split('/') : []));
  const dates = (['created', 'updated'] as const).map((which) => {
    const raw = which === 'created' ? firstOf(data, ['created_at', 'date']) : data.updated_at;
    const d = parseDate(raw);
    if (d === 'invalid') {
      warnings.push(`${which}_at "${String(raw)}" is not a date: ignored`);
      return null;
    }
    return d;
  });
  const minutes = data.minutes_saved_per_use;
  const draft = data.published === false || data.wip === true || data.draft === true || data.private === true;
  return {
    title, body, tags, author: authorOf(data), createdAt: dates[0]!, updatedAt: dates[1] ?? dates[0]!, draft,
    minutesSavedPerUse: typeof minutes === 'number' && Number.isInteger(minutes) ? minutes : null, warnings,
  };
}
