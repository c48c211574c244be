import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fileTypeFromBuffer } from 'file-type';
import type { Context } from '../context';
import { tooLarge, unsupportedMediaType } from '../http/errors';
import type { UserRow } from '../users/store';
import type { ImageExt, ImageMetaRow } from './store';

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
  return ctx.images.save({ hash, ext, mime: MIME[ext], data, uploaderId: uploader.id }, ctx.now().toISOString());
}

export const imageUrl = (img: Pick<ImageMetaRow, 'hash' | 'ext'>) => `/api/images/${img.hash}.${img.ext}`;
