import { css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AwardBadge } from '../data/awards';
import { msg } from '../i18n/catalogue';
import { KotsuElement } from './kotsu-element';

/** The medal drawn by the app (no image files, no external assets). */
export const medalIcon = svg`<svg class="medal" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
  <path d="M4 1h3l1 4-2 1zM12 1H9L8 5l2 1z" fill="#b8860b"/><circle cx="8" cy="10.5" r="4.5" fill="#d4a017"/>
  <circle cx="8" cy="10.5" r="3" fill="#f3d36b"/></svg>`;

/**
 * DX賞 badges of a tip (`awards` from the post object or a summary): one per prize won, each
 * linking to that round on the showcase. Renders nothing for a tip without awards.
 */
@customElement('kotsu-award-badges')
export class KotsuAwardBadges extends KotsuElement {
  static override styles = css`
    :host { display: contents; }
    ul { display: inline-flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; margin: 0.25rem 0; padding: 0; }
    a {
      display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.05rem 0.6rem; border-radius: 999px;
      background: #fff3c4; border: 1px solid #d4a017; color: #5c4300; font-size: 0.8125rem; font-weight: 700;
      text-decoration: none; line-height: 1.7;
    }
    a:hover { background: #ffe98a; }
    a:focus-visible { outline: 3px solid var(--kotsu-focus, #b35c00); outline-offset: 2px; }
  `;

  @property({ attribute: false }) awards: AwardBadge[] | undefined = [];

  override render() {
    const awards = this.awards ?? [];
    if (awards.length === 0) return nothing;
    return html`<ul class="award-badges" aria-label=${msg('award.badges')}>${awards.map((a) => html`
      <li><a href=${`/showcase?roundId=${a.roundId}`}>${medalIcon}${msg('award.badge', { round: a.roundTitle, prize: a.prize })}</a></li>`)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-award-badges': KotsuAwardBadges;
  }
}
