import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Data a page hands its parts has one owner: the page. Lit sets a bound object property again
 * every time the parent draws (an object is never "unchanged" to a binding), so a part that wrote
 * its own news into such a property had it put back by the parent's next drawing: a nomination
 * vanished when the tip's view was counted a moment later (CI, stop 18), a saved estimate went
 * back to the old one.
 *
 * The rule, checked on every component of the web app: a method that assigns one of its class's
 * `@property` fields also tells its parent, by firing an event (directly or through a method of
 * the class that does), as a controlled input does. State a part keeps for itself lives in
 * `@state` fields.
 */

interface Finding { file: string; cls: string; method: string; property: string }

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const decoratorName = (d: ts.Decorator): string => {
  const e = d.expression;
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) ? e.expression.text : ts.isIdentifier(e) ? e.text : '';
};

/** Whether `node` calls dispatchEvent, firePostChanged, or one of `firing` as this.name(). */
function fires(node: ts.Node, firing: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isIdentifier(callee) && callee.text === 'firePostChanged') found = true;
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text;
        if (name === 'dispatchEvent') found = true;
        if (callee.expression.kind === ts.SyntaxKind.ThisKeyword && firing.has(name)) found = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Assignments `this.<field> = …` (also +=, ??= …) inside `node`, nested functions included. */
function assigned(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      && ts.isPropertyAccessExpression(n.left) && n.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      out.push(n.left.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

function findings(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const visitClass = (cls: ts.ClassDeclaration): void => {
    const props = new Set<string>();
    const methods: { name: string; node: ts.Node }[] = [];
    for (const m of cls.members) {
      const name = m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) ? m.name.text : '';
      if (ts.isPropertyDeclaration(m)) {
        if ((ts.getDecorators(m) ?? []).some((d) => decoratorName(d) === 'property')) props.add(name);
        // Arrow functions kept in fields are methods too.
        if (m.initializer && (ts.isArrowFunction(m.initializer) || ts.isFunctionExpression(m.initializer))) methods.push({ name, node: m.initializer });
      } else if (ts.isMethodDeclaration(m) || ts.isSetAccessor(m) || ts.isGetAccessor(m) || ts.isConstructorDeclaration(m)) {
        methods.push({ name: name || 'constructor', node: m });
      }
    }
    if (props.size === 0) return;
    // Methods that fire, directly or through one another (to a fixed point).
    const firing = new Set<string>();
    for (let grown = true; grown;) {
      grown = false;
      for (const m of methods) if (!firing.has(m.name) && fires(m.node, firing)) { firing.add(m.name); grown = true; }
    }
    for (const m of methods) {
      if (firing.has(m.name)) continue;
      for (const p of assigned(m.node)) {
        if (props.has(p)) out.push({ file, cls: cls.name?.text ?? '(anonymous)', method: m.name, property: p });
      }
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isClassDeclaration(n)) visitClass(n);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

describe('parts never overwrite what their parent hands them', () => {
  const sources = files(path.resolve('web/src'));

  it('reads the web components', () => {
    expect(sources.length).toBeGreaterThan(50);
    // Components with bound properties are found (the check would pass on nothing otherwise).
    const withProps = sources.filter((f) => /@property\(/.test(fs.readFileSync(f, 'utf8')));
    expect(withProps.length).toBeGreaterThan(20);
  });

  it('finds the defect it is for: a part that writes its news into a bound property without telling', () => {
    const wrong = `
      class Part extends LitElement {
        @property({ attribute: false }) nominations: N[] = [];
        @state() private _done = '';
        private async reload() { this.nominations = await load(); this._done = 'ok'; }
      }`;
    expect(findings('wrong.ts', wrong)).toEqual([{ file: 'wrong.ts', cls: 'Part', method: 'reload', property: 'nominations' }]);
    const controlled = `
      class Input extends LitElement {
        @property({ attribute: false }) tags: string[] = [];
        private emit() { this.dispatchEvent(new CustomEvent('change', { detail: this.tags })); }
        private remove(i: number) { this.tags = this.tags.filter((_, j) => j !== i); this.emit(); }
      }`;
    expect(findings('controlled.ts', controlled)).toEqual([]);
  });

  it('holds for every component of the web app', () => {
    const found = sources.flatMap((f) => findings(path.relative(process.cwd(), f), fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
