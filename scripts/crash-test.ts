/**
 * `npm run test:crash [-- CYCLES]` — crash safety of acknowledged writes.
 *
 * Starts the real server as a child on one SQLite file, streams writes at it, kills it with
 * SIGKILL at a random moment (sometimes before it listens, mostly mid-write), and checks that
 * every write answered 2xx is in the file, unchanged, and that PRAGMA integrity_check is ok;
 * then starts it again on the same file. Prints the cycles run and writes verified, and exits 1
 * on the first lost write. The same run is part of `npm test` with 50 cycles; 500 by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { startServer, streamWrites, type Acked } from './lib-security/child';

export interface CrashReport {
  cycles: number;
  acknowledgedCreates: number;
  acknowledgedEdits: number;
  killedBeforeListening: number;
  problems: string[];
}

/** Everything acknowledged so far must be in the file; returns what is missing or wrong. */
export function verify(dbPath: string, acked: Acked): string[] {
  const db = new BetterSqlite3(dbPath); // opening recovers the WAL exactly as the server would
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const byTitle = db.prepare('SELECT id, body FROM posts WHERE title = ?');
    const byId = db.prepare('SELECT body FROM posts WHERE id = ?').pluck();
    for (const [title, body] of acked.created) {
      const row = byTitle.get(title) as { id: number; body: string } | undefined;
      if (!row) problems.push(`lost acknowledged tip "${title}"`);
      else if (row.body !== body && !/^v\d+$/.test(row.body)) problems.push(`tip "${title}" has body ${JSON.stringify(row.body.slice(0, 40))}`);
    }
    for (const [id, version] of acked.edited) {
      const stored = byId.get(id) as string | undefined;
      const n = stored && /^v(\d+)$/.exec(stored) ? Number(stored.slice(1)) : -1;
      // A later edit may have committed without its answer arriving; an earlier one may not show.
      if (n < version) problems.push(`tip ${id}: acknowledged edit v${version} but found ${JSON.stringify(stored)}`);
    }
    return problems;
  } finally {
    db.close();
  }
}

export async function runCrashCycles(opts: { cycles: number; dir?: string; log?: (line: string) => void }): Promise<CrashReport> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-crash-'));
  const dbPath = path.join(dir, 'kotsu.db');
  const acked: Acked = { created: new Map(), edited: new Map() };
  const report: CrashReport = { cycles: 0, acknowledgedCreates: 0, acknowledgedEdits: 0, killedBeforeListening: 0, problems: [] };
  try {
    for (let cycle = 1; cycle <= opts.cycles; cycle++) {
      const server = startServer(dbPath);
      // One cycle in ten is killed while starting (opening, migrating); the rest mid-stream.
      if (cycle % 10 === 3) {
        await new Promise((r) => setTimeout(r, Math.random() * 800));
        server.child.kill('SIGKILL');
        await server.exited;
        report.killedBeforeListening++;
      } else {
        const base = await server.url;
        const writes = streamWrites(base, { writers: 4, tag: `c${cycle}`, acked });
        // Kill mid-stream: once writes are being answered, after a random 20–400 ms.
        const seen = acked.created.size;
        for (let waited = 0; acked.created.size === seen && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 380));
        server.child.kill('SIGKILL');
        await server.exited;
        await writes.stop();
      }
      report.cycles = cycle;
      const problems = verify(dbPath, acked);
      if (problems.length) {
        report.problems.push(...problems.map((p) => `cycle ${cycle}: ${p}`));
        break;
      }
      opts.log?.(`cycle ${cycle}: ${acked.created.size} tips and ${acked.edited.size} edited tips verified`);
    }
  } finally {
    report.acknowledgedCreates = acked.created.size;
    report.acknowledgedEdits = [...acked.edited.values()].length;
    if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cycles = Number(process.argv[2] ?? 500);
  if (!Number.isInteger(cycles) || cycles < 1) {
    process.stderr.write('usage: npm run test:crash -- [CYCLES]\n');
    process.exit(2);
  }
  const started = Date.now();
  const report = await runCrashCycles({ cycles, log: (l) => { if (/^cycle \d*0:/.test(l)) process.stdout.write(`${l}\n`); } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(`crash test: ${report.cycles} SIGKILL cycles (${report.killedBeforeListening} while starting) in ${seconds} s; ` +
    `${report.acknowledgedCreates} acknowledged tips and ${report.acknowledgedEdits} acknowledged edits verified; ` +
    `synchronous=NORMAL, WAL\n`);
  if (report.problems.length) {
    process.stderr.write(`LOST OR DAMAGED:\n${report.problems.slice(0, 20).join('\n')}\n`);
    process.exit(1);
  }
}
