import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { medalIcon } from '../components/kotsu-award-badges';
import { KotsuElement } from '../components/kotsu-element';
import { getShowcase, type ShowcaseItem } from '../data/awards';
import { toHours } from '../data/impact';
import { formatDate, formatNumber, msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

interface Group { roundId: number; roundTitle: string; publishedAt: string; categories: Map<string, ShowcaseItem[]> }

/**
 * /showcase — DX賞 winners by round and category: the page a department head opens to decide
 * what to copy. Each case shows the prize, where it comes from, what it saved, and links to the tip.
 */
@customElement('kotsu-showcase-page')
export class KotsuShowcasePage extends KotsuElement {
  static override styles = [sharedStyles, css`
    ol { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.75rem; }
    li.card { display: flex; flex-direction: column; gap: 0.3rem; }
    .prize { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 700; color: #5c4300; }
    .title { font-weight: 700; font-size: 1.05rem; }
    .statement { white-space: pre-wrap; margin: 0; font-size: 0.9rem; }
    .effect { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; font-size: 0.875rem; background: #f1f7ee; border-radius: 6px; padding: 0.3rem 0.6rem; }
    h3 { margin: 1rem 0 0.5rem; font-size: 1rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: ShowcaseItem[] | null = null;
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const roundId = Number(this.query.get('roundId')) || undefined;
    try {
      this._items = (await getShowcase(roundId)).items;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private get groups(): Group[] {
    const out: Group[] = [];
    for (const it of this._items ?? []) {
      let g = out.find((x) => x.roundId === it.roundId);
      if (!g) out.push(g = { roundId: it.roundId, roundTitle: it.roundTitle, publishedAt: it.publishedAt, categories: new Map() });
      g.categories.set(it.category, [...(g.categories.get(it.category) ?? []), it]);
    }
    return out;
  }

  override render() {
    const filtered = this.query.get('roundId');
    return html`
      <h1>${msg('showcase.title')}</h1>
      <p class="muted">${msg('showcase.intro')}</p>
      ${filtered ? html`<p><a href="/showcase">${msg('showcase.all')}</a></p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._items === null && !this._error ? html`<p class="muted">${msg('common.loading')}</p>` : nothing}
      ${this._items?.length === 0 ? html`<p class="muted">${msg('showcase.empty')}</p>` : nothing}
      ${this.groups.map((g) => html`<section aria-labelledby=${`round-${g.roundId}`}>
        <h2 id=${`round-${g.roundId}`}>${g.roundTitle} <span class="muted">${msg('awards.publishedOn', { date: formatDate(g.publishedAt) })}</span></h2>
        ${[...g.categories].map(([category, items]) => html`<h3>${category}</h3>
          <ol>${items.map((it) => html`<li class="card">
            <span class="prize">${medalIcon}${it.prize}</span>
            <a class="title" href=${link('/tips/', it.post.id)}>${it.post.title}</a>
            <span class="muted">${msg('showcase.from', { department: it.department || '—', name: it.post.author.displayName })}</span>
            <p class="statement">${it.statement}</p>
            <div class="effect" aria-label=${msg('showcase.effect')}>
              ${it.effect.minutesSavedPerUse != null ? html`<span>${msg('impact.estimate', { m: formatNumber(it.effect.minutesSavedPerUse) })}</span>` : nothing}
              <span>${msg('showcase.adoptions', { n: formatNumber(it.effect.adoptions) })}</span>
              <span>${msg('showcase.saved', { h: formatNumber(toHours(it.effect.minutesSavedPerMonth)) })}</span>
            </div>
          </li>`)}</ol>`)}
      </section>`)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-showcase-page': KotsuShowcasePage;
  }
}
