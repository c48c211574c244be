import type { CommentStatus } from '../comments/store';
import type { Database } from '../db/database';
import type { PostStatus } from '../posts/store';
import type { ImageRefSource } from './refs';

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

/** A place naming an image; the post fields are the tip it belongs to (null for requests and templates). */
export interface ImagePlace {
  source: ImageRefSource;
  sourceId: number;
  postStatus: PostStatus | null;
  postAuthorId: number | null;
  commentStatus: CommentStatus | null;
  commentAuthorId: number | null;
}

export interface Quota { daily: number; total: number }
export type QuotaExceeded = { over: 'daily' | 'total'; used: number; limit: number };

const DAY_MS = 24 * 3600 * 1000;

export function createImageStore(db: Database) {
  const insert = db.prepare(`INSERT INTO images (hash, ext, mime, size, data, uploader_id, created_at)
    VALUES (@hash, @ext, @mime, @size, @data, @uploaderId, @now)`);
  // Uploaded again: its age restarts, so the sweep's grace period counts from this upload.
  const touch = db.prepare('UPDATE images SET created_at = max(created_at, ?) WHERE hash = ?');
  const exists = db.prepare('SELECT 1 FROM images WHERE hash = ?').pluck();
  const copy = db.prepare('INSERT INTO image_copies (hash, user_id, data) VALUES (?, ?, ?)');
  const logUpload = db.prepare('INSERT INTO image_uploads (user_id, hash, size, created_at) VALUES (?, ?, ?, ?)');
  const byHash = db.prepare('SELECT hash, ext, mime, size, data, created_at FROM images WHERE hash = ?');
  const meta = db.prepare('SELECT hash, ext, mime, size, created_at FROM images WHERE hash = ?');
  const usedToday = db.prepare('SELECT coalesce(sum(size), 0) FROM image_uploads WHERE user_id = ? AND created_at > ?').pluck();
  // Every image the member holds counts in full, whoever stored its bytes first.
  const usedTotal = db.prepare(`SELECT coalesce(sum(i.size), 0) FROM image_holders h JOIN images i ON i.hash = h.hash
    WHERE h.user_id = ?`).pluck();
  const addHolder = db.prepare('INSERT OR IGNORE INTO image_holders (hash, user_id) VALUES (?, ?)');
  const isHolder = db.prepare('SELECT 1 FROM image_holders WHERE hash = ? AND user_id = ?').pluck();
  // Each place naming the image, with what the visibility rules need: the tip (of a tip, a
  // revision or a comment) and, for a comment, the comment itself. A place whose row is gone
  // cannot be here (the triggers remove its references in the same statement).
  const places = db.prepare(`SELECT r.source, r.source_id AS sourceId,
      p.status AS postStatus, p.author_id AS postAuthorId, c.status AS commentStatus, c.author_id AS commentAuthorId
    FROM image_refs r
      LEFT JOIN comments c ON r.source = 'comment' AND c.id = r.source_id
      LEFT JOIN post_revisions v ON r.source = 'revision' AND v.id = r.source_id
      LEFT JOIN posts p ON p.id = CASE r.source WHEN 'post' THEN r.source_id WHEN 'revision' THEN v.post_id
        WHEN 'comment' THEN c.post_id END
    WHERE r.hash = ?`);
  return {
    /**
     * Deduplication is per member (migration 0035): bytes this member already holds cost nothing
     * again and store nothing; any other upload is charged to the uploader in full and stored for
     * them — the first time in `images`, later for another member as their own copy
     * (`image_copies`), the same write of the same size. So neither the answer, nor the quota,
     * nor the time an upload takes tells a member whether someone else uploaded the image. The
     * check and the store are one transaction, so parallel uploads cannot pass the limit together.
     */
    save(img: { hash: string; ext: ImageExt; mime: string; data: Buffer; uploaderId: number }, now: Date, quota: Quota):
      ImageMetaRow | QuotaExceeded {
      return db.transaction((): ImageMetaRow | QuotaExceeded => {
        const size = img.data.length;
        const at = now.toISOString();
        if (!isHolder.get(img.hash, img.uploaderId)) {
          const today = usedToday.get(img.uploaderId, new Date(now.getTime() - DAY_MS).toISOString()) as number;
          if (today + size > quota.daily) return { over: 'daily', used: today, limit: quota.daily };
          const total = usedTotal.get(img.uploaderId) as number;
          if (total + size > quota.total) return { over: 'total', used: total, limit: quota.total };
          logUpload.run(img.uploaderId, img.hash, size, at);
          if (exists.get(img.hash)) copy.run(img.hash, img.uploaderId, img.data);
          else insert.run({ ...img, size, now: at });
          addHolder.run(img.hash, img.uploaderId);
        }
        touch.run(at, img.hash);
        return meta.get(img.hash) as ImageMetaRow;
      })();
    },
    byHash: (hash: string) => byHash.get(hash) as ImageRow | undefined,
    /** Whether this member uploaded these bytes (as the first or a later uploader). */
    isHolder: (hash: string, userId: number) => isHolder.get(hash, userId) === 1,
    /** Every place that names the image (image_refs), with the rows its visibility depends on. */
    places: (hash: string) => places.all(hash) as ImagePlace[],
    /** Bytes the member was charged for in the last 24 hours, and the images they hold. */
    usage(userId: number, now: Date) {
      return {
        daily: usedToday.get(userId, new Date(now.getTime() - DAY_MS).toISOString()) as number,
        total: usedTotal.get(userId) as number,
      };
    },
  };
}

export type ImageStore = ReturnType<typeof createImageStore>;
