import { Type, type Static } from '@sinclair/typebox';

export const UploadedImage = Type.Object({
  hash: Type.String({ description: 'SHA-256 of the bytes, hex' }),
  url: Type.String({ description: '/api/images/<hash>.<ext>; never changes, cache forever' }),
  markdown: Type.String({ description: 'ready to insert: ![](url)' }),
  mime: Type.String(),
  size: Type.Integer(),
});

export const ImageParams = Type.Object({
  name: Type.String({ pattern: '^[0-9a-f]{64}\\.(png|jpg|gif|webp)$', description: '<hash>.<ext>' }),
}, { additionalProperties: false });

export const ImageBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

export type UploadedImageT = Static<typeof UploadedImage>;
