import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webBuildProblem } from '../../scripts/lib/web-build';

describe('npm start: is the web build missing or stale?', () => {
  let dir = '';
  afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  function project(): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-build-'));
    fs.mkdirSync(path.join(dir, 'web', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'web', 'src', 'main.ts'), 'x');
    fs.writeFileSync(path.join(dir, 'vite.config.ts'), 'x');
    return dir;
  }

  const touch = (file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(file, t, t);
  };

  it('reports a missing build', () => {
    expect(webBuildProblem(project())).toBe('not built yet');
  });

  it('accepts a build newer than every source, and flags one older than a changed source', () => {
    const root = project();
    for (const f of ['web/src/main.ts', 'web/src', 'web', 'vite.config.ts']) touch(path.join(root, f), 100);
    fs.mkdirSync(path.join(root, 'dist', 'web'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'web', 'index.html'), '<!doctype html>');
    touch(path.join(root, 'dist', 'web', 'index.html'), 50);
    expect(webBuildProblem(root)).toBeNull();
    touch(path.join(root, 'web', 'src', 'main.ts'), 10);
    expect(webBuildProblem(root)).toBe('sources changed since the last build');
  });
});
