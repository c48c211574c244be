import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * GitHub-style task lists: a list item that begins `[ ] ` or `[x] ` shows a checkbox, ticked or
 * not, that a reader cannot change (a procedure's checklist: 決裁前の確認 — [x] 起案 [ ] 供覧),
 * the item's first paragraph wrapped in a <label> with it.
 * A token rule of our own: the npm plugins for it build the box as HTML text, one of them pastes
 * the item's text unescaped into a <label> (`label: true`) and keeps its options in module state,
 * and its maintained fork imports a path markdown-it 14 no longer has. Here the box's HTML is a
 * constant; the item's text stays the inline tokens markdown-it escapes, between two constant tags.
 */
/**
 * The marker: a bracket pair holding a space or x, then a space. As GFM, a space is any blank
 * (space, tab), and as the item text after it, the full-width forms an IME types are the same
 * marker: ［ ］, ［ｘ］, a full-width space inside or after (- [　]　申請).
 */
const MARK = /^[[［]([ \t\u3000xXｘＸ])[\]］][ \t\u3000]/u;
const UNTICKED = /^[ \t\u3000]$/u;
const BOX = '<input class="task-list-item-checkbox" type="checkbox" disabled>';
const TICKED = '<input class="task-list-item-checkbox" type="checkbox" checked disabled>';

export function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'task_lists', (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      // The first paragraph of a list item: list_item_open, paragraph_open, inline.
      if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue;
      const first = inline.children?.[0];
      const mark = first?.type === 'text' ? MARK.exec(first.content) : null;
      if (!first || !mark) continue;
      first.content = first.content.slice(mark[0].length);
      // The item's first paragraph labels its box (a form control needs a name: WCAG 4.1.2).
      const markup = (html: string) => Object.assign(new state.Token('html_inline', '', 0), { content: html });
      inline.children = [markup(`<label class="task-list-item-label">${UNTICKED.test(mark[1]) ? BOX : TICKED}`), ...inline.children!, markup('</label>')];
      addClass(tokens[i - 2], 'task-list-item');
      const list = listOpening(tokens, i - 2);
      if (list) addClass(list, 'contains-task-list');
    }
  });
}

function addClass(token: Token, name: string): void {
  if (!(token.attrGet('class') ?? '').split(' ').includes(name)) token.attrJoin('class', name);
}

/** The bullet_list_open or ordered_list_open of the list item at `item`. */
function listOpening(tokens: Token[], item: number): Token | null {
  for (let i = item - 1; i >= 0; i--) {
    if (tokens[i].level === tokens[item].level - 1) return /_list_open$/.test(tokens[i].type) ? tokens[i] : null;
  }
  return null;
}
