import { html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { msg } from '../i18n/catalogue';
import { markdownStyles } from '../styles/markdown';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/**
 * Shows HTML produced by the server's one safe Markdown renderer (markdown-it with raw HTML off
 * and links checked). Nothing else may be passed here: this is the app's only unsafeHTML.
 */
@customElement('kotsu-markdown')
export class KotsuMarkdown extends KotsuElement {
  static override styles = [sharedStyles, markdownStyles];

  /** Rendered HTML from the API (`post.html` or `/api/preview`). */
  @property({ attribute: false }) html = '';

  override render() {
    return html`<div class="md">${unsafeHTML(this.html)}</div>`;
  }

  /**
   * Code blocks and tables scroll sideways when wider than the page: make each one a named
   * group that takes keyboard focus, so it can be scrolled with the arrow keys (WCAG 2.1.1).
   * Done here rather than in the stored HTML so tips rendered before keep up, and the names
   * follow the reader's language. A group, not a region: tips hold many, landmarks must be few.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const root = this.renderRoot.querySelector('.md');
    if (!root) return;
    root.querySelectorAll('.table-wrap').forEach((el, i) => this.scroller(el, msg('md.table', { n: i + 1 })));
    root.querySelectorAll('pre').forEach((el, i) => {
      const lang = el.getAttribute('data-lang');
      this.scroller(el, lang ? msg('md.codeLang', { n: i + 1, lang }) : msg('md.code', { n: i + 1 }));
    });
  }

  private scroller(el: Element, label: string): void {
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', label);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-markdown': KotsuMarkdown;
  }
}
