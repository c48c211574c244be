import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
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
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-markdown': KotsuMarkdown;
  }
}
