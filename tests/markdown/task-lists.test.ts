import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/markdown/render';
import { BODY_CASES } from '../security/hostile-cases';

const L = '<label class="task-list-item-label">';
const BOX = `${L}<input class="task-list-item-checkbox" type="checkbox" disabled>`;
const TICKED = `${L}<input class="task-list-item-checkbox" type="checkbox" checked disabled>`;

describe('task lists', () => {
  it('a list item that begins [ ] or [x] shows a box a reader cannot change, ticked or not', () => {
    const html = renderMarkdown('- [ ] 起案する\n- [x] 課長の決裁\n- [X] 供覧\n- 普通の項目\n');
    expect(html).toBe(`<ul class="contains-task-list">\n<li class="task-list-item">${BOX}起案する</label></li>\n`
      + `<li class="task-list-item">${TICKED}課長の決裁</label></li>\n<li class="task-list-item">${TICKED}供覧</label></li>\n<li>普通の項目</li>\n</ul>\n`);
  });

  it('numbered, nested, after a full-width space; the class once per list', () => {
    const html = renderMarkdown('1. [ ]\u3000申請\n   - [x] 添付\n   - [ ] 押印\n2. [ ] 提出\n');
    expect(html.match(/contains-task-list/g)).toHaveLength(2);
    expect(html).toContain(`<ol class="contains-task-list">\n<li class="task-list-item">${BOX}申請`);
    expect(html).toContain(`<li class="task-list-item">${TICKED}添付</label></li>`);
    expect(html.match(/<input /g)).toHaveLength(4);
  });

  it('every blank the marker may hold or be followed by, and the full-width forms an IME types, make the same box', () => {
    // GFM's marker holds a blank or x and is followed by a blank (space or tab); typed with the IME
    // on, the brackets, the x and the spaces come full-width. The class, every combination of them.
    const wrong: string[] = [];
    for (const [open, close] of [['[', ']'], ['［', '］']]) {
      for (const inside of [' ', '\t', '\u3000', 'x', 'X', 'ｘ', 'Ｘ']) {
        for (const after of [' ', '\t', '\u3000']) {
          const src = `- ${open}${inside}${close}${after}起案する\n`;
          const box = /[xXｘＸ]/u.test(inside) ? TICKED : BOX;
          if (renderMarkdown(src) !== `<ul class="contains-task-list">\n<li class="task-list-item">${box}起案する</label></li>\n</ul>\n`) wrong.push(JSON.stringify(src));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('not a paragraph, not code, not a bracket without its space, not an item with nothing after it', () => {
    for (const src of ['[ ] 段落', '- `[ ] ` コード', '- [ ]', '- [x]確認', '- [y] 何か', '> - [ ] 引用の中']) {
      const html = renderMarkdown(src);
      if (src.startsWith('>')) expect(html, src).toContain(BOX);
      else expect(html, src).not.toContain('<input');
    }
  });

  it('the item\'s own text stays escaped: the box and its label are the only markup added', () => {
    const html = renderMarkdown('- [ ] <img src=x onerror=alert(1)> **太字** [リンク](javascript:alert(1))\n');
    expect(html).toContain(`${BOX}&lt;img src=x onerror=alert(1)&gt; <strong>太字</strong>`);
    expect(html).not.toMatch(/<img|href="javascript/);
    // Every hostile body of the security suite, as a task item: no markup but the box is added.
    // (Bodies of one line: a task item is one list item.)
    let tried = 0;
    for (const body of BODY_CASES.filter((c) => !c.refused && !c.value.includes('\n') && c.value.length < 2000).map((c) => c.value)) {
      const plain = renderMarkdown(`- ${body}`).replaceAll(/ class="(?:contains-)?task-list(?:-item)?"/g, '');
      // An item that is a block of its own (a heading, a fence) is no task text.
      if (plain.includes('<li>\n')) continue;
      tried++;
      const task = renderMarkdown(`- [ ] ${body}`).replace(BOX, '').replace('</label></li>', '</li>').replaceAll(/ class="(?:contains-)?task-list(?:-item)?"/g, '');
      expect(task, body).toBe(plain);
    }
    expect(tried).toBeGreaterThan(20);
  });
});
