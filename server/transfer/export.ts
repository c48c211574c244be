/**
 * Writes every published tip as a Markdown file with front matter (`npm run export:markdown`),
 * in the shape the import reads back: `<id>-<title>.md` and the images the tips show under
 * `images/`, referred to by relative paths. Drafts and hidden tips are not exported.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context';
import { writeMarkdownFile } from './front-matter';
import { createTransferStore } from './store';

export interface ExportReport {
  tips: number;
  images: number;
  dir: string;
}

// Kotsu's own image addresses (server/images/service.ts imageUrl): a content hash and a type.
const OWN_IMAGE = /(?<![\w.:/%-])\/api\/images\/([0-9a-f]{64})\.(png|jpg|gif|webp)\b/g;

/** A file name from a title: characters Windows or POSIX refuse become _, at most 40 characters. */
export function fileNameFor(id: number, title: string): string {
  const slug = [...title.normalize('NFC').replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\s]+/gu, '_').replace(/^[._]+|[._]+$/g, '')].slice(0, 40).join('');
  return `${id}${slug ? `-${slug}` : ''}.md`;
}

export async function exportMarkdown(ctx: Context, dir: string, onProgress?: (done: number, file: string) => void): Promise<ExportReport> {
  const out = path.resolve(dir);
  await fs.mkdir(out, { recursive: true });
  if ((await fs.readdir(out)).length > 0) throw new Error(`${out} is not empty: export into a new or empty folder`);
  const store = createTransferStore(ctx.db);
  const written = new Set<string>();
  let tips = 0;
  for (const row of store.published()) {
    const tags = ctx.tags.namesFor([row.id]).get(row.id) ?? [];
    const body = await copyImages(ctx, out, row.body, written);
    const file = fileNameFor(row.id, row.title);
    await fs.writeFile(path.join(out, file), writeMarkdownFile({
      title: row.title,
      tags,
      author: row.username,
      author_name: row.display_name,
      created_at: row.created_at,
      updated_at: row.updated_at,
      minutes_saved_per_use: row.minutes_saved_per_use ?? undefined,
      kotsu_id: row.id,
    }, body));
    tips += 1;
    onProgress?.(tips, file);
  }
  return { tips, images: written.size, dir: out };
}

/** Writes each of the tip's own images once under images/ and points the body at those files. */
async function copyImages(ctx: Context, out: string, body: string, written: Set<string>): Promise<string> {
  const names = new Set([...body.matchAll(OWN_IMAGE)].map((m) => `${m[1]}.${m[2]}`));
  for (const name of names) {
    if (written.has(name)) continue;
    const img = ctx.images.byHash(name.slice(0, 64));
    if (!img) continue;
    await fs.mkdir(path.join(out, 'images'), { recursive: true });
    await fs.writeFile(path.join(out, 'images', name), img.data);
    written.add(name);
  }
  return body.replace(OWN_IMAGE, (whole, hash: string, ext: string) => (written.has(`${hash}.${ext}`) ? `images/${hash}.${ext}` : whole));
}
