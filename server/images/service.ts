import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fileTypeFromBuffer } from 'file-type';
import type { Context } from '../context';
import { tooLarge, unsupportedMediaType, type HttpError } from '../http/errors';
import type { UserRow } from '../users/store';
import type { ImageExt, ImageMetaRow, QuotaExceeded } from './store';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** What is accepted, judged from the bytes; SVG and HTML are never on this list (they can carry script). */
const ACCEPTED: Record<string, ImageExt> = {
  'image/png': 'png', 'image/apng': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp',
};
export const MIME: Record<ImageExt, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

export const unsupportedImage = () => unsupportedMediaType('image_type', 'only PNG, JPEG, GIF and WebP images are accepted');

const imageTooLarge = () => tooLarge('image_too_large', `images are limited to ${IMAGE_MAX_BYTES / 1024 / 1024} MB`, { mb: IMAGE_MAX_BYTES / 1024 / 1024 });

/** Reads a raw upload, refusing it as soon as it is known to be over the limit. */
export async function readUpload(payload: IncomingMessage, limit = IMAGE_MAX_BYTES): Promise<Buffer> {
  const declared = Number(payload.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw imageTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > limit) throw imageTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function saveImage(ctx: Context, uploader: UserRow, data: Buffer): Promise<ImageMetaRow> {
  if (data.length === 0) throw unsupportedImage();
  // The declared Content-Type and any file name are ignored: only the bytes decide.
  const type = await fileTypeFromBuffer(data);
  const ext = type ? ACCEPTED[type.mime] : undefined;
  if (!type || !ext) throw unsupportedImage();
  const hash = createHash('sha256').update(data).digest('hex');
  const saved = ctx.images.save({ hash, ext, mime: MIME[ext], data, uploaderId: uploader.id }, ctx.now(),
    { daily: ctx.config.imageQuotaDaily, total: ctx.config.imageQuotaTotal });
  if ('over' in saved) throw quotaExceeded(saved);
  return saved;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** 413 naming which limit was reached, how much is used, and what frees space. */
function quotaExceeded(q: QuotaExceeded): HttpError {
  return q.over === 'daily'
    ? tooLarge('image_quota_daily', `daily image quota reached: ${mb(q.used)} of ${mb(q.limit)} uploaded in the last 24 hours; try again later`,
      { used: mb(q.used), limit: mb(q.limit) })
    : tooLarge('image_quota_total',
      `image storage quota reached: ${mb(q.used)} of ${mb(q.limit)} stored; images no tip, draft or comment uses are removed automatically`,
      { used: mb(q.used), limit: mb(q.limit) });
}

export const imageUrl = (img: Pick<ImageMetaRow, 'hash' | 'ext'>) => `/api/images/${img.hash}.${img.ext}`;
