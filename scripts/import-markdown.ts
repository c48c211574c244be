/**
 * `npm run import:markdown -- DIR [--dry-run] [--author NAME] [--category-tags] [--report FILE] [--db FILE]`
 * Imports a folder of Markdown files with front matter (esa, Qiita CLI, Kotsu's own export) as
 * tips, images included; the field mapping is in server/transfer/mapping.ts and docs/AUTHORING.md.
 * Prints one line per file as it goes, then what was imported and what was skipped and why.
 * Best run with the server stopped (as seed:demo): a running server's title suggestions learn of
 * the new tips at its next start.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../server/app';
import { ConfigError, loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/database';
import { importMarkdown, type FileOutcome, type ImportReport } from '../server/transfer/import';

const USAGE = `usage: npm run import:markdown -- DIR [options]
  --dry-run         read and check every file, write nothing
  --author NAME     login name for files naming no author, or an author with no account here
  --category-tags   esa's "category: a/b/c" also adds the tags a, b and c
  --report FILE     also write the full report (every file, reason, warning) as JSON
  --db FILE         database (default: KOTSU_DB, else ./data/kotsu.db)
`;

const MARK: Record<FileOutcome['status'], string> = { imported: '+', 'would import': '+', skipped: '-' };

export function describe(o: FileOutcome): string {
  const head = `${MARK[o.status]} ${o.file}${o.postId ? ` → #${o.postId}` : ''}${o.reason ? `: skipped, ${o.reason}` : ''}`;
  return [head, ...o.warnings.map((w) => `    ! ${w}`)].join('\n');
}

export function summary(r: ImportReport, dryRun: boolean): string {
  const lines = [`${dryRun ? 'dry run: would import' : 'imported'} ${r.imported} of ${r.files.length} files, ${r.images} images; skipped ${r.skipped}`];
  const skipped = r.files.filter((f) => f.status === 'skipped');
  if (skipped.length) lines.push('skipped:', ...skipped.map((f) => `  ${f.file}: ${f.reason}`));
  const warned = r.files.filter((f) => f.warnings.length);
  if (warned.length) lines.push(`warnings in ${warned.length} files (lines marked ! above)`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {
      'dry-run': { type: 'boolean' }, author: { type: 'string' }, 'category-tags': { type: 'boolean' },
      report: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (err) {
    process.stderr.write(`import:markdown: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: args, positionals } = parsed;
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !fs.existsSync(positionals[0]!) || !fs.statSync(positionals[0]!).isDirectory()) {
    process.stderr.write(`import:markdown: give one folder to import\n${USAGE}`);
    return 2;
  }
  let db: Database | null = null;
  try {
    const config = loadConfig(process.env, args.db ? { dbPath: args.db } : {});
    db = openDatabase(config.dbPath);
    let backdate: Date | null = null;
    const app = await buildApp({ config: { ...config, webRoot: null }, db, now: () => backdate ?? new Date() });
    try {
      await app.ready();
      const dryRun = args['dry-run'] ?? false;
      process.stdout.write(`import:markdown ${positionals[0]} → ${config.dbPath}${dryRun ? ' (dry run: nothing is written)' : ''}\n`);
      const report = await importMarkdown(app.ctx, {
        root: positionals[0]!, dryRun, defaultAuthor: args.author, categoryTags: args['category-tags'],
        backdate: (at) => { backdate = at; },
        onProgress: (done, total, o) => process.stdout.write(`[${done}/${total}] ${describe(o)}\n`),
      });
      process.stdout.write(`\n${summary(report, dryRun)}\n`);
      if (args.report) fs.writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
    } finally {
      await app.close();
    }
    return 0;
  } catch (err) {
    process.stderr.write(`import:markdown failed: ${err instanceof ConfigError ? err.message : (err as Error).message}\n`);
    return 1;
  } finally {
    db?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
