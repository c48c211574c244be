/**
 * Imports a folder of Markdown files with front matter as tips (`npm run import:markdown`).
 * Each file goes through the same service as a tip posted over HTTP (createPost: checks, render,
 * tags, revision 1, the post events that keep search and counters in step), dated as the file
 * says. A file that cannot be imported is skipped with its reason; nothing half-written remains,
 * because each tip is one transaction and its images are stored before it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Context } from '../context';
import { HttpError } from '../http/errors';
import { IMAGE_MAX_BYTES, imageUrl, saveImage } from '../images/service';
import { BODY_MAX, TITLE_MAX } from '../posts/schemas';
import { createPost } from '../posts/service';
import { TAGS_PER_POST, cleanTags, normalizeTag } from '../tags/normalize';
import type { UserRow } from '../users/store';
import { readMarkdownFile } from './front-matter';
import { imageSources, isLocalFile, replaceImageSources } from './images';
import { toImportFields } from './mapping';
import { createTransferStore } from './store';

export interface ImportOptions {
  /** The folder to read; files below it, in sub-folders too, ending in .md or .markdown. */
  root: string;
  /** Read and check everything, write nothing. */
  dryRun?: boolean;
  /** Login name for files that name no author, or an author with no account here. */
  defaultAuthor?: string;
  /** esa's `category: a/b/c` adds the tags a, b and c. */
  categoryTags?: boolean;
  /** Sets the app's clock while a tip is written with the file's date; null gives real time back. */
  backdate: (at: Date | null) => void;
  onProgress?: (done: number, total: number, outcome: FileOutcome) => void;
}

export interface FileOutcome {
  /** Path relative to the root, with forward slashes. */
  file: string;
  status: 'imported' | 'would import' | 'skipped';
  postId?: number;
  title?: string;
  reason?: string;
  warnings: string[];
}

export interface ImportReport {
  files: FileOutcome[];
  imported: number;
  skipped: number;
  images: number;
}

class Skip extends Error {}

async function listMarkdown(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    // Hidden folders (.git, .obsidian) hold no tips.
    .filter((p) => !path.relative(root, p).split(path.sep).some((seg) => seg.startsWith('.')))
    .sort();
}

/** Tags as the service accepts them: a tag it refuses is dropped, past the limit the rest are, each with a warning. */
function importableTags(raw: readonly string[], warnings: string[]): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const t of raw) {
    const one = cleanTags([t]);
    if ('problem' in one) {
      warnings.push(`tag "${t}" dropped: ${one.problem}`);
      continue;
    }
    const norm = normalizeTag(one.tags[0]!);
    if (seen.has(norm)) continue;
    if (kept.length === TAGS_PER_POST) {
      warnings.push(`tag "${t}" dropped: ${TAGS_PER_POST} tags at most`);
      continue;
    }
    seen.add(norm);
    kept.push(one.tags[0]!);
  }
  return kept;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The files' local images stored (or, in a dry run, checked) and the body pointing at them. */
async function bringImages(ctx: Context, root: string, file: string, body: string, author: UserRow, dryRun: boolean, warnings: string[]): Promise<{ body: string; count: number }> {
  const map = new Map<string, string>();
  for (const src of imageSources(body)) {
    if (!isLocalFile(src)) {
      if (/^https?:/i.test(src)) warnings.push(`image ${src} is on another server: left as a link (the intranet cannot fetch it)`);
      continue;
    }
    const target = path.resolve(path.dirname(file), src.split(/[?#]/)[0]!);
    const rel = path.relative(root, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      warnings.push(`image ${src} is outside the imported folder: left as it is`);
      continue;
    }
    let data: Buffer;
    try {
      data = await fs.readFile(target);
    } catch {
      warnings.push(`image ${src} not found: left as it is`);
      continue;
    }
    if (data.length > IMAGE_MAX_BYTES) {
      warnings.push(`image ${src} is over ${IMAGE_MAX_BYTES / 1024 / 1024} MB: left as it is`);
      continue;
    }
    try {
      if (dryRun) {
        const type = await fileTypeFromBuffer(data);
        if (!type || !/^image\/(png|apng|jpeg|gif|webp)$/.test(type.mime)) throw new Error('unsupported');
        map.set(src, src);
      } else {
        map.set(src, imageUrl(await saveImage(ctx, author, data)));
      }
    } catch (err) {
      warnings.push(`image ${src}: ${err instanceof HttpError ? err.message : 'not a PNG, JPEG, GIF or WebP image'}; left as it is`);
    }
  }
  return { body: dryRun ? body : replaceImageSources(body, map), count: map.size };
}

export async function importMarkdown(ctx: Context, opts: ImportOptions): Promise<ImportReport> {
  const root = path.resolve(opts.root);
  const store = createTransferStore(ctx.db);
  const files = await listMarkdown(root);
  const report: ImportReport = { files: [], imported: 0, skipped: 0, images: 0 };
  // Titles this run would write, per author, so a dry run reports duplicates inside the folder too.
  const planned = new Set<string>();
  const fallback = opts.defaultAuthor ? ctx.users.byUsername(opts.defaultAuthor) : undefined;
  if (opts.defaultAuthor && !fallback) throw new Error(`--author ${opts.defaultAuthor}: no such account`);

  for (const [i, file] of files.entries()) {
    const outcome: FileOutcome = { file: path.relative(root, file).split(path.sep).join('/'), status: 'skipped', warnings: [] };
    try {
      let text: string;
      try {
        text = UTF8.decode(await fs.readFile(file));
      } catch {
        throw new Skip('not UTF-8 text (save it as UTF-8 first)');
      }
      let parsed;
      try {
        parsed = readMarkdownFile(text);
      } catch (err) {
        throw new Skip(`front matter: ${(err as Error).message.split('\n')[0]}`);
      }
      const f = toImportFields(parsed, file, { categoryTags: opts.categoryTags });
      outcome.title = f.title;
      outcome.warnings.push(...f.warnings);
      let author = f.author ? ctx.users.byUsername(f.author) : undefined;
      if (!author) {
        if (!fallback) throw new Skip(f.author ? `author "${f.author}" has no account (create it, or give --author)` : 'no author in the file (give --author)');
        if (f.author) outcome.warnings.push(`author "${f.author}" has no account: imported as ${fallback.username}`);
        author = fallback;
      }
      if ([...f.title].length > TITLE_MAX) throw new Skip(`title is over ${TITLE_MAX} characters`);
      if (f.body.trim() === '') throw new Skip('the body is empty');
      const tags = importableTags(f.tags, outcome.warnings);
      const key = `${author.id}\u0000${f.title}`;
      if (planned.has(key) || store.hasTitle(author.id, f.title)) throw new Skip(`${author.username} already has a tip titled "${f.title}"`);
      const { body, count } = await bringImages(ctx, root, file, f.body, author, opts.dryRun ?? false, outcome.warnings);
      if (body.length > BODY_MAX) throw new Skip(`body is over ${BODY_MAX} characters`);
      planned.add(key);
      report.images += count;
      if (opts.dryRun) {
        outcome.status = 'would import';
      } else {
        opts.backdate(f.createdAt);
        let post;
        try {
          post = createPost(ctx, author, {
            title: f.title, body, tags, status: f.draft ? 'draft' : 'published',
            ...(f.minutesSavedPerUse !== null ? { minutesSavedPerUse: f.minutesSavedPerUse } : {}),
          });
        } finally {
          opts.backdate(null);
        }
        if (f.updatedAt && f.createdAt && f.updatedAt > f.createdAt) store.setUpdatedAt(post.id, f.updatedAt.toISOString());
        outcome.status = 'imported';
        outcome.postId = post.id;
      }
      report.imported += 1;
    } catch (err) {
      if (!(err instanceof Skip || err instanceof HttpError)) throw err;
      outcome.reason = err.message;
      report.skipped += 1;
    }
    report.files.push(outcome);
    opts.onProgress?.(i + 1, files.length, outcome);
  }
  return report;
}
