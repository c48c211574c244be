import type { Database } from '../db/database';

export type ImageExt = 'png' | 'jpg' | 'gif' | 'webp';

export interface ImageRow {
  hash: string;
  ext: ImageExt;
  mime: string;
  size: number;
  data: Buffer;
  created_at: string;
}

export type ImageMetaRow = Omit<ImageRow, 'data'>;

export function createImageStore(db: Database) {
  const insert = db.prepare(`INSERT INTO images (hash, ext, mime, size, data, uploader_id, created_at)
    VALUES (@hash, @ext, @mime, @size, @data, @uploaderId, @now) ON CONFLICT (hash) DO NOTHING`);
  const byHash = db.prepare('SELECT hash, ext, mime, size, data, created_at FROM images WHERE hash = ?');
  const meta = db.prepare('SELECT hash, ext, mime, size, created_at FROM images WHERE hash = ?');
  return {
    /** The same bytes uploaded twice are stored once. */
    save(img: { hash: string; ext: ImageExt; mime: string; data: Buffer; uploaderId: number }, now: string): ImageMetaRow {
      insert.run({ ...img, size: img.data.length, now });
      return meta.get(img.hash) as ImageMetaRow;
    },
    byHash: (hash: string) => byHash.get(hash) as ImageRow | undefined,
  };
}

export type ImageStore = ReturnType<typeof createImageStore>;
