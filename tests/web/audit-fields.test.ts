import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { hasMessage } from '../../web/src/i18n/catalogue';

/**
 * Every field an audit entry is written with has a word on the audit page (web/src/shared/audit-detail.ts
 * shows an unknown field as its key: 'by:' in a Japanese page). The fields are read from the code
 * that writes the entries — each `….audit.write({ …, detail: { … } })` in server/ and scripts/,
 * nested objects and spreads of object literals included — not from a list written here. A spread
 * of anything else, or a detail that is not an object literal, cannot be read so and fails the test
 * (write each field by name). The fields of objects held in a variable (criteria, winners) are not
 * looked into.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The property names of an object literal and of the object literals inside it. */
function keysOf(node: ts.ObjectLiteralExpression, out: Set<string>, unread: string[], at: string): void {
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) {
      // A spread of object literals (…(hide ? { reason } : {})) is read; of anything else, not.
      const literals = spreadLiterals(p.expression);
      if (literals) for (const o of literals) keysOf(o, out, unread, at);
      else unread.push(`${p.getText()} (${at})`);
    }
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      out.add(p.name.text);
      if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer)) keysOf(p.initializer, out, unread, at);
    }
  }
}

/** The object literals a spread's expression is (through parentheses and `?:`), or null for anything else. */
function spreadLiterals(e: ts.Expression): ts.ObjectLiteralExpression[] | null {
  if (ts.isParenthesizedExpression(e)) return spreadLiterals(e.expression);
  if (ts.isObjectLiteralExpression(e)) return [e];
  if (ts.isConditionalExpression(e)) {
    const a = spreadLiterals(e.whenTrue);
    const b = spreadLiterals(e.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  return null;
}

test('every field the server and the scripts write into an audit entry has a word on the audit page', () => {
  const fields = new Map<string, string>();
  /** Fields the test cannot read: a spread, a detail that is not an object literal. */
  const unread: string[] = [];
  let writes = 0;
  for (const file of [...files(path.join(ROOT, 'server')), ...files(path.join(ROOT, 'scripts'))]) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && /\.audit\.write$/.test(node.expression.getText(source)) && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
        writes++;
        const detail = node.arguments[0].properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'detail');
        const at = `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const shorthand = node.arguments[0].properties.find((p) => ts.isShorthandPropertyAssignment(p) && p.name.text === 'detail');
        if (shorthand) unread.push(`detail (${at})`);
        else if (detail && !ts.isObjectLiteralExpression(detail.initializer)) unread.push(`${detail.initializer.getText(source)} (${at})`);
        else if (detail && ts.isObjectLiteralExpression(detail.initializer)) {
          const keys = new Set<string>();
          keysOf(detail.initializer, keys, unread, at);
          for (const k of keys) fields.set(k, at);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(writes).toBeGreaterThan(20);
  expect(fields.size).toBeGreaterThan(10);
  expect(unread).toEqual([]);
  expect([...fields].filter(([k]) => !hasMessage(`auditField.${k}`)).map(([k, at]) => `${k} (${at})`)).toEqual([]);
});
