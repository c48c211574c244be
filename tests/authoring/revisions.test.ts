import { afterEach, describe, expect, it } from 'vitest';
import { capBody, diffContent, DIFF_MAX_ROWS, DIFF_MAX_SEGMENTS, INLINE_MAX_CHARS, inlineDiff, type DiffLine, wholeDiff } from '../../server/revisions/diff';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';

describe('diff', () => {
  it('finds the changed Japanese word inside a line, not the whole line', () => {
    expect(inlineDiff('VLOOKUPの使い方を説明します', 'XLOOKUPの使い方を丁寧に説明します')).toEqual([
      { kind: 'removed', text: 'VLOOKUP' }, { kind: 'added', text: 'XLOOKUP' },
      { kind: 'equal', text: 'の使い方を' }, { kind: 'added', text: '丁寧に' }, { kind: 'equal', text: '説明します' },
    ]);
  });

  it('segments spell both lines exactly', () => {
    const pairs = [['印刷範囲を設定する。', '印刷範囲を必ず設定する！'], ['a  b\tc', 'a b c'], ['', '全部新しい'], ['😀絵文字', '😃絵文字']];
    for (const [a, b] of pairs) {
      const s = inlineDiff(a, b);
      expect(s.filter((x) => x.kind !== 'added').map((x) => x.text).join('')).toBe(a);
      expect(s.filter((x) => x.kind !== 'removed').map((x) => x.text).join('')).toBe(b);
    }
  });

  it('pairs similar lines as changed, folds unchanged runs, and reports tags', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `行${i + 1}`);
    const before = { title: '旧', tags: ['Excel', '印刷'], body: [...lines, '印刷範囲を設定する', 'まったく別の文章です'].join('\n') };
    const after = { title: '新', tags: ['ＥＸＣＥＬ', 'PDF'], body: [...lines, '印刷範囲を必ず設定する', 'zzz', '追加'].join('\n') };
    const d = diffContent(before, after, 2);
    expect(d.tags).toEqual({ added: ['PDF'], removed: ['印刷'] });
    expect(d.body[0]).toEqual({ kind: 'skip', oldLine: 1, newLine: 1, count: 18 });
    expect(d.body.slice(1, 3).map((l) => l.text)).toEqual(['行19', '行20']);
    expect(d.body[3]).toEqual({ kind: 'changed', oldLine: 21, newLine: 21, segments: [
      { kind: 'equal', text: '印刷範囲を' }, { kind: 'added', text: '必ず' }, { kind: 'equal', text: '設定する' }] });
    expect(d.body.slice(4)).toEqual([
      { kind: 'removed', oldLine: 22, text: 'まったく別の文章です' },
      { kind: 'added', newLine: 22, text: 'zzz' },
      { kind: 'added', newLine: 23, text: '追加' },
    ]);
    expect(d.stats).toEqual({ added: 3, removed: 2 });
    expect(d.truncated).toBe(false);
  });
});

describe('the size of a diff answer is capped (issue 16 part 8)', () => {
  const content = (body: string) => ({ title: 't', tags: [], body });
  const numbered = (n: number, f = (i: number) => `行${i + 1}`) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

  it(`keeps the first ${DIFF_MAX_ROWS} rows and says it was truncated; stats count every line`, () => {
    const d = diffContent(content(''), content(numbered(3 * DIFF_MAX_ROWS)), 3);
    expect(d.truncated).toBe(true);
    expect(d.body).toHaveLength(DIFF_MAX_ROWS);
    expect(d.body[DIFF_MAX_ROWS - 1]).toEqual({ kind: 'added', newLine: DIFF_MAX_ROWS, text: `行${DIFF_MAX_ROWS}` });
    expect(d.stats).toEqual({ added: 3 * DIFF_MAX_ROWS, removed: 0 });
    // The linear whole-bodies answer (a diff out of time) is capped the same way.
    const w = wholeDiff(content(numbered(DIFF_MAX_ROWS)), content(numbered(DIFF_MAX_ROWS, (i) => `新${i}`)), 3);
    expect(w).toMatchObject({ truncated: true, stats: { added: DIFF_MAX_ROWS, removed: DIFF_MAX_ROWS } });
    expect(w.body).toHaveLength(DIFF_MAX_ROWS);
  });

  it('a diff of exactly the cap, and any smaller one, is whole and unchanged', () => {
    const d = diffContent(content(''), content(numbered(DIFF_MAX_ROWS)), 3);
    expect(d).toMatchObject({ truncated: false, stats: { added: DIFF_MAX_ROWS, removed: 0 } });
    expect(d.body).toHaveLength(DIFF_MAX_ROWS);
    const rows: DiffLine[] = [{ kind: 'skip', oldLine: 1, newLine: 1, count: 5 }, { kind: 'changed', oldLine: 6, newLine: 6, segments: [{ kind: 'equal', text: 'a' }, { kind: 'added', text: 'b' }] }];
    expect(capBody(rows)).toEqual({ body: rows, truncated: false });
  });

  it(`a changed line past ${DIFF_MAX_SEGMENTS} in-line segments in all comes as its old line removed and new line added`, () => {
    const changed = (n: number, segs: number): DiffLine => ({ kind: 'changed', oldLine: n, newLine: n,
      segments: Array.from({ length: segs }, (_, i) => ({ kind: (['equal', 'removed', 'added'] as const)[i % 3], text: `${i % 3}` })) });
    const half = Math.floor(DIFF_MAX_SEGMENTS / 2);
    const { body, truncated } = capBody([changed(1, half), changed(2, half), changed(3, 3)]);
    expect(truncated).toBe(false);
    expect(body.slice(0, 2)).toEqual([changed(1, half), changed(2, half)]);
    const old = changed(3, 3).segments!;
    expect(body.slice(2)).toEqual([
      { kind: 'removed', oldLine: 3, text: old.filter((s) => s.kind !== 'added').map((s) => s.text).join('') },
      { kind: 'added', newLine: 3, text: old.filter((s) => s.kind !== 'removed').map((s) => s.text).join('') },
    ]);
    expect(body.reduce((n, r) => n + (r.segments?.length ?? 0), 0)).toBeLessThanOrEqual(DIFF_MAX_SEGMENTS);
  });

  it('word-level diffs share one time budget; past it, line pairs come as a removal and an addition', () => {
    const a = content('印刷範囲を設定する\n余白を狭くする');
    const b = content('印刷範囲を必ず設定する\n余白を少し狭くする');
    expect(diffContent(a, b, 3).body.map((l) => l.kind)).toEqual(['changed', 'changed']);
    const spent = diffContent(a, b, 3, 0);
    expect(spent.body).toEqual([
      { kind: 'removed', oldLine: 1, text: '印刷範囲を設定する' }, { kind: 'removed', oldLine: 2, text: '余白を狭くする' },
      { kind: 'added', newLine: 1, text: '印刷範囲を必ず設定する' }, { kind: 'added', newLine: 2, text: '余白を少し狭くする' },
    ]);
    expect(spent.stats).toEqual({ added: 2, removed: 2 });
  });

  it(`a line over ${INLINE_MAX_CHARS} characters is not diffed word by word (jsdiff's timeout cannot stop one such step)`, () => {
    const sentence = (n: number) => `${n}. 「データ」タブの「重複の削除」で、選択した列が同じ行を一度に消せます（手順${n}）。`;
    const long = (n: number) => sentence(n).repeat(Math.ceil((INLINE_MAX_CHARS + 1) / sentence(n).length)).slice(0, INLINE_MAX_CHARS + 1);
    expect(inlineDiff(long(0), long(1))).toEqual([{ kind: 'removed', text: long(0) }, { kind: 'added', text: long(1) }]);
    // At the limit, still word by word.
    const atLimit = inlineDiff(long(0).slice(0, INLINE_MAX_CHARS), long(1).slice(0, INLINE_MAX_CHARS));
    expect(atLimit.some((x) => x.kind === 'equal')).toBe(true);
  });

  describe('through the API, the diff computed in its thread', () => {
    let app: TestApp | undefined;
    afterEach(async () => { await app?.close(); app = undefined; });

    it('a huge many-line diff comes back capped with truncated: true; a small one whole with truncated: false', async () => {
      app = await createTestApp({ config: { renderWorkers: 1, renderTimeoutMs: 60_000 } });
      const a = app.admin;
      // One-character lines against other one-character lines: every line is its own row, whether
      // the line diff finishes within its time limit or gives up and shows old and new whole (the
      // shuffled copy this used had 1,666 changed lines when the diff finished, over 2,000 only when
      // it gave up: the test passed on a slow machine and failed on a fast one).
      const before = Array.from({ length: 5000 }, (_, i) => 'ab'[i % 2]).join('\n');
      const after = Array.from({ length: 5000 }, (_, i) => 'cd'[i % 2]).join('\n');
      const tip = await postTip(app, a, { title: '大きな差分', body: before });
      expect((await app.as(a, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: after } })).statusCode).toBe(200);
      const res = await app.as(a, { method: 'GET', url: `/api/posts/${tip.id}/diff?context=100000` });
      expect(res.statusCode).toBe(200);
      expect(app.app.ctx.diffs.stats().answered).toBeGreaterThanOrEqual(1); // from the thread, not inline
      const d = res.json();
      expect(d.truncated).toBe(true);
      expect(d.body.length).toBe(DIFF_MAX_ROWS);
      expect(d.stats.added + d.stats.removed).toBeGreaterThan(DIFF_MAX_ROWS);
      expect(res.rawPayload.length).toBeLessThan(200_000);
      expect(d).toMatchObject({ from: { number: 1 }, to: { number: 2 } });

      const small = await postTip(app, a, { title: '小さな差分', body: '1行目\n印刷範囲を設定する\n3行目' });
      await app.as(a, { method: 'PATCH', url: `/api/posts/${small.id}`, payload: { body: '1行目\n印刷範囲を必ず設定する\n3行目' } });
      const s = (await app.as(a, { method: 'GET', url: `/api/posts/${small.id}/diff` })).json();
      expect(s).toMatchObject({ truncated: false, stats: { added: 1, removed: 1 } });
      expect(s.body).toEqual([
        { kind: 'equal', oldLine: 1, newLine: 1, text: '1行目' },
        { kind: 'changed', oldLine: 2, newLine: 2, segments: [{ kind: 'equal', text: '印刷範囲を' }, { kind: 'added', text: '必ず' }, { kind: 'equal', text: '設定する' }] },
        { kind: 'equal', oldLine: 3, newLine: 3, text: '3行目' },
      ]);
    }, 120_000); // a slow shared machine: the 2 s limits of the app are not under test here
  });
});

const { t, later, users: { alice, bob } } = useClockedApp({ users: { alice: {}, bob: {} } });
const patch = (u: TestUser, id: number, payload: object) => t.as(u, { method: 'PATCH', url: `/api/posts/${id}`, payload });

describe('revisions', () => {
  it('keeps one revision per save with who, when, title, tags and body', async () => {
    const tip = await postTip(t, alice, { title: '初版', body: 'a', tags: ['Excel'] });
    expect(tip.revision).toBe(1);
    later(5);
    const mod = await t.user('mod', { role: 'moderator' });
    const edited = (await patch(mod, tip.id, { body: 'b', tags: ['Excel', 'VBA'] })).json();
    expect(edited.revision).toBe(2);
    // A save that changes nothing keeps no revision.
    expect((await patch(alice, tip.id, { title: '初版' })).json().revision).toBe(2);
    const list = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions` })).json();
    expect(list.items).toMatchObject([
      { number: 2, title: '初版', tags: ['Excel', 'VBA'], editor: { username: 'mod' }, createdAt: '2025-04-01T00:05:00.000Z', restoredFrom: null },
      { number: 1, title: '初版', tags: ['Excel'], editor: { username: 'alice' }, createdAt: '2025-04-01T00:00:00.000Z' },
    ]);
    expect(list.items[0]).not.toHaveProperty('body');
    const one = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions/1` })).json();
    expect(one).toMatchObject({ number: 1, body: 'a' });
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions/3` })).statusCode).toBe(404);
  });

  it('pages through revisions with a cursor', async () => {
    const tip = await postTip(t, alice, { title: 'v1' });
    for (let i = 2; i <= 5; i++) await patch(alice, tip.id, { title: `v${i}` });
    const first = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions?limit=3` })).json();
    expect(first.items.map((r: { number: number }) => r.number)).toEqual([5, 4, 3]);
    const second = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions?limit=3&cursor=${first.nextCursor}` })).json();
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items.map((r: { number: number }) => r.number)).toEqual([2, 1]);
  });

  it('diffs any two revisions, by default the latest with the one before', async () => {
    const tip = await postTip(t, alice, { title: '印刷のコツ', body: '1行目\n2行目\n印刷範囲を設定する\n4行目\n5行目', tags: ['Excel'] });
    await patch(alice, tip.id, { body: '1行目\n2行目\n印刷範囲を必ず設定する\n4行目\n5行目' });
    await patch(alice, tip.id, { title: '印刷の基本', tags: ['Excel', '印刷'] });
    const latest = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff` })).json();
    expect(latest).toMatchObject({ from: { number: 2 }, to: { number: 3 }, body: [], tags: { added: ['印刷'], removed: [] } });
    expect(latest.title).toEqual([{ kind: 'equal', text: '印刷の' }, { kind: 'removed', text: 'コツ' }, { kind: 'added', text: '基本' }]);
    const span = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff?from=1&to=2&context=0` })).json();
    expect(span.body).toEqual([
      { kind: 'skip', oldLine: 1, newLine: 1, count: 2 },
      { kind: 'changed', oldLine: 3, newLine: 3, segments: [{ kind: 'equal', text: '印刷範囲を' }, { kind: 'added', text: '必ず' }, { kind: 'equal', text: '設定する' }] },
      { kind: 'skip', oldLine: 4, newLine: 4, count: 2 },
    ]);
    // A single unchanged line is shown rather than folded: a fold would take as much room.
    const one = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff?from=1&to=2&context=1` })).json();
    expect(one.body.map((l: { kind: string }) => l.kind)).toEqual(['equal', 'equal', 'changed', 'equal', 'equal']);
    const first = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff?to=1` })).json();
    expect(first.from.number).toBe(0);
    expect(first.body.every((l: { kind: string }) => l.kind === 'added')).toBe(true);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff?from=2&to=2` })).statusCode).toBe(400);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff?from=9` })).statusCode).toBe(404);
  });

  it('restores an old revision as a new one, exactly', async () => {
    const body = '## 手順\n\n1. `Ctrl`+`P`\n2. 「ページ設定」\n\n末尾の空白  \n';
    const tip = await postTip(t, alice, { title: '原本', body, tags: ['Excel', '印刷'] });
    await patch(alice, tip.id, { title: '改悪', body: '消した', tags: ['Word'] });
    later(1);
    const res = await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/revisions/1/restore`, payload: {} });
    expect(res.statusCode).toBe(403);
    const restored = await t.as(alice, { method: 'POST', url: `/api/posts/${tip.id}/revisions/1/restore`, payload: { baseRevision: 2 } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ title: '原本', body, tags: ['Excel', '印刷'], revision: 3 });
    expect(restored.json().html).toBe(tip.html);
    const r3 = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions/3` })).json();
    const r1 = (await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions/1` })).json();
    expect({ title: r3.title, tags: r3.tags, body: r3.body }).toEqual({ title: r1.title, tags: r1.tags, body: r1.body });
    expect(r3.restoredFrom).toBe(1);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff?from=1&to=3` })).json()).toMatchObject({ body: [], title: [{ kind: 'equal', text: '原本' }] });
    // Tag counts follow the restore.
    const tags = (await t.as(bob, { method: 'GET', url: '/api/tags' })).json().items.map((x: { name: string }) => x.name).sort();
    expect(tags).toEqual(['Excel', '印刷']);
  });

  it('hides the history of a hidden tip from other members, like the tip', async () => {
    const tip = await postTip(t, alice, { title: '非公開へ' });
    const mod = await t.user('mod', { role: 'moderator' });
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '誤り' } })).statusCode).toBe(200);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions` })).statusCode).toBe(404);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/revisions/1` })).statusCode).toBe(404);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/diff` })).statusCode).toBe(404);
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}/revisions` })).statusCode).toBe(200);
  });
});

describe('edit conflicts', () => {
  it('answers a save over a newer revision with 409 and the current version', async () => {
    const tip = await postTip(t, alice, { title: '共同編集', body: '元の本文' });
    const mod = await t.user('mod', { role: 'moderator' });
    // Both open the editor at revision 1; the moderator saves first.
    expect((await patch(mod, tip.id, { body: 'モデレーターの修正', baseRevision: 1 })).statusCode).toBe(200);
    const stale = await patch(alice, tip.id, { body: '作者の修正', baseRevision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'conflict', currentRevision: 2, current: { id: tip.id, body: 'モデレーターの修正', revision: 2 } });
    expect(stale.json().message).toMatch(/changed/); expect(stale.json().reason).toBe('edit_conflict');
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` })).json().body).toBe('モデレーターの修正');
    // After merging by hand, saving on the current revision goes through.
    const merged = await patch(alice, tip.id, { body: 'モデレーターの修正\n作者の修正', baseRevision: 2 });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().revision).toBe(3);
  });

  it('detects a stale updatedAt too, and a stale restore', async () => {
    const tip = await postTip(t, alice, { title: 'A' });
    later(1);
    await patch(alice, tip.id, { title: 'B' });
    const stale = await patch(alice, tip.id, { title: 'C', baseUpdatedAt: tip.updatedAt });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.title).toBe('B');
    const fresh = (await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` })).json();
    expect((await patch(alice, tip.id, { title: 'C', baseUpdatedAt: fresh.updatedAt })).statusCode).toBe(200);
    const restore = await t.as(alice, { method: 'POST', url: `/api/posts/${tip.id}/revisions/1/restore`, payload: { baseRevision: 2 } });
    expect(restore.statusCode).toBe(409);
  });

  it('gives no copy of the tip to someone who may not edit it', async () => {
    const tip = await postTip(t, alice, { title: 'A' });
    await patch(alice, tip.id, { title: 'B' });
    expect((await patch(bob, tip.id, { title: 'X', baseRevision: 1 })).statusCode).toBe(403);
  });

  it('the conflict answer and the save ask one rule of who may edit, for every role', async () => {
    // A stale save is 409 exactly for those whose fresh save is 200; 403 for the others, both ways.
    const users = [alice, bob, await t.user('mod2', { role: 'moderator' }), await t.user('adm2', { role: 'admin' })];
    for (const u of users) {
      const tip = await postTip(t, alice, { title: `共同編集 ${u.username}` });
      await patch(alice, tip.id, { title: 'B' });
      const stale = await patch(u, tip.id, { title: 'X', baseRevision: 1 });
      const fresh = await patch(u, tip.id, { title: 'Y', baseRevision: 2 });
      expect([stale.statusCode, fresh.statusCode], u.username).toEqual(fresh.statusCode === 200 ? [409, 200] : [403, 403]);
    }
  });
});
