import type MarkdownIt from 'markdown-it';
import type { RuleBlock } from 'markdown-it/lib/parser_block.mjs';

/**
 * A link reference definition (`[label]: destination`) is taken only when its destination is a
 * link: a scheme (`https:`, `mailto:`) or an address on this site (`/…`, `#…`, `?…`). CommonMark
 * takes any word as a destination, and a definition renders nothing: a Japanese writer's
 * 「[重要]: 月末までに提出」, 「[手順1]: ファイルを開く」 or 「[メモ]:」 line vanished from the tip and
 * its preview, and a footnote's text (`[^1]: 注`, from Qiita or esa) vanished while its mark became a
 * link to /tips/注. Such a line is now the paragraph it looks like. A relative address is never a
 * link a tip means (it would resolve under /tips/).
 */
const LINK_DESTINATION = /^(?:[a-z][a-z0-9+.-]*:|[/#?])/i;

export function definitionsAreLinksPlugin(md: MarkdownIt): void {
  // The rule itself is not exported under a typed path: taken from the ruler before it is replaced.
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: RuleBlock }[] }).__rules__;
  const reference = rules.find((r) => r.name === 'reference')!.fn;
  md.block.ruler.at('reference', (state, startLine, endLine, silent) => {
    const validate = state.md.validateLink;
    state.md.validateLink = (url) => LINK_DESTINATION.test(url) && validate(url);
    try {
      return reference(state, startLine, endLine, silent);
    } finally {
      state.md.validateLink = validate;
    }
  });
}
