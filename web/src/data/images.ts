/** Image uploads for the editor: the bytes go as the raw body, the server judges them by content. */
import { ApiError } from './http';

export interface UploadedImage {
  hash: string;
  /** `/api/images/<hash>.<ext>` */
  url: string;
  /** `![](url)`, ready to insert. */
  markdown: string;
  mime: string;
  size: number;
}

/** The server's limit (server/images/service.ts); checked here too, so a big file fails before it is sent. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export async function uploadImage(file: Blob, signal?: AbortSignal): Promise<UploadedImage> {
  if (file.size > IMAGE_MAX_BYTES) throw new ApiError(413, 'too_large', 'too large');
  let res: Response;
  try {
    res = await fetch('/api/images', {
      method: 'POST', credentials: 'same-origin', signal, body: file,
      headers: { accept: 'application/json', 'content-type': file.type.startsWith('image/') ? file.type : 'application/octet-stream' },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'network error');
  }
  const data = (await res.json().catch(() => null)) as (UploadedImage & { error?: string; message?: string }) | null;
  if (!res.ok || !data) throw new ApiError(res.status, data?.error ?? 'http_error', data?.message ?? `HTTP ${res.status}`);
  return data;
}
