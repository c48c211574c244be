/**
 * A read-only table of string keys and values held as one flat string of `key\tvalue` lines
 * sorted by key (UTF-16 order), with the offsets of its lines in an Int32Array; a lookup is a
 * binary search comparing characters in place. For the dictionary's 55,000 words (lexicon.ts)
 * it replaces a Map of 110,000 small strings: the same text in one string, and loading it is one
 * file read and one pass for the offsets, so no heap of short-lived objects first (JSON.parse's
 * object, then the Map) grows every thread's heap for good (docs/search.md, Serving: memory).
 * Keys and values hold no tab or line feed.
 */
export class LineTable {
  private constructor(private readonly text: string, private readonly starts: Int32Array) {}

  /** The text of `LineTable.format` (lines sorted by key, one per entry). */
  static parse(text: string): LineTable {
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    if (text !== '' && !text.endsWith('\n')) throw new Error('line table: the text must end with a line feed');
    const starts = new Int32Array(lines + 1);
    let n = 0;
    for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1) starts[n++] = at;
    starts[n] = text.length;
    for (let k = 1; k < n; k++) {
      if (LineTable.compareKeys(text, starts[k - 1], starts[k]) >= 0) throw new Error('line table: keys must be sorted and distinct');
    }
    return new LineTable(text, starts);
  }

  /** The table's text for these entries (sorted here). */
  static format(entries: Iterable<[string, string]>): string {
    const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [k, v] of sorted) if (/[\t\n]/.test(k) || /[\t\n]/.test(v)) throw new Error(`line table: a tab or line feed in ${JSON.stringify(k)}`);
    return sorted.map(([k, v]) => `${k}\t${v}\n`).join('');
  }

  get size(): number { return this.starts.length - 1; }

  get(key: string): string | undefined {
    const { text, starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareAt(key, text, starts[mid]);
      if (c === 0) {
        const tab = starts[mid] + key.length;
        return text.slice(tab + 1, starts[mid + 1] - 1);
      }
      if (c < 0) hi = mid; else lo = mid + 1;
    }
    return undefined;
  }

  /** The first line whose key is not below `prefix` (the line count when every key is): one binary search. */
  private firstFrom(prefix: string): number {
    const { text, starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareAt(prefix, text, starts[mid]) > 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Whether some key starts with `prefix` (a key equal to it included): one binary search. */
  hasPrefix(prefix: string): boolean {
    const lo = this.firstFrom(prefix);
    return lo < this.starts.length - 1 && this.text.startsWith(prefix, this.starts[lo]);
  }

  /** The entries whose key starts with `prefix`, in key order: one binary search, then a walk. */
  *withPrefix(prefix: string): IterableIterator<[string, string]> {
    const { text, starts } = this;
    for (let k = this.firstFrom(prefix); k + 1 < starts.length && text.startsWith(prefix, starts[k]); k++) {
      const line = text.slice(starts[k], starts[k + 1] - 1);
      const tab = line.indexOf('\t');
      yield [line.slice(0, tab), line.slice(tab + 1)];
    }
  }

  *entries(): IterableIterator<[string, string]> {
    const { text, starts } = this;
    for (let k = 0; k + 1 < starts.length; k++) {
      const line = text.slice(starts[k], starts[k + 1] - 1);
      const tab = line.indexOf('\t');
      yield [line.slice(0, tab), line.slice(tab + 1)];
    }
  }

  private static compareKeys(text: string, a: number, b: number): number {
    for (;; a++, b++) {
      const x = text.charCodeAt(a);
      const y = text.charCodeAt(b);
      if (x === 9 || y === 9) return x === y ? 0 : x === 9 ? -1 : 1;
      if (x !== y) return x - y;
    }
  }
}

/** `key` against the key of the line starting at `at` (ended by its tab): <0, 0 or >0. */
function compareAt(key: string, text: string, at: number): number {
  for (let i = 0; ; i++) {
    const y = text.charCodeAt(at + i);
    if (i === key.length) return y === 9 ? 0 : -1;
    if (y === 9) return 1;
    const x = key.charCodeAt(i);
    if (x !== y) return x - y;
  }
}
