import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { decodeCursor, pageOf } from '../http/cursor';
import { errors, Page } from '../http/schemas';
import { presentSummaries } from '../posts/presenter';
import { PostSummary } from '../posts/schemas';
import { presentPublicUser } from '../users/presenter';
import { FeedQuery, FollowState, MyFollows, TagNameParams, UsernameParams } from './schemas';
import {
  deliverFollowNotifications, followNewTips, setTagFollow, setUserFollow, tagFollowState, userFollowState,
} from './service';

/** How often waiting follow notifications are looked at; each member still hears at most once per batch window. */
const DELIVERY_EVERY_MS = 60_000;

export const followRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  followNewTips(ctx, ctx.postEvents);
  const timer = setInterval(() => {
    try {
      deliverFollowNotifications(ctx);
    } catch (err) {
      app.log.error({ err }, 'follow notifications: delivery failed; will retry');
    }
  }, DELIVERY_EVERY_MS).unref();
  app.addHook('onClose', async () => { clearInterval(timer); });

  const member = { access: 'member' as const };
  const state = <P extends typeof TagNameParams | typeof UsernameParams>(summary: string, params: P) => ({
    tags: ['follows'], summary, params, response: { 200: FollowState, ...errors(400, 401, 403, 404) },
  });

  app.get('/api/tags/:name/follow', { config: member, schema: state('Whether I follow a tag, and its follower count', TagNameParams) },
    async (request) => tagFollowState(ctx, currentUser(request), request.params.name));
  app.put('/api/tags/:name/follow', { config: member, schema: state('Follow a tag (its new tips reach my フォロー中 list and notifications); idempotent', TagNameParams) },
    async (request) => setTagFollow(ctx, currentUser(request), request.params.name, true));
  app.delete('/api/tags/:name/follow', { config: member, schema: state('Stop following a tag; idempotent', TagNameParams) },
    async (request) => setTagFollow(ctx, currentUser(request), request.params.name, false));

  app.get('/api/profiles/:username/follow', { config: member, schema: state('Whether I follow a person, and their follower count', UsernameParams) },
    async (request) => userFollowState(ctx, currentUser(request), request.params.username));
  app.put('/api/profiles/:username/follow', { config: member, schema: state('Follow a person (not oneself); idempotent', UsernameParams) },
    async (request) => setUserFollow(ctx, currentUser(request), request.params.username, true));
  app.delete('/api/profiles/:username/follow', { config: member, schema: state('Stop following a person; idempotent', UsernameParams) },
    async (request) => setUserFollow(ctx, currentUser(request), request.params.username, false));

  app.get('/api/me/follows', {
    config: member,
    schema: { tags: ['follows'], summary: 'The tags and people I follow', response: { 200: MyFollows, ...errors(401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    return { tags: ctx.follows.tagsOf(user.id), users: ctx.follows.usersOf(user.id).map(presentPublicUser) };
  });

  app.get('/api/me/following/posts', {
    config: member,
    schema: { tags: ['follows'], summary: 'フォロー中: published tips in the tags and by the people I follow, newest first (not my own)',
      querystring: FeedQuery, response: { 200: Page(PostSummary), ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const { limit = 20, cursor } = request.query;
    const rows = ctx.follows.feed(user.id, decodeCursor(cursor, ['string', 'number']), limit + 1);
    const page = pageOf(rows, limit, (r) => [r.created_at, r.id]);
    return { items: presentSummaries(ctx, page.items, user), nextCursor: page.nextCursor };
  });
};
