import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recompose } from '../../server/search/compounds';
import { createSuggester, REFRESH_MS } from '../../server/search/suggest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

describe('typo vocabulary (suggest.ts) over the index word list', () => {
  function source(words: string[], docs: Record<string, number> = {}) {
    const state = { words: [...words], fresh: [] as string[] | null, version: 1 };
    return {
      state,
      load: {
        words: () => state.words,
        fresh: () => { const f = state.fresh; state.fresh = []; return f; },
        version: () => state.version,
        docs: (w: string) => docs[w] ?? (state.words.includes(w) ? 1 : 0),
      },
    };
  }

  test('corrects to words of bodies too, the word more tips hold on a tie, a loanword from the dictionary', () => {
    const { load } = source(['iferror', 'vlookup', 'hlookup', 'xlookup'], { vlookup: 30, hlookup: 2 });
    const s = createSuggester(load);
    expect(s.correct('iferor')).toBe('iferror');
    // vlokup is one edit from vlookup only; xlookp is one edit from xlookup.
    expect(s.correct('vlokup')).toBe('vlookup');
    // Ties at the same distance: the word more tips hold (h/v lookup, both one edit from "olookup").
    expect(s.correct('olookup')).toBe('vlookup');
    // A Latin loanword the tips write in katakana only (calendar for カレンダー).
    expect(s.correct('calender')).toBe('calendar');
    // Words the index has, and loanwords, are not corrected.
    expect(s.correct('vlookup')).toBeNull();
    expect(s.correct('calendar')).toBeNull();
  });

  test('two spellings of one sound in katakana count as no edit (uipas: uipath)', () => {
    const { load } = source(['uipath', 'excel', 'visio', 'pivot', 'smith', 'office']);
    const s = createSuggester(load);
    // th is written ス: uipas is two edits from uipath as typed, none as heard.
    expect(s.correct('uipas')).toBe('uipath');
    expect(s.correct('bisio')).toBe('visio');
    expect(s.correct('pibod')).toBe('pivot');
    // Letters that sound otherwise still count: no correction two unlike edits away.
    expect(s.correct('uipxx')).toBeNull();
    expect(s.correct('ofxxe')).toBeNull();
  });

  test('a word the index has from one or two tips is corrected to one held by more than twice as many', () => {
    const { load } = source(['outlook', 'outlok'], { outlook: 40, outlok: 1 });
    const s = createSuggester(load);
    expect(s.correct('outlok')).toBe('outlook');
    const even = source(['outlook', 'outlok'], { outlook: 2, outlok: 1 });
    expect(createSuggester(even.load).correct('outlok')).toBeNull();
  });

  test('follows new words: those written on this connection at once, others after REFRESH_MS', () => {
    const { load, state } = source(['excel']);
    let clock = 0;
    const s = createSuggester(load, { now: () => clock });
    expect(s.correct('sumproduc')).toBeNull();
    state.fresh = ['sumproduct'];
    expect(s.correct('sumprodcut')).toBe('sumproduct');
    // Another connection committed: read again only after REFRESH_MS.
    state.words.push('textjoin');
    state.version = 2;
    expect(s.correct('textjion')).toBeNull();
    clock += REFRESH_MS;
    expect(s.correct('textjion')).toBe('textjoin');
    // Too many new words at once (a bulk import): the whole list is read again.
    state.words.push('networkdays');
    state.fresh = null;
    expect(s.correct('networkdys')).toBe('networkdays');
  });
});

describe('Latin compounds (compounds.ts)', () => {
  const known = (list: string[]) => (w: string) => list.includes(w);
  test('two words the tips write as one are joined; one word they write as two is split', () => {
    expect(recompose('one drive 同期', known(['onedrive', 'drive']))).toBe('onedrive 同期');
    expect(recompose('powerquery 結合', known(['power', 'query']))).toBe('power query 結合');
    // Three words typed as one: the first known, the rest cut in two.
    expect(recompose('powerautomatedesktop 添付', known(['power', 'automate', 'desktop']))).toBe('power automate desktop 添付');
    expect(recompose('powerautomatedesktop', known(['power', 'desktop']))).toBe('powerautomatedesktop');
    // Known words stay; a split needs both parts known and at least three letters each.
    expect(recompose('excel vba', known(['excel', 'vba']))).toBe('excel vba');
    expect(recompose('access', known(['a', 'ccess', 'ac', 'cess']))).toBe('access');
    expect(recompose('xyzabc', known([]))).toBe('xyzabc');
  });
});

describe('corrections through GET /api/search', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });
  const find = async (q: string) => {
    const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: number }[]; correctedTo: string | null; relaxed: boolean };
  };

  test('a word written only in a body is a correction target', async () => {
    const a = await postTip(t, t.admin, { title: 'エラーを空白で表示する', body: '=IFERROR(VLOOKUP(A2,表,2,FALSE),"") と書きます。', tags: ['関数'] });
    const r = await find('iferor 空白 ');
    expect(r.correctedTo).toBe('IFERROR 空白');
    expect(r.items.map((i) => i.id)).toEqual([a.id]);
  });

  test('a typo in one word of three is corrected even though leaving a word out finds tips', async () => {
    const a = await postTip(t, t.admin, { title: 'VLOOKUPで別シートから転記する', body: '台帳から転記します。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '別シートへの転記をマクロで', body: 'VBAで転記します。', tags: ['VBA'] });
    const r = await find('vlokup 別シート 転記 ');
    expect(r.relaxed).toBe(false);
    expect(r.correctedTo).toBe('VLOOKUP 別シート 転記');
    expect(r.items.map((i) => i.id)).toEqual([a.id]);
  });

  test('product names split or joined otherwise', async () => {
    const a = await postTip(t, t.admin, { title: 'OneDriveでファイルを同期する', body: '同期の設定です。', tags: [] });
    const b = await postTip(t, t.admin, { title: 'Power Queryで表を結合する', body: 'クエリを結合します。', tags: [] });
    const one = await find('one drive 同期 ');
    expect(one.correctedTo).toBe('onedrive 同期');
    expect(one.items.map((i) => i.id)).toEqual([a.id]);
    const pq = await find('powerquery 結合 ');
    expect(pq.correctedTo).toBe('power query 結合');
    expect(pq.items.map((i) => i.id)).toEqual([b.id]);
    // Three words, typed as one in Latin or said in katakana.
    const c = await postTip(t, t.admin, { title: 'Power Automate Desktopで添付ファイルを保存する', body: 'フローを作ります。', tags: [] });
    for (const q of ['powerautomatedesktop', 'パワーオートメイトデスクトップ']) {
      const pad = await find(q);
      expect(pad.correctedTo?.toLowerCase(), q).toBe('power automate desktop');
      expect(pad.items.map((i) => i.id), q).toEqual([c.id]);
    }
  });

  test('a word of the compound that tips hold is not read as romaji (adobeacrobatreader: adobe, not アドベ)', async () => {
    // adobe reads as romaji (a-do-be: アドベ, the dictionary's katakana for adobe): that finds the
    // tips by adobe itself, and shows the name as no tip writes it.
    const a = await postTip(t, t.admin, { title: 'Adobe Acrobat Readerで注釈を入れる', body: 'コメントツールを使います。', tags: ['PDF'] });
    const r = await find('adobeacrobatreader');
    expect(r.correctedTo).toBe('adobe acrobat reader');
    expect(r.items.map((i) => i.id)).toEqual([a.id]);
  });

  test('a word one typo from a tip\'s word is corrected, not cut into two known words that find less', async () => {
    // text and joint are known words (テキスト, ジョイント): cut, textjoint is "text joint", which finds
    // nothing with every word; TEXTJOIN is one edit away.
    const a = await postTip(t, t.admin, { title: 'TEXTJOINで区切り文字つきで連結する', body: '=TEXTJOIN(",",TRUE,A2:C2) と書きます。', tags: ['関数'] });
    const b = await postTip(t, t.admin, { title: 'テキストファイルを区切り文字で読み込む', body: 'ウィザードで区切り文字を選びます。', tags: ['Excel'] });
    const alone = await find('TEXTJOINT');
    expect(alone.correctedTo).toBe('TEXTJOIN');
    expect(alone.items.map((i) => i.id)).toEqual([a.id]);
    // With another word, "text joint 区切り" would find b by leaving a word out: the correction
    // that finds tips with every word comes first.
    const two = await find('TEXTJOINT 区切り');
    expect(two.correctedTo).toBe('TEXTJOIN 区切り');
    expect(two.relaxed).toBe(false);
    expect(two.items.map((i) => i.id)).toEqual([a.id]);
    expect(two.items.map((i) => i.id)).not.toContain(b.id);
  });

  test('tied loanwords the tips write in katakana: letters swapped or one changed, and the first letter kept, come first', async () => {
    // tabel is one slip from table (swapped) and from label (first letter changed); sheat from sheet
    // (a letter changed) and seat (one left out); chrat from chart (swapped) only. No tip holds any
    // in Latin letters, so no count tells them apart.
    const table = await postTip(t, t.admin, { title: 'テーブルに変換して集計する', body: 'Ctrl+Tでテーブルにします。', tags: ['Excel'] });
    const label = await postTip(t, t.admin, { title: 'ラベル印刷で宛名シールを作る', body: '差し込み印刷でラベルを作ります。', tags: ['Word'] });
    const sheet = await postTip(t, t.admin, { title: 'シートを保護する', body: '校閲タブから保護します。', tags: ['Excel'] });
    const chart = await postTip(t, t.admin, { title: 'チャートの軸を変える', body: '軸の書式を開きます。', tags: ['Excel'] });
    for (const [q, shown, id] of [['tabel', 'table', table.id], ['tabel 集計', 'table 集計', table.id], ['lable 印刷', 'label 印刷', label.id], ['sheat', 'sheet', sheet.id], ['chrat', 'chart', chart.id]] as const) {
      const r = await find(q);
      expect(r.correctedTo, q).toBe(shown);
      expect(r.items.map((i) => i.id), q).toEqual([id]);
    }
  });

  test('a typo of a loanword the tips write only in katakana: the tied closest words are tried in order', async () => {
    // slicr is one edit from slice, slicer and slick, all loanwords with no tip in Latin letters;
    // the tips hold スライサー only.
    const a = await postTip(t, t.admin, { title: 'ピボットのスライサーで年度を切り替える', body: 'スライサーを挿入します。', tags: ['Excel'] });
    for (const q of ['slicr', 'ピボット slicr']) {
      const r = await find(q);
      expect(r.correctedTo, q).toBe(q.replace('slicr', 'slicer'));
      expect(r.items.map((i) => i.id), q).toEqual([a.id]);
    }
  });
});
