import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TipLink } from '../data/search';
import { msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/**
 * Up to five tips related to the tip shown (shared rare words and tags, published tips only), as
 * the tip page's answer carries them. Nothing is shown when there are none.
 */
@customElement('kotsu-related-tips')
export class KotsuRelatedTips extends KotsuElement {
  // The app's link colour and focus ring (sharedStyles), as every other link of the page.
  static override styles = [sharedStyles, css`
    :host { display: block; margin: 1.5rem 0; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    ul { margin: 0; padding-left: 1.2rem; display: grid; gap: 0.3rem; }
  `];

  /** From the tip page's one answer (GET /api/pages/tips/:id, `related`). */
  @property({ attribute: false }) items: readonly TipLink[] = [];

  override render() {
    if (this.items.length === 0) return nothing;
    return html`<section aria-labelledby="related-title">
      <h2 id="related-title">${msg('related.title')}</h2>
      <ul>${this.items.map((t) => html`<li><a href=${link('/tips/', t.id)}>${t.title}</a></li>`)}</ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-related-tips': KotsuRelatedTips;
  }
}
