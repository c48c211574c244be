/**
 * Demo activity for `npm run seed:demo` (scripts/seed-demo.ts) beyond tips: comments with a reply,
 * 教えて requests (open, answered, solved), 使ってみた reports, a finished DX award round and views
 * over the past months. Data first, then `seedActivity`, which writes everything through the
 * app's services on the context, as the HTTP routes would, never with SQL of its own.
 *
 * Idempotent like the rest of the seed: comments, adoptions and past views only go on tips created
 * by this run; a request is skipped when its requester already has one with that title; the award
 * round is skipped when a round with its title exists.
 */
import type { Context } from '../../server/context';
import { changePhase, computeResults, createRound, nominate, publishRound, scoreNomination } from '../../server/awards/service';
import { addComment } from '../../server/comments/service';
import { adopt } from '../../server/impact/service';
import type { PostRow } from '../../server/posts/store';
import { addAnswer, createRequest, solveRequest } from '../../server/requests/service';
import type { UserRow } from '../../server/users/store';
import type { DemoUsername } from './tips';

export interface DemoComment { tip: string; author: DemoUsername; body: string; reply?: { author: DemoUsername; body: string } }

export const DEMO_COMMENTS: DemoComment[] = [
  { tip: 'XLOOKUPでVLOOKUPの「列番号ずれ」と「左の列が引けない」を解消する', author: 'demo-tanaka',
    body: '列を挿入しても結果がずれないのが本当に助かります。課の台帳を全部置き換えました。',
    reply: { author: 'demo-suzuki', body: 'ありがとうございます！ 古いExcel（2016）の端末ではXLOOKUPが使えないので、共有する前に確認してください。' } },
  { tip: 'VBA：シートごとに別々のPDFで書き出すマクロ', author: 'demo-ito',
    body: '予算要求の資料40シートで試しました。手作業で30分かかっていたのが1分です。',
    reply: { author: 'demo-kobayashi', body: '保存先のフォルダーがないとエラーになるので、先に作っておいてくださいね。' } },
  { tip: 'PDFの墨消し：黒い四角を重ねただけでは消えていません', author: 'demo-sato',
    body: '情報公開の担当者全員に読んでもらいたい内容です。課内の研修資料に使わせてください。' },
  { tip: 'Teams会議の文字起こしで議事録作成の時間を半分にする', author: 'demo-watanabe',
    body: '会議の冒頭で「文字起こしをします」と一言伝える運用にしました。',
    reply: { author: 'demo-takahashi', body: '良いですね。外部の方が入る会議では事前に了解をもらうようにしています。' } },
  { tip: 'ピボットテーブルで年度別・課別のクロス集計を5分で作る', author: 'demo-nakamura',
    body: '元データをテーブルに変換しておく、がいちばん効きました。' },
];

export interface DemoRequest {
  requester: DemoUsername; title: string; body: string;
  /** A tip that answers it, and who linked it; `solved` when the requester marked it solved. */
  answer?: { tip: string; by: DemoUsername; solved: boolean };
}

export const DEMO_REQUESTS: DemoRequest[] = [
  { requester: 'demo-yamamoto', title: '押印廃止後の決裁で、添付資料の順番を揃えるよい方法は？',
    body: '電子決裁で添付資料が多いと、決裁者から「どれを見ればいいか分からない」と言われます。みなさんの工夫を教えてください。',
    answer: { tip: '決裁の添付資料をPDF1ファイルにまとめる（結合・並べ替え・しおり）', by: 'demo-sato', solved: true } },
  { requester: 'demo-nakamura', title: '市町村からの調査票を集計するのに毎回半日かかっています',
    body: '様式は同じExcelですが、30市町村分を手でコピーしています。自動化できますか？',
    answer: { tip: 'VBA：市町村から届いた調査票（複数のExcelファイル）を1枚に集約する', by: 'demo-kobayashi', solved: false } },
  { requester: 'demo-tanaka', title: 'Excelの共有ブックをやめて、同時編集するには？',
    body: '工事台帳を課内の5人で更新しています。共有ブックは壊れやすいと聞きました。代わりの方法を知りたいです。' },
  { requester: 'demo-kato', title: '電話メモをTeamsで回すときの書き方のコツ',
    body: '不在の職員への伝言をTeamsで送っていますが、要点が伝わりにくいです。' },
];

/** Who reports 使ってみた on which tip, with the note they leave (uses per month of the tip). */
export interface DemoAdoption { tip: string; by: DemoUsername; usesPerMonth: number; note: string }

export const DEMO_ADOPTIONS: DemoAdoption[] = [
  { tip: 'XLOOKUPでVLOOKUPの「列番号ずれ」と「左の列が引けない」を解消する', by: 'demo-tanaka', usesPerMonth: 8, note: '工事台帳の照合に使っています。' },
  { tip: 'XLOOKUPでVLOOKUPの「列番号ずれ」と「左の列が引けない」を解消する', by: 'demo-ito', usesPerMonth: 4, note: '' },
  { tip: 'VBA：シートごとに別々のPDFで書き出すマクロ', by: 'demo-ito', usesPerMonth: 2, note: '予算資料のPDF化に。' },
  { tip: 'VBA：市町村から届いた調査票（複数のExcelファイル）を1枚に集約する', by: 'demo-takahashi', usesPerMonth: 1, note: '福祉関係の調査の集約に使いました。' },
  { tip: 'Teams会議の文字起こしで議事録作成の時間を半分にする', by: 'demo-watanabe', usesPerMonth: 6, note: '' },
  { tip: 'Teams会議の文字起こしで議事録作成の時間を半分にする', by: 'demo-sato', usesPerMonth: 4, note: '課内会議で。' },
  { tip: 'ピボットテーブルで年度別・課別のクロス集計を5分で作る', by: 'demo-nakamura', usesPerMonth: 3, note: '' },
  { tip: 'Power Automate：メールの添付ファイルをSharePointへ自動保存する', by: 'demo-kato', usesPerMonth: 20, note: '申請メールの添付を自動で保存。' },
];

export const DEMO_AWARD = {
  title: '【デモ】業務改善DX賞（上半期）',
  categories: ['業務効率化', 'ノウハウ共有'],
  criteria: [
    { key: 'effect', label: '削減効果', weight: 60 },
    { key: 'reuse', label: '横展開のしやすさ', weight: 40 },
  ],
  /** demo-watanabe wrote one nominated tip: the round shows that a judge never scores their own. */
  judges: ['demo-sato', 'demo-watanabe', 'demo-yamamoto'] as DemoUsername[],
  nominations: [
    { tip: 'VBA：市町村から届いた調査票（複数のExcelファイル）を1枚に集約する', by: 'demo-takahashi', category: '業務効率化',
      statement: '30市町村分の集約が半日から10分になり、他課にも広がっています。' },
    { tip: 'Power Automate：メールの添付ファイルをSharePointへ自動保存する', by: 'demo-kato', category: '業務効率化',
      statement: '毎日の保存作業がなくなりました。設定手順が丁寧で誰でも真似できます。' },
    { tip: 'WinActorでシナリオを作る前に決めておく5つのこと', by: 'demo-kobayashi', category: 'ノウハウ共有',
      statement: 'RPA導入で失敗しないための考え方がまとまっています。' },
    { tip: 'PDFの墨消し：黒い四角を重ねただけでは消えていません', by: 'demo-sato', category: 'ノウハウ共有',
      statement: '情報漏えいを防ぐ、全職員に知ってほしい内容です。' },
  ] as { tip: string; by: DemoUsername; category: string; statement: string }[],
};

export interface ActivityReport {
  comments: number;
  requests: number;
  adoptions: number;
  awardRound: string | null;
  nominations: number;
  scores: number;
  pastViews: number;
}

export interface ActivityOptions {
  ctx: Context;
  users: ReadonlyMap<string, UserRow>;
  /** Tips created by this run, by title. */
  created: ReadonlyMap<string, PostRow>;
  /** Every demo tip in the database (this run's or earlier), by title, for requests and the award. */
  allTips: ReadonlyMap<string, PostRow>;
  now: Date;
  /** Sets the app's clock (null: real time again). */
  setClock: (at: Date | null) => void;
  /** A fixed number in [0, 1) for (i, j, salt): the same data on every fresh database. */
  draw: (i: number, j: number, salt: number) => number;
  log: (line: string) => void;
}

const DAY = 86_400_000;
const later = (from: string, days: number, now: Date) => new Date(Math.min(new Date(from).getTime() + days * DAY, now.getTime() - 3_600_000));

/** Demo activity; returns what was added. */
export async function seedActivity(o: ActivityOptions): Promise<ActivityReport> {
  const { ctx, users, created, allTips, now, log } = o;
  const report: ActivityReport = { comments: 0, requests: 0, adoptions: 0, awardRound: null, nominations: 0, scores: 0, pastViews: 0 };
  const user = (name: string) => users.get(name)!;

  // Comments (and replies) on tips created by this run, a few days after each tip.
  for (const c of DEMO_COMMENTS) {
    const post = created.get(c.tip);
    if (!post) continue;
    const first = await atTime(o, later(post.created_at, 2, now), () => addComment(ctx, user(c.author), post.id, c.body));
    report.comments += 1;
    if (c.reply) {
      await atTime(o, later(post.created_at, 3, now), () => addComment(ctx, user(c.reply!.author), post.id, c.reply!.body, first.id));
      report.comments += 1;
    }
  }
  if (report.comments) log(`comments: ${report.comments}`);

  // 使ってみた: the minutes the reporter saves a month, from the author's estimate per use.
  for (const a of DEMO_ADOPTIONS) {
    const post = created.get(a.tip);
    if (!post) continue;
    const perUse = post.minutes_saved_per_use ?? 10;
    await atTime(o, later(post.created_at, 5, now), () => adopt(ctx, user(a.by), post.id, { usesPerMonth: a.usesPerMonth, minutesSavedPerUse: perUse, note: a.note }));
    report.adoptions += 1;
  }
  if (report.adoptions) log(`使ってみた: ${report.adoptions}`);

  // 教えて requests: skipped when the requester already asked the same.
  const asked = new Set(ctx.requests.list({ status: null, sort: 'new', after: null, limit: 10_000 }).map((r) => `${r.requester_id}|${r.title}`));
  for (const [i, r] of DEMO_REQUESTS.entries()) {
    const requester = user(r.requester);
    if (asked.has(`${requester.id}|${r.title}`)) continue;
    const when = new Date(now.getTime() - (40 - i * 9) * DAY);
    const row = await atTime(o, when, () => createRequest(ctx, requester, { title: r.title, body: r.body }));
    report.requests += 1;
    const answer = r.answer && allTips.get(r.answer.tip);
    if (r.answer && answer) {
      await atTime(o, new Date(when.getTime() + 2 * DAY), () => addAnswer(ctx, user(r.answer!.by), row.id, answer.id));
      if (r.answer.solved) await atTime(o, new Date(when.getTime() + 3 * DAY), () => solveRequest(ctx, requester, row.id, answer.id));
    }
  }
  if (report.requests) log(`教えて: ${report.requests}`);

  await seedAward(o, report);
  report.pastViews = pastViews(o);
  if (report.pastViews) log(`views over the past months: ${report.pastViews}`);
  return report;
}

/** Runs `fn` (and waits for it) with the app's clock at `when`: the services read it after their await. */
async function atTime<T>(o: ActivityOptions, when: Date, fn: () => T | Promise<T>): Promise<T> {
  o.setClock(when);
  try {
    return await fn();
  } finally {
    o.setClock(null);
  }
}

/**
 * A finished round: opened, nominated, scored by the jury (a judge never scores a tip they wrote),
 * closed and published with the full ranking, winners chosen from the results of each category.
 */
async function seedAward(o: ActivityOptions, report: ActivityReport): Promise<void> {
  const { ctx, users, allTips, now, log } = o;
  const at = <T>(when: Date, fn: () => T) => atTime(o, when, fn);
  const admin = [...users.values()].find((u) => u.role === 'admin' && u.username.startsWith('demo-'));
  if (!admin) {
    log('award: skipped (no demo administrator; the database had accounts before)');
    return;
  }
  if (ctx.awards.listRounds(null, 10_000).some((r) => r.title === DEMO_AWARD.title)) return;
  const tips = DEMO_AWARD.nominations.map((n) => ({ ...n, post: allTips.get(n.tip) }));
  if (tips.some((t) => !t.post)) return;
  const day = (n: number) => new Date(now.getTime() - n * DAY);
  const round = await at(day(42), () => createRound(ctx, admin, {
    title: DEMO_AWARD.title, categories: DEMO_AWARD.categories, criteria: DEMO_AWARD.criteria, judges: DEMO_AWARD.judges,
  }));
  const nominations = [];
  for (const t of tips) {
    nominations.push(await at(day(40), () =>
      nominate(ctx, users.get(t.by)!, round.id, { postId: t.post!.id, category: t.category, statement: t.statement })));
  }
  report.nominations = nominations.length;
  await at(day(30), () => changePhase(ctx, admin, round.id, 'scoring'));
  for (const [j, name] of DEMO_AWARD.judges.entries()) {
    const judge = users.get(name)!;
    for (const [i, n] of nominations.entries()) {
      // The conflict-of-interest rule: scoreNomination refuses a judge's own tip.
      if (n.author_id === judge.id) continue;
      const score = (salt: number) => 2 + Math.floor(o.draw(i, j, salt) * 4);
      await at(day(25 - j), () => scoreNomination(ctx, judge, round.id, n.id, {
        scores: { effect: score(7), reuse: score(8) }, comment: '現場ですぐ使える内容です。',
      }));
      report.scores += 1;
    }
  }
  await at(day(20), () => changePhase(ctx, admin, round.id, 'closed'));
  const { byCategory } = computeResults(ctx, round);
  const winners = byCategory.flatMap((c) => c.ranked.slice(0, 1).map((r) => ({ nominationId: r.nominationId, prize: `${c.category}部門 最優秀賞` })));
  await at(day(18), () => publishRound(ctx, admin, round.id, { winners, visibility: 'ranking' }));
  report.awardRound = round.title;
  log(`DX award: ${round.title} (${report.nominations} nominations, ${report.scores} scores, published)`);
}

/**
 * Readers come back to a tip on several days between its publication and today, so daily
 * figures, trending and the impact page have a history. Only tips created by this run.
 */
function pastViews(o: ActivityOptions): number {
  const { ctx, users, created, now, draw } = o;
  const readers = [...users.values()];
  let counted = 0;
  [...created.values()].forEach((post, tipIndex) => {
    const from = new Date(post.created_at).getTime();
    const span = Math.floor((now.getTime() - from) / DAY);
    if (span < 2) return;
    readers.forEach((reader, readerIndex) => {
      if (reader.id === post.author_id || reader.suspended) return;
      const visits = Math.floor(draw(tipIndex, readerIndex, 11) * 4);
      for (let v = 0; v < visits; v++) {
        const dayOffset = 1 + Math.floor(draw(tipIndex, readerIndex, 20 + v) * (span - 1));
        const when = new Date(from + dayOffset * DAY);
        if (ctx.views.record(ctx.posts.byId(post.id)!, reader.id, when).counted) counted += 1;
      }
    });
  });
  return counted;
}
