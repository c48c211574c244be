import { describe, expect, it } from 'vitest';
import { languageLabel } from '../../web/src/editor/code-languages';
import { codeBlock, link, moveCell, prefixLines, table, wrap, type TextState } from '../../web/src/editor/markdown-edits';

/** A text with the selection written as [ and ] (a caret as one |). */
function st(marked: string): TextState {
  const caret = marked.indexOf('|');
  if (caret >= 0) return { value: marked.replace('|', ''), start: caret, end: caret };
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { value: marked.replace('[', '').replace(']', ''), start, end };
}
const show = (s: TextState) => s.start === s.end
  ? s.value.slice(0, s.start) + '|' + s.value.slice(s.start)
  : s.value.slice(0, s.start) + '[' + s.value.slice(s.start, s.end) + ']' + s.value.slice(s.end);

describe('the editor toolbar edits', () => {
  it('wraps the selection, or a selected placeholder to type over', () => {
    expect(show(wrap(st('まず[保存]する'), '**', '太字'))).toBe('まず**[保存]**する');
    expect(show(wrap(st('まず|する'), '**', '太字'))).toBe('まず**[太字]**する');
  });

  it('prefixes every selected line, numbers lists, replaces another prefix, and toggles off', () => {
    expect(show(prefixLines(st('前\n[一\n二\n三]\n後'), '- '))).toBe('前\n[- 一\n- 二\n- 三]\n後');
    expect(show(prefixLines(st('[一\n二]'), (n) => `${n}. `))).toBe('[1. 一\n2. 二]');
    expect(show(prefixLines(st('[- 一\n- 二]'), (n) => `${n}. `))).toBe('[1. 一\n2. 二]');
    expect(show(prefixLines(st('[## 見出し]'), '## '))).toBe('[見出し]');
    // A checklist: made from plain lines or a list, toggled off whether ticked or not, and a task
    // is not a plain list item (the list button makes it one, it does not leave [ ] behind).
    // (The whole text selected: its own brackets are the text's, not a selection's.)
    const all = (value: string): TextState => ({ value, start: 0, end: value.length });
    expect(prefixLines(all('起案\n- 決裁'), '- [ ] ').value).toBe('- [ ] 起案\n- [ ] 決裁');
    expect(prefixLines(all('- [ ] 起案\n- [x] 決裁'), '- [ ] ').value).toBe('起案\n決裁');
    expect(prefixLines(all('- [ ] 起案\n- [X] 決裁'), '- ').value).toBe('- 起案\n- 決裁');
    expect(prefixLines(all('- [x] 起案'), (n) => `${n}. `).value).toBe('1. 起案');
    expect(show(prefixLines(st('見|出し'), '## '))).toBe('[## 見出し]');
  });

  it('makes a link of the selection with the address selected', () => {
    expect(show(link(st('詳しくは[手順書]へ'), 'リンク'))).toBe('詳しくは[手順書]([https://])へ');
    expect(show(link(st('|'), '説明', true))).toBe('![説明]([https://])');
  });

  it('puts code blocks and tables on lines of their own', () => {
    expect(show(codeBlock(st('前の文|後の文'), 'vba'))).toBe('前の文\n\n```vba\n|\n```\n\n後の文');
    expect(show(codeBlock(st('[Sub A()\nEnd Sub]'), 'vba'))).toBe('```vba\n[Sub A()\nEnd Sub]\n```\n');
    const t = table(st('説明\n|'), 2, 3, (c) => `列${c}`);
    expect(show(t)).toBe('説明\n\n| [列1] | 列2 | 列3 |\n| --- | --- | --- |\n|  |  |  |\n|  |  |  |\n');
  });

  it('Tab moves between cells across rows, skipping the rule; outside a table it does nothing', () => {
    const t = '| 項目 | 値 |\n| --- | --- |\n| 件数 |  |\n';
    const at = (s: TextState | null) => (s ? show(s) : null);
    expect(at(moveCell({ value: t, start: 3, end: 3 }, false))).toBe('| 項目 | [値] |\n| --- | --- |\n| 件数 |  |\n');
    const second = moveCell({ value: t, start: 8, end: 8 }, false)!;
    expect(show(second)).toBe('| 項目 | 値 |\n| --- | --- |\n| [件数] |  |\n');
    const third = moveCell(second, false)!;
    expect(show(third)).toBe('| 項目 | 値 |\n| --- | --- |\n| 件数 | | |\n');
    expect(moveCell(third, false)).toBeNull();
    expect(show(moveCell(third, true)!)).toBe('| 項目 | 値 |\n| --- | --- |\n| [件数] |  |\n');
    expect(moveCell({ value: t, start: 2, end: 2 }, true)).toBeNull();
    expect(moveCell({ value: 'ふつうの文 | 縦棒', start: 3, end: 3 }, false)).toBeNull();
  });

  it('names code languages by what people type, and keeps an unknown one as typed', () => {
    expect(languageLabel('VBA')).toBe('VBA');
    expect(languageLabel('数式')).toBe('Excel 数式');
    expect(languageLabel('ps1')).toBe('PowerShell');
    expect(languageLabel('cobol')).toBe('cobol');
  });
});
