import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app';
import { auditRows } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

const upload = (t: TestApp, csv: string | Buffer, opts: { dryRun?: boolean; type?: string; as?: TestUser } = {}) =>
  t.as(opts.as ?? t.admin, {
    method: 'POST', url: `/api/users/import${opts.dryRun ? '?dryRun=true' : ''}`,
    headers: { 'content-type': opts.type ?? 'text/csv' }, payload: typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv,
  });

const sjis = (text: string) => iconv.encode(text, 'cp932');
const userCount = (t: TestApp) => t.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
const byName = (t: TestApp, username: string) =>
  t.db.prepare('SELECT username, display_name, department, role, password_hash FROM users WHERE username = ?').get(username) as
    { username: string; display_name: string; department: string; role: string; password_hash: string | null } | undefined;

// What Excel writes for "CSV (コンマ区切り)": Shift_JIS (CP932), CRLF, cells quoted when they need it.
const MEIBO = [
  'ユーザー名,氏名,所属,権限,内線',
  'k-takahashi,髙橋 健一,"総務部 総務課",,1234',
  'h.sato,佐藤 花子,子育て支援課,モデレーター,2345',
  'watanabe,渡辺 ①,税務課,,3456',
].join('\r\n') + '\r\n';

describe('staff list (名簿) import', () => {
  it('reads Shift_JIS from Excel, creates users with departments and roles, and reports each row', async () => {
    t = await createTestApp();
    const res = await upload(t, sjis(MEIBO));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ applied: true, dryRun: false, encoding: 'shift_jis', ignoredColumns: ['内線'],
      summary: { rows: 3, create: 3, update: 0, unchanged: 0, error: 0 } });
    expect(report.rows.map((r: { line: number; username: string; action: string }) => [r.line, r.username, r.action])).toEqual([
      [2, 'k-takahashi', 'create'], [3, 'h.sato', 'create'], [4, 'watanabe', 'create'],
    ]);
    expect(byName(t, 'k-takahashi')).toMatchObject({ display_name: '髙橋 健一', department: '総務部 総務課', role: 'member', password_hash: null });
    expect(byName(t, 'h.sato')).toMatchObject({ display_name: '佐藤 花子', role: 'moderator' });
    // CP932-only characters survive in a name (a login name holding ① is refused: tests/users/identity.test.ts).
    expect(byName(t, 'watanabe')).toMatchObject({ display_name: '渡辺 ①' });
  });

  it('reads UTF-8 with a BOM and UTF-16 "Unicode text" with tabs', async () => {
    t = await createTestApp();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('username,displayName,department\nyamada,山田 太郎,財政課\n')]);
    const r1 = (await upload(t, bom)).json();
    expect(r1).toMatchObject({ encoding: 'utf-8', summary: { create: 1 } });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ログイン名\t氏名\t部署\r\nkimura\t木村 三郎\t企画課\r\n', 'utf16le')]);
    const r2 = (await upload(t, utf16)).json();
    expect(r2).toMatchObject({ encoding: 'utf-16le', summary: { create: 1 } });
    expect(byName(t, 'yamada')?.department).toBe('財政課');
    expect(byName(t, 'kimura')).toMatchObject({ display_name: '木村 三郎', department: '企画課' });
  });

  it('updates existing users, leaves unchanged ones alone, and says which fields changed', async () => {
    t = await createTestApp();
    await t.user('tanaka', { displayName: '田中 一郎', department: '道路維持課' });
    await t.user('suzuki', { displayName: '鈴木 次郎', department: '財政課' });
    const csv = '氏名,ユーザー名,所属\n田中 一郎,TANAKA,道路建設課\n鈴木 次郎,suzuki,財政課\n';
    const report = (await upload(t, csv)).json();
    expect(report.rows).toEqual([
      { line: 2, username: 'tanaka', action: 'update', changes: ['department'], messages: [] },
      { line: 3, username: 'suzuki', action: 'unchanged', changes: [], messages: [] },
    ]);
    expect(byName(t, 'tanaka')?.department).toBe('道路建設課');
    // The existing password is kept: an import never touches credentials.
    expect(byName(t, 'tanaka')?.password_hash).toMatch(/^scrypt\$/);
  });

  it('rejects the whole file when one row is bad, naming its line — nothing is applied', async () => {
    t = await createTestApp();
    await t.user('tanaka', { displayName: '田中 一郎', department: '道路維持課' });
    const before = userCount(t);
    const csv = [
      'ユーザー名,氏名,所属,権限',
      'newbie,新人 太郎,総務課,',
      'tanaka,田中 一郎,道路建設課,',
      '"multi',
      'line",名前,課,',
      'bad name!,悪い 名前,総務課,',
      ',名無し,総務課,',
      'someone,,総務課,',
      'boss,ボス,総務課,社長',
      'newbie,新人 二郎,企画課,',
    ].join('\n');
    const res = await upload(t, sjis(csv));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/nothing was applied/);
    expect(body.applied).toBe(false);
    const errors = body.rows.filter((r: { action: string }) => r.action === 'error')
      .map((r: { line: number; messages: string[] }) => [r.line, r.messages.join(' ')]);
    expect(errors.map((e: [number, string]) => e[0])).toEqual([4, 6, 7, 8, 9, 10]);
    expect(errors[0][1]).toMatch(/ユーザー名に使えない文字/); // "multi\nline" starts on line 4
    expect(errors[2][1]).toMatch(/ユーザー名が空/);
    expect(errors[3][1]).toMatch(/氏名が空/);
    expect(errors[4][1]).toMatch(/権限「.*」は不明/);
    expect(errors[5][1]).toMatch(/2 行目と重複/);
    expect(body.summary).toMatchObject({ rows: 8, create: 1, update: 1, error: 6 });
    expect(userCount(t)).toBe(before);
    expect(byName(t, 'newbie')).toBeUndefined();
    expect(byName(t, 'tanaka')?.department).toBe('道路維持課');
  });

  it('a dry run reports what would happen and changes nothing', async () => {
    t = await createTestApp();
    const before = userCount(t);
    const auditBefore = auditRows(t).length;
    const res = await upload(t, sjis(MEIBO), { dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: false, dryRun: true, summary: { create: 3 } });
    expect(userCount(t)).toBe(before);
    expect(auditRows(t).length).toBe(auditBefore);
  });

  it('writes one audit entry for an applied import, listing what it did', async () => {
    t = await createTestApp();
    await t.user('tanaka', { displayName: '田中 一郎', department: '道路維持課' });
    const start = auditRows(t).length;
    await upload(t, 'username,name,dept,role\ntanaka,田中 一郎,道路建設課,moderator\nnewbie,新人,総務課,\n');
    const rows = auditRows(t).slice(start);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'user.import', actor_id: t.admin.id, target_type: 'user' });
    expect(JSON.parse(rows[0].detail)).toMatchObject({
      create: 1, update: 1,
      created: [{ username: 'newbie', role: 'member', department: '総務課' }],
      updated: [{ username: 'tanaka', before: { department: '道路維持課', role: 'member' }, after: { department: '道路建設課', role: 'moderator' } }],
    });
  });

  it('refuses a file without the needed columns, an empty file, a broken quote, and non-admins', async () => {
    t = await createTestApp();
    const mod = await t.user('mod', { role: 'moderator' });
    const missing = await upload(t, '名前,部署\n田中,総務課\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/username/);
    expect((await upload(t, '')).statusCode).toBe(400);
    expect((await upload(t, '\n\n')).statusCode).toBe(400);
    const quote = await upload(t, 'username,name\n"open,田中\nx,y\n');
    expect(quote.statusCode).toBe(400);
    expect(quote.json().message).toMatch(/line/);
    expect((await upload(t, 'username,name\nx,y\n', { as: mod })).statusCode).toBe(403);
    expect((await upload(t, 'username,name\nx,y\n', { type: 'text/plain' })).statusCode).toBe(415);
  });

  it('refuses a row that would change the importing administrator\'s own role', async () => {
    t = await createTestApp();
    const res = await upload(t, 'username,name,role\nadmin,管理者,member\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().rows[0].messages.join()).toMatch(/自分自身の権限/);
  });

  it('honours charset=shift_jis and rejects a BOM file that is not UTF-8', async () => {
    t = await createTestApp();
    // "ｱｲｳ" in Shift_JIS is three single bytes that also happen to be invalid UTF-8 — the hint decides anyway.
    const res = await upload(t, sjis('username,name\nkana,ｱｲｳ\n'), { type: 'text/csv; charset=Shift_JIS' });
    expect(res.json()).toMatchObject({ encoding: 'shift_jis' });
    expect(byName(t, 'kana')?.display_name).toBe('ｱｲｳ');
    const broken = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sjis('username,name\nx,髙橋\n')]);
    expect((await upload(t, broken)).statusCode).toBe(400);
  });
});
