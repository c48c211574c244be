/**
 * What the scripts deriving the search's tables from EDICT share (derive-thesaurus.ts,
 * derive-loanwords.ts, derive-readings.ts): their options, the dictionary's text, the fixed-seed
 * sampler their `--sample` prints with, and the line-table file the server reads.
 */
import fs from 'node:fs';
import { LineTable } from '../../server/search/line-table';

/** The value after `--name` on the command line. */
export const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };

/** EDICT's text (Debian package `edict`, EUC-JP), from `--edict` or where Debian puts it. */
export function edictText(): string {
  return new TextDecoder('euc-jp').decode(fs.readFileSync(arg('--edict') ?? '/usr/share/edict/edict'));
}

/** A random number generator with a fixed seed: the same sample for the same dictionary. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Writes the entries as one JSON string of sorted `key\tvalue` lines (server/search/line-table.ts). */
export function writeLineTable(file: string, entries: Iterable<[string, string]>): void {
  fs.writeFileSync(file, `${JSON.stringify(LineTable.format(entries))}\n`);
}
