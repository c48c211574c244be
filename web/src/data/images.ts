/** Image uploads for the editor: the bytes go as the raw body, the server judges them by content. */
import type { UploadedImage } from '../../../server/api-types';
import { ApiError, api } from './http';

export type { UploadedImage };

/** The server's limit (server/images/service.ts); checked here too, so a big file fails before it is sent. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export async function uploadImage(file: Blob, signal?: AbortSignal): Promise<UploadedImage> {
  if (file.size > IMAGE_MAX_BYTES) {
    throw new ApiError(413, 'too_large', 'too large', 'image_too_large', { mb: IMAGE_MAX_BYTES / 1024 / 1024 });
  }
  const type = file.type.startsWith('image/') ? file.type : 'application/octet-stream';
  return api<UploadedImage>('/api/images', { method: 'POST', raw: { data: file, type }, signal });
}
