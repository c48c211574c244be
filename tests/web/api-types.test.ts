import fs from 'node:fs';
import path from 'node:path';
import type { Static } from '@sinclair/typebox';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Post as PostSchema, PostSummary as PostSummarySchema, UpdatePostBody } from '../../server/posts/schemas';
import type { HomePage, TipPage } from '../../server/pages/schemas';
import type { Comment as CommentSchema } from '../../server/comments/schemas';
import type { PostAdoptions as PostAdoptionsSchema } from '../../server/impact/schemas';
import type { SearchResult as SearchResultSchema } from '../../server/search/schemas';
import type { SessionState } from '../../server/sessions/routes';
import type { Page } from '../../web/src/data/http';
import type { getHomePage, getTipPage } from '../../web/src/data/pages';
import type { getPost, listPosts, updatePost } from '../../web/src/data/posts';
import type { listComments } from '../../web/src/data/comments';
import type { getAdoptions } from '../../web/src/data/impact';
import type { searchTips } from '../../web/src/data/search';
import type { getSession } from '../../web/src/data/session';
import type { Post, PostSummary } from '../../web/src/data/types';

/*
 * The web app's data layer answers with exactly the types of the server's route schemas. These
 * expectations are checked by `tsc --noEmit` (npm test runs it first; tsconfig includes tests/),
 * and the last test shows that changing a schema breaks the web code that uses the field.
 */
describe('web data types come from the route schemas', () => {
  it('names the schemas\' own Static<> types', () => {
    expectTypeOf<Post>().toEqualTypeOf<Static<typeof PostSchema>>();
    expectTypeOf<PostSummary>().toEqualTypeOf<Static<typeof PostSummarySchema>>();
    expectTypeOf<Awaited<ReturnType<typeof getPost>>>().toEqualTypeOf<Static<typeof PostSchema>>();
    expectTypeOf<Awaited<ReturnType<typeof listPosts>>>().toEqualTypeOf<Page<Static<typeof PostSummarySchema>>>();
    expectTypeOf<Parameters<typeof updatePost>[1]>().toEqualTypeOf<Static<typeof UpdatePostBody>>();
    expectTypeOf<Awaited<ReturnType<typeof getTipPage>>>().toEqualTypeOf<Static<typeof TipPage>>();
    expectTypeOf<Awaited<ReturnType<typeof getHomePage>>>().toEqualTypeOf<Static<typeof HomePage>>();
    expectTypeOf<Awaited<ReturnType<typeof listComments>>>().toEqualTypeOf<Page<Static<typeof CommentSchema>>>();
    expectTypeOf<Awaited<ReturnType<typeof getAdoptions>>>().toEqualTypeOf<Static<typeof PostAdoptionsSchema>>();
    expectTypeOf<Awaited<ReturnType<typeof searchTips>>>().toEqualTypeOf<Static<typeof SearchResultSchema>>();
    expectTypeOf<Awaited<ReturnType<typeof getSession>>>().toEqualTypeOf<Static<typeof SessionState>>();
    expect(true).toBe(true);
  });

  it('keeps no hand-written interface and no fetch outside the one wrapper in web/src/data', () => {
    const dir = path.resolve('web/src/data');
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const interfaces = [...text.matchAll(/^export interface (\w+)/gm)].map((m) => m[1]);
      expect(interfaces, file).toEqual(file === 'http.ts' ? ['RequestOptions'] : []);
      if (file !== 'http.ts') expect(text, file).not.toMatch(/\bfetch\(/);
    }
    for (const file of fs.readdirSync(path.resolve('web/src'), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file === path.join('data', 'http.ts')) continue;
      expect(fs.readFileSync(path.resolve('web/src', file), 'utf8'), file).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon/);
    }
  });

  it('fails type-checking in the web element that shows a field when the schema drops it', () => {
    const schemaFile = path.resolve('server/posts/schemas.ts');
    const original = fs.readFileSync(schemaFile, 'utf8');
    expect(original).toContain('  likeCount: Type.Integer(),');
    const changed = original.replace('  likeCount: Type.Integer(),', '  likesTotal: Type.Integer(),');
    const root = path.resolve('web/src/components/kotsu-tip-reactions.ts');
    const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(path.resolve('tsconfig.json'), ts.sys.readFile).config, ts.sys, process.cwd());
    const check = (schemaText: string) => {
      const host = ts.createCompilerHost(options);
      const read = host.readFile.bind(host);
      host.readFile = (f) => (path.resolve(f) === schemaFile ? schemaText : read(f));
      const getSource = host.getSourceFile.bind(host);
      host.getSourceFile = (f, v, onError, create) => (path.resolve(f) === schemaFile
        ? ts.createSourceFile(f, schemaText, v) : getSource(f, v, onError, create));
      const program = ts.createProgram([root], { ...options, noEmit: true }, host);
      return ts.getPreEmitDiagnostics(program)
        .filter((d) => d.file && path.resolve(d.file.fileName) === root)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    expect(check(original)).toEqual([]);
    const errors = check(changed);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/likeCount/);
  }, 240_000);
});
