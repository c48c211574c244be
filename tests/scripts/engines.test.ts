import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';

// No EBADENGINE on a clean install (issue 17): every package the lock file installs on this
// platform accepts every Node version the project's "engines" range allows, and CI installs the
// version .node-version names, which is inside that range.
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const semver = createRequire(import.meta.url)('semver') as {
  subset(a: string, b: string): boolean; satisfies(v: string, r: string): boolean;
};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; os?: string[]; cpu?: string[] }>;
};

test('every installed package accepts the whole engines range', () => {
  const refused: string[] = [];
  for (const [name, p] of Object.entries(lock.packages)) {
    if (!name || Array.isArray(p.engines) || !p.engines?.node) continue;
    // Packages for other platforms are never installed here (npm skips them: no warning).
    if ((p.os && !p.os.includes(process.platform)) || (p.cpu && !p.cpu.includes(process.arch))) continue;
    if (!semver.subset(pkg.engines.node, p.engines.node)) refused.push(`${name} wants ${p.engines.node}`);
  }
  expect(refused).toEqual([]);
});

test('CI installs a Node version inside the engines range', () => {
  const ci = fs.readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim();
  expect(semver.satisfies(ci, pkg.engines.node)).toBe(true);
});
