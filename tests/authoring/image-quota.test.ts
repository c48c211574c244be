import { afterEach, describe, expect, it } from 'vitest';
import { sweepImages } from '../../server/images/sweep';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { PNG } from './fixtures';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

let now = new Date('2026-04-01T09:00:00Z');
const clock = () => now;
const later = (hours: number) => { now = new Date(now.getTime() + hours * 3600_000); };

/** A distinct valid PNG of `size` bytes (trailing bytes after IEND are ignored by readers). */
let serial = 0;
const png = (size = 3000) => {
  const pad = Buffer.alloc(size - PNG.length);
  pad.writeUInt32BE(++serial, 0);
  return Buffer.concat([PNG, pad]);
};
const upload = (user: TestUser, body: Buffer) =>
  t!.as(user, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png' }, payload: body });
const imageCount = () => t!.db.prepare('SELECT count(*) FROM images').pluck().get() as number;

describe('per-member image quota', () => {
  it('daily: bytes added in 24 hours are capped with a clear 413; duplicates are free; others unaffected; the window rolls', async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock, config: { imageQuotaDaily: 10_000, imageQuotaTotal: 1_000_000 } });
    const sato = await t.user('sato');
    const suzuki = await t.user('suzuki');
    const first = png();
    expect((await upload(sato, first)).statusCode).toBe(201);
    expect((await upload(sato, png())).statusCode).toBe(201);
    expect((await upload(sato, png())).statusCode).toBe(201);
    const over = await upload(sato, png());
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ error: 'too_large', reason: 'image_quota_daily' });
    expect(over.json().params).toEqual({ used: expect.stringMatching(/ MB$/), limit: expect.stringMatching(/ MB$/) });
    expect(over.json().message).toMatch(/daily image quota reached/);
    expect(over.json().message).not.toMatch(/[\u3040-\u30ff]/);
    expect(imageCount()).toBe(3);
    // The same bytes again are stored once and cost nothing.
    expect((await upload(sato, first)).statusCode).toBe(201);
    expect((await upload(suzuki, png())).statusCode).toBe(201);
    later(24.1);
    expect((await upload(sato, png())).statusCode).toBe(201);
  });

  it('parallel uploads cannot pass the limit together', async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock, config: { imageQuotaDaily: 10_000, imageQuotaTotal: 1_000_000 } });
    const sato = await t.user('sato');
    const codes = (await Promise.all(Array.from({ length: 8 }, () => upload(sato, png())))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 413)).toHaveLength(5);
  });

  it('total: stored bytes are capped; the sweep of unused images frees the member\'s space', async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock, config: { imageQuotaDaily: 1_000_000, imageQuotaTotal: 7_000, imageSweepGrace: 3600 } });
    const sato = await t.user('sato');
    const kept = (await upload(sato, png())).json();
    expect((await upload(sato, png())).statusCode).toBe(201);
    const over = await upload(sato, png());
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ error: 'too_large', reason: 'image_quota_total' });
    expect(over.json().message).toMatch(/storage quota/);
    await postTip(t, sato, { title: 'uses one', body: `![](${kept.url})` });
    later(2);
    expect(await sweepImages(t.db, now, 3600)).toMatchObject({ deleted: 1 });
    expect((await upload(sato, png())).statusCode).toBe(201);
  });
});

describe('an upload does not tell whether someone else stored the same bytes (dedupe is per member)', () => {
  /** Everything a client can see of an answer but the values that differ by nature (time, request id, the bytes' own hash/url). */
  const shape = (res: Awaited<ReturnType<typeof upload>>) => ({
    status: res.statusCode,
    headers: Object.keys(res.headers).filter((h) => !['date', 'x-request-id', 'content-length'].includes(h)).sort()
      .map((h) => (['content-type', 'cache-control', 'vary'].includes(h) ? `${h}: ${String(res.headers[h])}` : h)),
    body: Object.fromEntries(Object.entries(res.json() as Record<string, unknown>).map(([k, v]) =>
      [k, k === 'hash' || k === 'url' || k === 'markdown' ? typeof v : v])),
  });

  it("member B uploading A's bytes is charged in full and answered exactly as for new bytes of the same size", async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock, config: { imageQuotaDaily: 10_000, imageQuotaTotal: 1_000_000 } });
    const a = await t.user('sato');
    const b = await t.user('suzuki');
    const c = await t.user('tanaka');
    const [hers, hers2] = [png(), png()];
    expect((await upload(a, hers)).statusCode).toBe(201);
    expect((await upload(a, hers2)).statusCode).toBe(201);
    // B sends A's bytes, C sends new bytes of the same size: the same answer but for the hash.
    const known = await upload(b, hers);
    const fresh = await upload(c, png());
    expect(known.statusCode).toBe(201);
    expect(shape(known)).toEqual(shape(fresh));
    expect(known.json()).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), size: 3000, mime: 'image/png' });
    // Both were charged 3,000 bytes: two more fit the 10,000-byte day, the third does not,
    // whether it is A's bytes (B) or new ones (C), with the same answer.
    for (const u of [b, c]) {
      expect((await upload(u, png())).statusCode).toBe(201);
      expect((await upload(u, png())).statusCode).toBe(201);
    }
    const overKnown = await upload(b, hers2);
    const overFresh = await upload(c, png());
    expect(overKnown.statusCode).toBe(413);
    expect(overKnown.json()).toEqual(overFresh.json());
    expect(overKnown.json()).toMatchObject({ reason: 'image_quota_daily' });
    // Bytes a member already holds cost nothing again, even at the limit: B sent them, nothing leaks.
    expect((await upload(b, hers)).statusCode).toBe(201);
    expect(imageCount()).toBe(7);
  });

  it("A's bytes count in B's total storage too, and a re-upload past B's total quota gets 413", async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock, config: { imageQuotaDaily: 1_000_000, imageQuotaTotal: 7_000 } });
    const a = await t.user('sato');
    const b = await t.user('suzuki');
    const [x, y] = [png(), png()];
    expect((await upload(a, x)).statusCode).toBe(201);
    expect((await upload(a, y)).statusCode).toBe(201);
    expect((await upload(b, x)).statusCode).toBe(201);
    expect((await upload(b, y)).statusCode).toBe(201);
    const over = await upload(b, png());
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ reason: 'image_quota_total' });
    // One image each, and B's own copy of the bytes B sent (dedupe is per member): B's upload
    // of A's bytes wrote as much as new bytes would have.
    expect(imageCount()).toBe(2);
    const copies = t.db.prepare('SELECT u.username, length(c.data) AS bytes FROM image_copies c JOIN users u ON u.id = c.user_id ORDER BY c.rowid').all();
    expect(copies).toEqual([{ username: 'suzuki', bytes: 3000 }, { username: 'suzuki', bytes: 3000 }]);
    // A's re-upload of its own bytes stores nothing more.
    expect((await upload(a, x)).statusCode).toBe(201);
    expect(t.db.prepare('SELECT count(*) FROM image_copies').pluck().get()).toBe(2);
  });

  it('uploading bytes stored long ago restarts their age, so the sweep gives the new uploader the grace period', async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock });
    const a = await t.user('sato');
    const b = await t.user('suzuki');
    const img = png();
    expect((await upload(a, img)).statusCode).toBe(201);
    later(48);
    expect((await upload(b, img)).statusCode).toBe(201);
    later(1);
    expect((await sweepImages(t.db, now, 24 * 3600)).deleted).toBe(0);
    later(24);
    // The image and B's copy of it go together.
    expect(await sweepImages(t.db, now, 24 * 3600)).toMatchObject({ deleted: 1, bytes: 6000 });
    expect(t.db.prepare('SELECT count(*) FROM image_copies').pluck().get()).toBe(0);
  });
});

describe('sweep of unreferenced images', () => {
  it('keeps images any tip, draft, comment or revision uses and new uploads; removes the rest', async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock });
    const sato = await t.user('sato');
    const img = async () => (await upload(sato, png())).json() as { url: string; hash: string };
    const [inTip, inDraft, inComment, inOldRevision, orphan, orphanHtmlOnly] = [await img(), await img(), await img(), await img(), await img(), await img()];
    await postTip(t, sato, { title: 'tip', body: `see ![](${inTip.url})` });
    expect((await t.as(sato, { method: 'POST', url: '/api/posts', payload: { title: 'draft', body: `![x](${inDraft.url} "t")`, tags: [], status: 'draft' } })).statusCode).toBe(201);
    const host = await postTip(t, sato, { title: 'host', body: `old ![](${inOldRevision.url})` });
    expect((await t.as(sato, { method: 'PATCH', url: `/api/posts/${host.id}`, payload: { body: 'no image any more' } })).statusCode).toBe(200);
    expect((await t.as(sato, { method: 'POST', url: `/api/posts/${host.id}/comments`, payload: { body: `![](${inComment.url})` } })).statusCode).toBe(201);
    // Mentioned only in plain text that is not an image path: not a use.
    await postTip(t, sato, { title: 'mention', body: `hash ${orphanHtmlOnly.hash}` });

    later(1); // younger than the grace period: nothing goes
    expect((await sweepImages(t.db, now, 24 * 3600)).deleted).toBe(0);
    const fresh = await img();
    later(24);
    const result = await sweepImages(t.db, now, 24 * 3600);
    expect(result.deleted).toBe(2);
    const left = new Set(t.db.prepare('SELECT hash FROM images').pluck().all() as string[]);
    expect(left).toEqual(new Set([inTip.hash, inDraft.hash, inComment.hash, inOldRevision.hash, fresh.hash]));
    expect((await t.as(sato, { method: 'GET', url: orphan.url })).statusCode).toBe(404);
    expect((await t.as(sato, { method: 'GET', url: inTip.url })).statusCode).toBe(200);
  });

  it('runs in the server process every KOTSU_IMAGE_SWEEP_INTERVAL seconds', async () => {
    now = new Date('2026-04-01T09:00:00Z');
    t = await createTestApp({ now: clock, config: { imageSweepInterval: 1, imageSweepGrace: 60 } });
    const sato = await t.user('sato');
    expect((await upload(sato, png())).statusCode).toBe(201);
    later(1);
    const deadline = Date.now() + 5000;
    while (imageCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(imageCount()).toBe(0);
  });
});
