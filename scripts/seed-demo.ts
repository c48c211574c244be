/**
 * `npm run seed:demo [-- --db FILE] [--password PW]` — demo accounts and about 30 tips
 * (scripts/demo/tips.ts), with a few views, likes and bookmarks between the demo accounts so the
 * popular lists and rankings are not empty, and the activity of scripts/demo/activity.ts: comments,
 * 教えて requests, 使ってみた reports, a finished DX award round and views over the past months. For trying Kotsu out; not for a production database.
 *
 * Everything goes through the app's own services on the app's context (server/context.ts, no
 * HTTP app), which wires every listener on tip writes (search index, suggestions, view windows),
 * so the demo tips are indexed and counted exactly as tips posted over HTTP.
 *
 * Best run while the server is stopped: a running server finds the new tips in search at once,
 * but its in-memory title suggestions and tag cache only learn of them after a restart.
 *
 * Idempotent: an existing account is left as it is; a tip is skipped when its author already has
 * a tip with that title. Reactions are only added to tips created by this run, so a second run
 * (even on another day) adds nothing.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../server/config';
import { createContext, type Context } from '../server/context';
import { openDatabase, type Database } from '../server/db/database';
import { bookmark, like } from '../server/popularity/service';
import { createPost } from '../server/posts/service';
import type { PostRow } from '../server/posts/store';
import { createAccount } from '../server/users/service';
import type { UserRow } from '../server/users/store';
import { seedActivity, type ActivityReport } from './demo/activity';
import { DEMO_TIPS, DEMO_USERS, type DemoUsername } from './demo/tips';

/** Shared by every demo account; printed at the end. Overridden with --password. */
export const DEMO_PASSWORD = 'kotsu-demo-2025';

/**
 * On a database with no accounts, seeding would leave nobody able to run first-run setup
 * (/setup answers 409 once any user exists), so this demo account becomes the administrator.
 */
export const FIRST_RUN_ADMIN: DemoUsername = 'demo-watanabe';

/** Demo tips are spread over this many days before now, oldest first, so "new" lists look lived-in. */
const SPREAD_DAYS = 150;

export interface SeedOptions {
  config: Config;
  db: Database;
  password?: string;
  now?: () => Date;
  /** One line of progress; the CLI prints them, tests collect them. */
  log?: (line: string) => void;
}

export interface SeedReport {
  usersCreated: string[];
  usersExisting: string[];
  /** Set when the database had no accounts and a demo account was made administrator. */
  admin: string | null;
  tipsCreated: number;
  tipsExisting: number;
  views: number;
  likes: number;
  bookmarks: number;
  departments: string[];
  /** Comments, requests, adoptions, the award round and past views (scripts/demo/activity.ts). */
  activity: ActivityReport;
}

/**
 * A fixed number in [0, 1) for a tip and a reader: the same demo data gets the same reactions on
 * every fresh database, with some tips clearly more popular than others.
 */
function draw(tipIndex: number, readerIndex: number, salt: number): number {
  let h = Math.imul(tipIndex + 1, 0x9e3779b1) ^ Math.imul(readerIndex + 1, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}

/** How widely a tip is read, from 0.25 to 0.95 of the other demo accounts. */
const appeal = (tipIndex: number) => 0.25 + 0.7 * draw(tipIndex, 0, 1);

async function ensureUsers(ctx: Context, password: string, report: SeedReport, log: (line: string) => void) {
  const users = new Map<string, UserRow>();
  const wasEmpty = ctx.users.count() === 0;
  for (const u of DEMO_USERS) {
    const existing = ctx.users.byUsername(u.username);
    if (existing) {
      users.set(u.username, existing);
      report.usersExisting.push(u.username);
      continue;
    }
    const role = wasEmpty && u.username === FIRST_RUN_ADMIN ? 'admin' : u.role;
    const user = await createAccount(ctx, { username: u.username, password, displayName: u.displayName, department: u.department, role });
    // As POST /api/users does, so administrators can see where these accounts came from.
    ctx.audit.write({ actorId: null, action: 'user.create', targetType: 'user', targetId: user.id,
      detail: { username: user.username, role: user.role, source: 'seed:demo' } });
    users.set(u.username, user);
    report.usersCreated.push(u.username);
    if (role === 'admin') report.admin = u.username;
    log(`  + ${u.username} (${u.displayName}, ${u.department}${role === 'member' ? '' : `, ${role}`})`);
  }
  return users;
}

/** Titles of the author's tips, published or hidden: a tip a moderator hid is not posted again. */
function titlesOf(ctx: Context, author: UserRow): Set<string> {
  return new Set(ctx.popularity.authorTips(author.id).map((t) => ctx.posts.byId(t.id)?.title).filter((t) => t !== undefined));
}

/** Views, likes and bookmarks from the other demo accounts, as their own requests would record them. */
function react(ctx: Context, tipIndex: number, post: PostRow, readers: readonly UserRow[], at: Date, report: SeedReport) {
  const reach = appeal(tipIndex);
  readers.forEach((reader, readerIndex) => {
    if (reader.id === post.author_id || reader.suspended) return;
    const r = draw(tipIndex, readerIndex, 2);
    if (r >= reach) return;
    // As POST /api/posts/:id/views does for a reader who is not the author.
    if (ctx.views.record(ctx.posts.byId(post.id)!, reader.id, at).counted) report.views += 1;
    if (r < reach * 0.45) {
      like(ctx, reader, post.id);
      report.likes += 1;
    }
    if (r < reach * 0.2) {
      bookmark(ctx, reader, post.id);
      report.bookmarks += 1;
    }
  });
}

/** Seeds `db` (already open and migrated); the caller closes it. */
export async function seedDemo(options: SeedOptions): Promise<SeedReport> {
  const { config, db } = options;
  const log = options.log ?? (() => {});
  const password = options.password ?? DEMO_PASSWORD;
  if (config.authMode !== 'local') {
    throw new Error('demo accounts need local sign-in (KOTSU_AUTH=local); in proxy mode accounts come from the intranet sign-on');
  }
  const realNow = options.now ?? (() => new Date());
  // The app's clock: real time, except while a tip is written with an earlier date.
  let backdate: Date | null = null;
  // No search threads: the script writes and never searches.
  const ctx = createContext(db, { ...config, webRoot: null, searchWorkers: 0 }, () => backdate ?? realNow());
  const report: SeedReport = {
    usersCreated: [], usersExisting: [], admin: null, tipsCreated: 0, tipsExisting: 0, views: 0, likes: 0, bookmarks: 0, departments: [],
    activity: { comments: 0, requests: 0, adoptions: 0, awardRound: null, nominations: 0, scores: 0, pastViews: 0 },
  };
  try {
    log('accounts:');
    const users = await ensureUsers(ctx, password, report, log);
    if (report.usersExisting.length) log(`  = ${report.usersExisting.length} already there: ${report.usersExisting.join(', ')}`);

    const readers = DEMO_USERS.map((u) => users.get(u.username)!);
    const titles = new Map<string, Set<string>>();
    const created: { index: number; post: PostRow }[] = [];
    const start = realNow().getTime() - SPREAD_DAYS * 86_400_000;
    log('tips:');
    DEMO_TIPS.forEach((tip, index) => {
      const author = users.get(tip.author)!;
      let own = titles.get(tip.author);
      if (!own) titles.set(tip.author, own = titlesOf(ctx, author));
      if (own.has(tip.title)) {
        report.tipsExisting += 1;
        return;
      }
      // Oldest first, at varied office hours (09:00–17:00 Japan time is 00:00–08:00 UTC).
      const day = Math.floor((index * SPREAD_DAYS) / DEMO_TIPS.length);
      const minutes = Math.floor(draw(index, 0, 3) * 8 * 60);
      backdate = new Date(Math.floor(start / 86_400_000) * 86_400_000 + day * 86_400_000 + minutes * 60_000);
      try {
        const post = createPost(ctx, author, {
          title: tip.title, body: tip.body, tags: tip.tags, minutesSavedPerUse: tip.minutesSavedPerUse,
        });
        created.push({ index, post });
      } finally {
        backdate = null;
      }
      own.add(tip.title);
      report.tipsCreated += 1;
      log(`  + [${author.department}] ${tip.title}`);
    });
    if (report.tipsExisting) log(`  = ${report.tipsExisting} already there (same author, same title)`);

    const at = realNow();
    for (const { index, post } of created) react(ctx, index, post, readers, at, report);
    const allTips = new Map<string, PostRow>();
    for (const u of readers) {
      for (const t of ctx.popularity.authorTips(u.id)) {
        const post = ctx.posts.byId(t.id);
        if (post?.status === 'published' && DEMO_TIPS.some((d) => d.title === post.title && d.author === u.username)) allTips.set(post.title, post);
      }
    }
    report.activity = await seedActivity({
      ctx, users, created: new Map(created.map(({ post }) => [post.title, ctx.posts.byId(post.id)!])), allTips, now: at,
      setClock: (d) => { backdate = d; }, draw, log,
    });
    report.departments = [...new Set(DEMO_TIPS.map((t) => users.get(t.author)!.department))];
  } finally {
    // Closing the context writes any views still waiting in the batch and stops its threads.
    await ctx.close();
  }
  return report;
}

const USAGE = `usage: npm run seed:demo [-- --db FILE] [--password PASSWORD]
  --db FILE            database to fill (default: KOTSU_DB, else ./data/kotsu.db)
  --password PASSWORD  password for new demo accounts (default: ${DEMO_PASSWORD})
`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: {
      db: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    process.stderr.write(`seed:demo: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let db: Database | null = null;
  try {
    const config = loadConfig(process.env, args.db ? { dbPath: args.db } : {});
    process.stdout.write(`seed:demo → ${config.dbPath}\n`);
    db = openDatabase(config.dbPath);
    const password = args.password ?? DEMO_PASSWORD;
    const r = await seedDemo({ config, db, password, log: (line) => process.stdout.write(`${line}\n`) });
    const out = [
      '',
      `accounts: ${r.usersCreated.length} created, ${r.usersExisting.length} already there`,
      `tips:     ${r.tipsCreated} created, ${r.tipsExisting} already there (${r.departments.length} departments: ${r.departments.join('、')})`,
      `reactions on the new tips: ${r.views} views, ${r.likes} likes, ${r.bookmarks} bookmarks`,
      `activity: ${r.activity.comments} comments, ${r.activity.requests} 教えて requests, ${r.activity.adoptions} 使ってみた, `
        + `${r.activity.pastViews} past views${r.activity.awardRound ? `, award round "${r.activity.awardRound}" published` : ''}`,
    ];
    if (r.admin) out.push(`the database had no accounts: ${r.admin} is an administrator (first-run setup is done)`);
    if (r.usersCreated.length) {
      out.push('', `demo password for the new accounts (${r.usersCreated.join(', ')}): ${password}`);
      if (r.usersExisting.length) out.push('accounts that were already there keep their own password');
    } else {
      out.push('', 'nothing new to sign in with: every demo account was already there (with its own password)');
    }
    out.push('WARNING: demo accounts are for trying Kotsu only. They share one known password;',
      '         do not seed a production database, and delete or suspend demo-* accounts before real use.');
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`seed:demo failed: ${err instanceof ConfigError ? err.message : (err as Error).message}\n`);
    return 1;
  } finally {
    db?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
