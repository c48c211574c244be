import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { errors, IdParams, Page } from '../http/schemas';
import { staleEdit } from '../revisions/conflict';
import { EditConflict } from '../revisions/schemas';
import { checkText } from '../shared/text';
import { presentPost, presentSummaries, withViewer } from './presenter';
import { CreatePostBody, ListPostsQuery, Post, PostSummary, PreviewBody, UpdatePostBody } from './schemas';
import { createPost, deletePost, readable, renderPostBody, updatePost } from './service';
import { presentPage } from './page';
import { sortKey } from './store';

export const postRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.post('/api/posts', {
    schema: { tags: ['tips'], summary: 'Publish a tip', body: CreatePostBody,
      response: { 201: Post, ...errors(400, 401, 403, 413, 415) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const html = await renderPostBody(ctx, user, request.body);
    const post = createPost(ctx, user, request.body, html);
    return reply.status(201).send(presentPost(ctx, post, user));
  });

  app.get('/api/posts/:id', {
    schema: { tags: ['tips'], summary: 'Read a tip', params: IdParams, response: { 200: Post, ...errors(400, 401, 404) } },
    // The most frequent request: serialized with JSON.stringify, whose native string escaping is
    // several times faster on a tip's body and HTML than the schema's serializer (measured: the
    // schema serializer was 13 % of the request). presentPage builds exactly the schema's fields;
    // tests/posts/page.test.ts checks the body against the schema's own serializer.
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (request) => {
    const user = currentUser(request);
    return presentPage(readable(user, ctx.postPages.read(request.params.id, user.id)), ctx.config.staleAfterDays);
  });

  app.patch('/api/posts/:id', {
    schema: { tags: ['tips'], summary: 'Edit a tip (author, moderator or admin)', params: IdParams, body: UpdatePostBody,
      response: { 200: Post, 409: EditConflict, ...errors(400, 401, 403, 404, 413, 415) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const html = await renderPostBody(ctx, user, request.body, request.params.id);
    // After the render: the staleness check and the save run in one synchronous step.
    const stale = staleEdit(ctx, user, request.params.id, request.body);
    if (stale) return reply.status(409).send(stale);
    return presentPost(ctx, updatePost(ctx, user, request.params.id, request.body, html), user);
  });

  app.delete('/api/posts/:id', {
    schema: { tags: ['tips'], summary: 'Delete a tip (author or admin)', params: IdParams,
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    deletePost(ctx, currentUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/posts', {
    schema: { tags: ['tips'], summary: 'List published tips', querystring: ListPostsQuery,
      response: { 200: Page(PostSummary), ...errors(400, 401) } },
  }, async (request) => {
    const user = currentUser(request);
    const { sort = 'new', tag, author, limit = 20, cursor } = request.query;
    const key = sortKey(sort);
    const after = decodeCursor(cursor, key.shape);
    // The same page for everyone until the next write (the home page asks for it all day long);
    // only whether this reader liked or bookmarked each tip is looked up per request.
    const page = ctx.readCache.get(JSON.stringify(['posts', sort, limit, cursor, tag, author]), () => {
      let tagId: number | undefined;
      let authorId: number | undefined;
      if (tag !== undefined) {
        const t = ctx.tags.byName(tag);
        if (!t) return { items: [], nextCursor: null };
        tagId = t.id;
      }
      if (author !== undefined) {
        const u = ctx.users.byUsername(author);
        if (!u) return { items: [], nextCursor: null };
        authorId = u.id;
      }
      const rows = ctx.posts.list({ sort, tagId, authorId, after, limit });
      const more = rows.length > limit;
      const items = more ? rows.slice(0, limit) : rows;
      return {
        items: presentSummaries(ctx, items, null),
        nextCursor: more ? encodeCursor(key.key(items[items.length - 1])) : null,
      };
    });
    return { items: withViewer(ctx, page.items, user), nextCursor: page.nextCursor };
  });

  app.post('/api/preview', {
    // Preview writes nothing, and the editor calls it as the author types: it gets its own,
    // larger budget so a fast typist never runs into the write limit and cannot save.
    config: { rateLimit: { max: ctx.config.writeLimitPerMinute * 5, timeWindow: 60_000 } },
    schema: { tags: ['tips'], summary: 'Render Markdown exactly as a tip page would', body: PreviewBody,
      response: { 200: Type.Object({ html: Type.String() }), ...errors(400, 401, 413, 415) } },
  }, async (request) => {
    checkText('body', request.body.body, { multiline: true });
    return { html: await ctx.markdown.render(request.body.body) };
  });
};
