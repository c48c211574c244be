import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { notFound, unsupportedMediaType } from '../http/errors';
import { errors } from '../http/schemas';
import { canSeeImage } from './access';
import { ImageBytes, ImageParams, UploadedImage } from './schemas';
import { imageUrl, IMAGE_MAX_BYTES, readUpload, saveImage, unsupportedImage } from './service';

/**
 * Raw image uploads. The app accepts only JSON bodies; this plugin's own scope adds a parser for
 * image/* and application/octet-stream, so no other route can receive such a body.
 */
export const imageRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.addContentTypeParser(/^(image\/[a-z0-9.+-]+|application\/octet-stream)$/i,
    (_request: FastifyRequest, payload: IncomingMessage) => readUpload(payload));
  app.addContentTypeParser('*', async () => {
    throw unsupportedMediaType('image_type', 'send the image bytes as the body with an image/* Content-Type');
  });

  app.post('/api/images', {
    bodyLimit: IMAGE_MAX_BYTES,
    // The body schema documents the upload in OpenAPI; JSON Schema cannot judge bytes, saveImage does.
    validatorCompiler: () => () => true,
    schema: {
      body: ImageBytes,
      tags: ['images'],
      summary: `Upload an image (raw body, PNG/JPEG/GIF/WebP judged by content, at most ${IMAGE_MAX_BYTES} bytes)`,
      consumes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/octet-stream'],
      response: { 201: UploadedImage, ...errors(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const user = currentUser(request);
    if (!Buffer.isBuffer(request.body)) throw unsupportedImage();
    const img = await saveImage(ctx, user, request.body);
    const url = imageUrl(img);
    return reply.status(201).send({ hash: img.hash, url, markdown: `![](${url})`, mime: img.mime, size: img.size });
  });

  app.get('/api/images/:name', {
    schema: { tags: ['images'], summary: 'An uploaded image (content-addressed, cached for a year by the browser only): to its uploaders and to whoever may read a tip, revision, comment, request or template that names it; 404 to anyone else',
      params: ImageParams,
      produces: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
      response: { 200: ImageBytes, 304: Type.Null({ description: 'not modified' }), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const [hash, ext] = request.params.name.split('.');
    const img = ctx.images.byHash(hash);
    // One answer for an image that does not exist and one this member may not see (access.ts).
    if (!img || img.ext !== ext || !canSeeImage(ctx, currentUser(request), img.hash)) throw notFound('image_not_found', 'image not found');
    const etag = `"${img.hash}"`;
    reply
      // Seen by some members only: the browser may keep it for a year, shared caches not at all;
      // and a browser signed in as someone else asks again (Vary: Cookie), it does not reuse it.
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('vary', 'Cookie')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `inline; filename="${img.hash}.${img.ext}"`);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
    return reply.type(img.mime).send(img.data);
  });
};
