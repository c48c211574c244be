import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * `@username` in running text becomes a link to the person's page. It works on the parsed
 * tokens' text, so code spans, code blocks and link texts are left alone by construction (their
 * content never is a `text` token outside a link). Only ASCII login names can be mentioned
 * (`sato`, `t.sato`, `sato-h_2`); a mention must not follow a letter or digit, so `a@b` in prose
 * is no mention. Addresses linkify made into mailto links are links already and stay as they are.
 */
const MENTION_RE = /(^|[^\p{L}\p{N}_.@/+-])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?)(?![A-Za-z0-9@])/gu;

/** The class only mention links carry; user Markdown cannot set a class (`html: false`). */
export const MENTION_CLASS = 'mention';

export function mentionsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('mentions', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const out: Token[] = [];
      let inLink = 0;
      for (const t of block.children) {
        if (t.type === 'link_open') inLink++;
        if (t.type === 'link_close') inLink--;
        if (t.type !== 'text' || inLink > 0 || !t.content.includes('@')) {
          out.push(t);
          continue;
        }
        let last = 0;
        const text = t.content;
        for (const m of text.matchAll(MENTION_RE)) {
          const start = (m.index ?? 0) + m[1].length;
          if (start > last) out.push(textToken(state, text.slice(last, start), t.level));
          const open = new state.Token('link_open', 'a', 1);
          open.attrs = [['href', `/users/${encodeURIComponent(m[2])}`], ['class', MENTION_CLASS]];
          open.level = t.level;
          out.push(open, textToken(state, `@${m[2]}`, t.level + 1));
          const close = new state.Token('link_close', 'a', -1);
          close.level = t.level;
          out.push(close);
          last = start + 1 + m[2].length;
        }
        if (last === 0) out.push(t);
        else if (last < text.length) out.push(textToken(state, text.slice(last), t.level));
      }
      block.children = out;
    }
  });
}

function textToken(state: { Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token }, content: string, level: number): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  t.level = level;
  return t;
}

const MENTION_LINK_RE = /<a href="\/users\/([^"]+)" class="mention">/g;

/** Login names mentioned in HTML made by the one renderer, each once, in order of appearance. */
export function mentionedUsernames(html: string): string[] {
  const seen = new Set<string>();
  for (const m of html.matchAll(MENTION_LINK_RE)) {
    try {
      seen.add(decodeURIComponent(m[1]));
    } catch {
      // Not from the renderer; ignore.
    }
  }
  return [...seen];
}
