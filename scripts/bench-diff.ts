/**
 * Times the revision diff (server/revisions/diff.ts) on 100,000-character tips (the body limit):
 * a typical edit (a few words changed in every 20th line), a heavy rewrite (every other line),
 * and two unrelated bodies, where the 1-second give-up shows old and new whole.
 * Usage: npm run bench:diff
 */
import { performance } from 'node:perf_hooks';
import { diffContent } from '../server/revisions/diff';

const LINE = (n: number) => `${n}. 「データ」タブの「重複の削除」で、選択した列が同じ行を一度に消せます（手順${n}）。`;

function body(size: number, edit: (n: number) => string = LINE): string {
  const lines: string[] = [];
  let length = 0;
  for (let n = 0; length < size; n++) {
    const line = edit(n);
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, size);
}

const before = body(100_000);
const cases: [string, string][] = [
  ['typical edit (1 line in 20 reworded)', body(100_000, (n) => (n % 20 === 7 ? LINE(n).replace('一度に', 'まとめて必ず') : LINE(n)))],
  ['heavy rewrite (1 line in 2 reworded)', body(100_000, (n) => (n % 2 ? LINE(n).replace('選択した列', '指定した複数の列') : LINE(n)))],
  ['unrelated bodies', body(100_000, (n) => `${n} Sub 転記() ' VBA で ${n * 7919} 行目を処理する`)],
];

for (const [name, after] of cases) {
  const a = { title: 't', tags: [], body: before };
  const b = { title: 't', tags: [], body: after };
  diffContent(a, b, 3); // warm-up
  const times: number[] = [];
  let rows = 0;
  let stats = { added: 0, removed: 0 };
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const d = diffContent(a, b, 3);
    times.push(performance.now() - start);
    rows = d.body.length;
    stats = d.stats;
  }
  times.sort((x, y) => x - y);
  process.stdout.write(`${name}: median ${times[2].toFixed(1)} ms, max ${times[4].toFixed(1)} ms; ` +
    `${rows} rows shown, +${stats.added}/-${stats.removed} lines\n`);
}
