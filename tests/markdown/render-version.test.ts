import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { renderMarkdown } from '../../server/markdown/render';
import { RENDER_VERSION } from '../../server/markdown/version';

/**
 * The renderer's output for a corpus of every construct tips use, pinned for RENDER_VERSION. When a
 * change to the renderer changes some output, this fails: bump RENDER_VERSION (version.ts), so that
 * stored HTML is rendered again (rerender.ts), and pin the new output here. The pin of the current
 * version only: an older version's hash was of an older corpus, so it says
 * nothing now. What each version changed: 1, the first numbered; 2, bold next to Japanese brackets,
 * [label]: lines that name no link, automatic links ending at Japanese (flows12); 3, Markdown's marks
 * typed with the input method on (full-width-marks.ts).
 */
const PINNED = { version: 3, hash: 'f99b97268ebec747416f0b3cee34a60b7228bb935205749c195d3f4b26a5f8e3' };

test('the output of the corpus is the one pinned for RENDER_VERSION', () => {
  const corpus = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'render-corpus.md'), 'utf8');
  // Each paragraph alone too: a construct's output does not hide behind another's.
  const inputs = [corpus, ...corpus.split(/\n\n+/)];
  const hash = createHash('sha256').update(inputs.map(renderMarkdown).join('\u0000')).digest('hex');
  expect({ version: RENDER_VERSION, hash }).toEqual(PINNED);
});
