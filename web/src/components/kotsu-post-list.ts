import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PostSummary } from '../data/types';
import { formatDate, formatNumber, msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import './kotsu-award-badges';
import { KotsuElement } from './kotsu-element';

/**
 * A list of tip summaries: title, tags, author with department, date and counts.
 * Slot `empty` replaces the default "no tips yet" line.
 */
@customElement('kotsu-post-list')
export class KotsuPostList extends KotsuElement {
  static override styles = [sharedStyles, css`
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    li { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.75rem 1rem; }
    .title { font-weight: 700; font-size: 1.05rem; text-decoration: none; word-break: break-word; }
    .title:hover { text-decoration: underline; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; color: var(--kotsu-muted); font-size: 0.8125rem; margin-top: 0.2rem; }
    .meta a { color: inherit; }
  `];

  @property({ attribute: false }) items: PostSummary[] = [];
  /** Shows the author line; off on an author's own page. */
  @property({ type: Boolean, attribute: 'hide-author' }) hideAuthor = false;

  override render() {
    if (this.items.length === 0) return html`<slot name="empty"><p class="muted">${msg('list.empty')}</p></slot>`;
    return html`<ol>${this.items.map((p) => html`
      <li>
        <a class="title" href=${link('/tips/', p.id)}>${p.title}</a>
        <kotsu-award-badges .awards=${p.awards}></kotsu-award-badges>
        ${p.tags.length ? html`<ul class="tags" aria-label=${msg('tip.tags')}>${p.tags.map((t) => html`<li style="display:contents"><a class="tag" href=${link('/tags/', t)}>${t}</a></li>`)}</ul>` : nothing}
        <div class="meta">
          ${this.hideAuthor ? nothing : html`<a href=${link('/users/', p.author.username)}>${msg('tip.by', { name: p.author.displayName, department: p.author.department || '—' })}</a>`}
          <span>${formatDate(p.createdAt)}</span>
          <span>${msg('common.views', { n: formatNumber(p.viewCount) })}</span>
          <span>${msg('common.likes', { n: formatNumber(p.likeCount) })}</span>
          ${p.commentCount ? html`<span>${msg('list.comments', { n: formatNumber(p.commentCount) })}</span>` : nothing}
        </div>
      </li>`)}</ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-post-list': KotsuPostList;
  }
}
