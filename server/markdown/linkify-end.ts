import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Where an address typed in Japanese text ends. linkify takes every character up to a space into
 * the address, and Japanese puts none after it: 「詳細はhttps://example.lg.jp/aを参照」,
 * 「（https://example.lg.jp/a）」 and 「「https://…」」 linked …/aを参照, …/a） and …/a」, pages that do
 * not exist. An automatic link now ends before the first Japanese punctuation mark (、。「」（）：…),
 * hiragana or full-width form: an address copied from a browser holds them percent-encoded, and a
 * path written with them can be linked whole as <https://…> or [text](https://…).
 */
const ENDS_ADDRESS = /[\u3000-\u309f\uff00-\uffef]/;

export function linkifyEndPlugin(md: MarkdownIt): void {
  md.core.ruler.after('linkify', 'linkify_japanese_end', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const tokens = block.children;
      for (let i = 0; i + 2 < tokens.length; i++) {
        const [open, text, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
        if (open.type !== 'link_open' || open.markup !== 'linkify' || text.type !== 'text' || close.type !== 'link_close') continue;
        const cut = ENDS_ADDRESS.exec(text.content)?.index ?? -1;
        if (cut <= 0) continue;
        const shown = text.content.slice(0, cut);
        const href = open.attrGet('href') ?? '';
        // Fuzzy links (example.lg.jp/…, a@b.jp) got their scheme from linkify, not from the text.
        const scheme = /^[a-z][a-z0-9+.-]*:/i.test(shown) ? '' : /^mailto:/i.test(href) ? 'mailto:' : 'http://';
        const url = md.normalizeLink(scheme + shown);
        if (!md.validateLink(url)) continue;
        open.attrSet('href', url);
        const rest: Token = new state.Token('text', '', 0);
        rest.content = text.content.slice(cut);
        text.content = shown;
        tokens.splice(i + 3, 0, rest);
      }
    }
  });
}
