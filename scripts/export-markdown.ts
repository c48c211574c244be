/**
 * `npm run export:markdown -- DIR [--db FILE]` — every published tip as a Markdown file with
 * front matter, images under DIR/images; `import:markdown` reads the folder back (round trip:
 * title, tags, body, author and dates). Safe while the server runs: it only reads.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../server/config';
import { createContext } from '../server/context';
import { openDatabase, type Database } from '../server/db/database';
import { exportMarkdown } from '../server/transfer/export';

const USAGE = 'usage: npm run export:markdown -- DIR [--db FILE]   (DIR must be new or empty)\n';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    process.stderr.write(`export:markdown: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    process.stderr.write(`export:markdown: give one folder to write into\n${USAGE}`);
    return 2;
  }
  let db: Database | null = null;
  try {
    const config = loadConfig(process.env, parsed.values.db ? { dbPath: parsed.values.db } : {});
    db = openDatabase(config.dbPath);
    const ctx = createContext(db, config);
    const r = await exportMarkdown(ctx, parsed.positionals[0]!, (n, file) => {
      if (n % 100 === 0) process.stdout.write(`  ${n} tips… (${file})\n`);
    });
    process.stdout.write(`exported ${r.tips} tips and ${r.images} images to ${r.dir}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`export:markdown failed: ${err instanceof ConfigError ? err.message : (err as Error).message}\n`);
    return 1;
  } finally {
    db?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
