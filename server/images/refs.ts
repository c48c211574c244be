import type { Database } from '../db/database';

/**
 * Which uploaded images a piece of member-written Markdown uses: every `/api/images/<sha256>.`
 * it names (in an image, a link, or plain text; a name is a name). One rule, used for two
 * things through the `image_refs` table that the triggers of migration 0030 keep in step:
 * the sweep keeps what is named somewhere (sweep.ts), and an image is shown to whoever may
 * read something that names it (access.ts).
 */
// Linear: a fixed prefix, then exactly 64 hex digits.
const IMAGE_REF = /\/api\/images\/([0-9a-f]{64})\./g;

/** The distinct image hashes a text names, in order of first mention. */
export function imageRefs(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set(Array.from(text.matchAll(IMAGE_REF), (m) => m[1]))];
}

/** The SQL function the triggers call: `kotsu_image_refs(body)` → a JSON array of hashes. */
export const IMAGE_REFS_FUNCTION = 'kotsu_image_refs';

/**
 * Registers `kotsu_image_refs` on a connection. Every connection that writes tips, drafts,
 * revisions, comments, requests or templates needs it (openDatabase registers it before the
 * migrations run); a tool writing those tables without it fails loudly ("no such function")
 * rather than leaving the references stale.
 */
export function registerImageRefs(db: Database): void {
  db.function(IMAGE_REFS_FUNCTION, { deterministic: true }, (text: unknown) =>
    JSON.stringify(typeof text === 'string' ? imageRefs(text) : []));
}

/** Where an image can be named: the `source` values of image_refs and the table each stands for. */
export const IMAGE_REF_SOURCES = {
  post: 'posts', // tips and drafts
  revision: 'post_revisions',
  comment: 'comments',
  request: 'tip_requests',
  template: 'templates',
} as const;
export type ImageRefSource = keyof typeof IMAGE_REF_SOURCES;
