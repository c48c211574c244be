import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { badRequest, notFound } from '../http/errors';
import { errors } from '../http/schemas';
import { NOT_IN_MAIL_ADDRESS } from './address';
import { MailSettings, MailSettingsBody, UnsubscribeBody, type MailSettingsT } from './schemas';
import { mailNotifications, queueDigests } from './service';
import type { MailSettingsRow } from './store';

const DRAIN_EVERY_MS = 30_000;

const present = (ctx: Context, s: MailSettingsRow | undefined): MailSettingsT => ({
  available: ctx.config.smtpUrl !== null, email: s?.email ?? null, mentions: s?.on_mentions === 1, digest: s?.digest === 1,
});

export const mailRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  mailNotifications(ctx);
  const outbox = ctx.outbox;
  if (ctx.config.smtpUrl) {
    const timer = setInterval(() => {
      try {
        queueDigests(ctx);
      } catch (err) {
        app.log.error({ err }, 'mail: queueing digests failed');
      }
      void outbox.drain(app.log);
    }, DRAIN_EVERY_MS).unref();
    app.addHook('onClose', async () => { clearInterval(timer); });
  }
  app.addHook('onClose', async () => { outbox.close(); });

  app.get('/api/me/mail', {
    config: { access: 'member' },
    schema: { tags: ['mail'], summary: 'My mail choices', response: { 200: MailSettings, ...errors(401, 403) } },
  }, async (request) => present(ctx, ctx.mail.settings(currentUser(request).id)));

  app.put('/api/me/mail', {
    config: { access: 'member' },
    schema: { tags: ['mail'], summary: 'Choose mail: none, mentions and replies, and/or the weekly digest (needs an address)',
      body: MailSettingsBody, response: { 200: MailSettings, ...errors(400, 401, 403, 415) } },
  }, async (request) => {
    const { email, mentions, digest } = request.body;
    if (email && NOT_IN_MAIL_ADDRESS.test(email)) {
      throw badRequest('invalid_text', 'email: contains control, invisible or space characters', { field: 'email' });
    }
    if ((mentions || digest) && !email) throw badRequest('mail_address_required', 'email: an address is needed to receive mail');
    return present(ctx, ctx.mail.save(currentUser(request).id, { email, onMentions: mentions, digest }, ctx.now().toISOString()));
  });

  app.post('/api/mail/unsubscribe', {
    config: { access: 'public' },
    schema: { tags: ['mail'], summary: 'Stop all mail to the member whose link this is (the link in every message)',
      body: UnsubscribeBody, response: { 200: Type.Object({ unsubscribed: Type.Boolean() }), ...errors(400, 404, 415) } },
  }, async (request) => {
    const s = ctx.mail.byToken(request.body.token);
    if (!s) throw notFound('unsubscribe_invalid', 'unknown unsubscribe link');
    ctx.mail.unsubscribe(s.user_id, ctx.now().toISOString());
    request.log.info({ userId: s.user_id }, 'mail: unsubscribed by link');
    return { unsubscribed: true };
  });
};
