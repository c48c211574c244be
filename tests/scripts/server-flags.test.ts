import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/lib/server-flags.mjs';

// The node flags of the server (scripts/lib/server-flags.mjs: the main thread's young generation,
// measured in docs/search.md) are what `npm start` passes, and this node accepts them.
const ROOT = path.resolve(import.meta.dirname, '..', '..');

test('npm start runs node with the server\'s flags', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
  expect(pkg.scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} scripts/start.mjs`);
});

test('node accepts them (an unknown or malformed flag stops node before the server starts)', () => {
  const ok = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
  expect(ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  // The check can fail: a flag node does not know is refused.
  expect(spawnSync(process.execPath, ['--max-semi-space-sise=8', '-e', '0'], { encoding: 'utf8' }).status).not.toBe(0);
});
