import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acronymExpressions, commonExpansion, expansionIn, nearExpression } from '../../server/search/acronyms';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, searchAs, type TestApp } from '../helpers/app';

// Acronyms of names the tips write in full (acronyms.ts), found in the titles themselves.

describe('an acronym\'s expansion in a title', () => {
  test('adjacent words whose initials spell it, function words inside skipped, as written', () => {
    expect(expansionIn('pad', 'Power Automate for desktopでExcelを読む')).toBe('Power Automate for desktop');
    expect(expansionIn('pad', 'Power Automate Desktopで保存')).toBe('Power Automate Desktop');
    expect(expansionIn('rpa', 'RPA（Robotic Process Automation）とは')).toBe('Robotic Process Automation');
    // A function word may also be one of the letters (Department of Transportation: DOT).
    expect(expansionIn('dot', 'Department of Transportation')).toBe('Department of Transportation');
  });

  test('not one word, not words parted by anything but spaces, not a function word first', () => {
    expect(expansionIn('pa', 'PowerAppsで申請')).toBeNull();
    expect(expansionIn('ocr', 'OCRで読み取る')).toBeNull();
    expect(expansionIn('pad', 'Power Automate、desktop')).toBeNull();
    expect(expansionIn('pad', 'PDFをPower Automateで')).toBeNull();
    expect(expansionIn('pa', 'the Power Automate')).toBe('Power Automate');
  });

  test('a title of function words is read in time linear in its words (a hostile title: a a a … a、b)', () => {
    // Each "a" may spell a letter or be skipped as a function word: read path by path, a title of
    // 98 of them took 4-6 s for aaaab (every search for it, once per such title among the newest 50).
    // Read linearly, both calls take about a millisecond. The limit is a thousand times that, so
    // a loaded machine does not trip it; the old reading took 3.5 s here (a synchronous loop, which
    // no test time limit interrupts: a title of more "a" would hang the run, not fail it).
    const title = `${Array.from({ length: 98 }, () => 'a').join(' ')}、b`;
    const t0 = performance.now();
    expect(expansionIn('aaaab', title)).toBeNull();
    expect(expansionIn('aaaab', title.replace('、', ' '))).toMatch(/^a( a){3,} b$/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  test('the expansion most titles write; the first on a tie', () => {
    expect(commonExpansion('pad', ['Power Automate Desktopで', 'Power Automate for desktopで', 'Power Automate for desktop の'])).toBe('Power Automate for desktop');
    expect(commonExpansion('pad', ['Power Automate Desktopで', 'Power Automate for desktopで'])).toBe('Power Automate Desktop');
    expect(commonExpansion('pad', ['パッドの使い方'])).toBeNull();
  });

  test('only three to five letters are looked for', () => {
    expect(nearExpression('pad')).toBe('NEAR(p* a* d*, 2)');
    expect(acronymExpressions('pad')).toEqual(['p* + a* + d*', 'NEAR(p* a* d*, 2)']);
    expect(acronymExpressions('pc')).toEqual([]);
    for (const w of ['p', 'pc', 'abcdef', 'pa1', 'パッド']) expect(nearExpression(w), w).toBeNull();
  });
});

describe('search offers the name for an acronym no tip holds', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });
  const find = (q: string) => searchAs(t, q);

  test('PAD finds the tips on Power Automate for desktop, shown as corrected; with other words too', async () => {
    const a = await postTip(t, t.admin, { title: 'Power Automate for desktopでExcelの台帳を読む', body: 'Excelの起動アクションを置きます。', tags: ['RPA'] });
    const b = await postTip(t, t.admin, { title: 'Power Automate for desktopのレコーダーで操作を記録する', body: 'レコーダーを押します。', tags: ['RPA'] });
    await postTip(t, t.admin, { title: 'PDFに注釈を入れる', body: 'Adobe Acrobat Readerで入れます。', tags: ['PDF'] });
    const pad = await find('PAD');
    expect(pad.correctedTo).toBe('Power Automate for desktop');
    expect(pad.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const rec = await find('PAD レコーダー');
    expect(rec.correctedTo).toBe('Power Automate for desktop レコーダー');
    expect(rec.items.map((i) => i.id)).toEqual([b.id]);
    // Titles of hidden tips name nothing.
    setPostStatus(t.app.ctx, a.id, 'hidden', 'spam');
    setPostStatus(t.app.ctx, b.id, 'hidden', 'spam');
    expect((await find('PAD')).correctedTo).toBeNull();
  });

  test('newer titles whose words merely start with the letters do not crowd the name out', async () => {
    const pad = await postTip(t, t.admin, { title: 'Power Automate Desktopでメールの添付を保存する', body: 'フローを作ります。', tags: ['RPA'] });
    // Sixty newer titles with words starting d, a, p near one another, in another order: the newest
    // fifty the near expression finds are all theirs.
    for (let i = 0; i < 60; i++) await postTip(t, t.admin, { title: `Data Analysis Platform 第${i}回の集計`, body: '集計します。', tags: [] });
    const r = await find('PAD 添付');
    expect(r.correctedTo).toBe('Power Automate Desktop 添付');
    expect(r.items.map((i) => i.id)).toEqual([pad.id]);
  });

  test('a word some tip holds is not an acronym; letters no title spells find nothing', async () => {
    const a = await postTip(t, t.admin, { title: 'Power Automate Desktopでファイルを保存する', body: '保存します。', tags: [] });
    const pad = await postTip(t, t.admin, { title: 'タッチパッドの設定', body: 'PADの感度を変えます。', tags: [] });
    const held = await find('PAD');
    expect(held.correctedTo).toBeNull();
    expect(held.items.map((i) => i.id)).toEqual([pad.id]);
    expect(held.items.map((i) => i.id)).not.toContain(a.id);
    // Two letters are too many things (PC: the tips say パソコン), though a title spells them.
    await postTip(t, t.admin, { title: 'Power Center で電源を管理する', body: '電源の設定を変えます。', tags: [] });
    await postTip(t, t.admin, { title: 'パソコンの電源設定を変更する', body: '電源の設定を変えます。', tags: [] });
    // Three words, one no tip holds: relaxed, and corrections are looked for.
    const relaxed = await find('PC 電源 休止');
    expect(relaxed.correctedTo ?? '').not.toContain('Power Center');
    const none = await find('XYZ');
    expect(none.total).toBe(0);
    expect(none.correctedTo).toBeNull();
  });
});
