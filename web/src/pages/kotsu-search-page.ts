import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-award-badges';
import { KotsuElement } from '../components/kotsu-element';
import { searchTips, snippetParts, suggest, type SearchResult, type SearchSort, type TagCount } from '../data/search';
import { formatDate, formatNumber, msg } from '../i18n/catalogue';
import { link, setPageTitle } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

const PAGE_SIZE = 20;
const SORTS: SearchSort[] = ['relevance', 'new', 'popular'];

/**
 * /search?q=…&tag=…&sort=…&page=… — full-text results with highlighted snippets, tag facets to
 * narrow (with counts), order and paging. Everything is in the address, so a search can be
 * bookmarked and shared; every control is a plain link to another address.
 */
/** A 教えて request with the query filled in (the request form reads `ask`). */
const askHref = (q: string) => `/requests?ask=${encodeURIComponent(q.trim())}`;

@customElement('kotsu-search-page')
export class KotsuSearchPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .summary { margin: -0.5rem 0 1rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 1rem; }
    .sorts { display: flex; gap: 0.4rem; flex-wrap: wrap; }
    .sorts a[aria-current='page'] { background: var(--kotsu-primary); color: #fff; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.25rem; }
    @media (min-width: 860px) { .layout { grid-template-columns: minmax(0, 1fr) 15rem; } }
    ol.results { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    ol.results > li { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.75rem 1rem; }
    .title { font-weight: 700; font-size: 1.05rem; word-break: break-word; }
    .snippet { margin: 0.3rem 0; line-height: 1.7; word-break: break-word; }
    mark { background: #fff0a8; color: inherit; padding: 0 0.05em; border-radius: 2px; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; color: var(--kotsu-muted); font-size: 0.8125rem; }
    .meta a { color: inherit; }
    aside h2 { margin-top: 0; font-size: 1rem; }
    h2.partial { font-size: 1rem; margin: 1.25rem 0 0.5rem; color: var(--kotsu-muted); }
    .missing { margin: 0.25rem 0 0; font-size: 0.875rem; color: var(--kotsu-muted); }
    aside ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.3rem; }
    .facet { display: flex; justify-content: space-between; gap: 0.5rem; text-decoration: none; padding: 0.2rem 0.4rem; border-radius: 6px; }
    .facet:hover { background: #e8f0fa; }
    .active { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; }
    .chip { display: inline-flex; gap: 0.3rem; align-items: center; }
    .pages { display: flex; gap: 0.5rem; justify-content: center; margin-top: 1rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _result: SearchResult | null = null;
  @state() private _loading = false;
  @state() private _error = '';
  /** Tags close to a query that found nothing (from the suggestions' tags). */
  @state() private _closeTags: TagCount[] = [];
  private _abort: AbortController | null = null;

  private get q(): string { return this.query.get('q') ?? ''; }
  private get tags(): string[] { return this.query.getAll('tag').filter(Boolean); }
  private get sort(): SearchSort {
    const s = this.query.get('sort');
    return s === 'new' || s === 'popular' ? s : 'relevance';
  }
  /** `exact=1`: the query as typed, without a corrected query's results. */
  private get exact(): boolean { return this.query.get('exact') === '1'; }
  private get page(): number {
    const n = Number(this.query.get('page') ?? '1');
    return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const q = this.q;
    setPageTitle(() => (q ? msg('searchPage.titleFor', { q }) : msg('searchPage.title')));
    void this.load();
  }

  override disconnectedCallback(): void {
    this._abort?.abort();
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    if (!this.q.trim() && this.tags.length === 0) { this._result = null; return; }
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._loading = true;
    try {
      this._result = await searchTips({
        q: this.q, tag: this.tags, sort: this.sort, limit: PAGE_SIZE, offset: (this.page - 1) * PAGE_SIZE, facets: true,
        exact: this.exact,
      }, abort.signal);
      this._error = '';
      this._closeTags = this._result.total === 0 && this.q.trim()
        ? (await suggest(this.q, abort.signal)).tags.filter((t) => !this.tags.includes(t.name)) : [];
    } catch (err) {
      if (abort.signal.aborted) return;
      this._error = errorMessage(err);
    } finally {
      if (!abort.signal.aborted) this._loading = false;
    }
  }

  /** The address of this search with some parameters changed (page resets unless given). */
  private href(change: { q?: string; tags?: string[]; sort?: SearchSort; page?: number; exact?: boolean }): string {
    const p = new URLSearchParams();
    const q = change.q ?? this.q;
    if (q) p.set('q', q);
    if (change.exact ?? (change.q === undefined && this.exact)) p.set('exact', '1');
    for (const t of change.tags ?? this.tags) p.append('tag', t);
    const sort = change.sort ?? this.sort;
    if (sort !== 'relevance') p.set('sort', sort);
    if (change.page && change.page > 1) p.set('page', String(change.page));
    const s = p.toString();
    return `/search${s ? `?${s}` : ''}`;
  }

  private renderHit(hit: SearchResult['items'][number]) {
    return html`<li>
      <a class="title" href=${link('/tips/', hit.id)}>${hit.title}</a>
      <kotsu-award-badges .awards=${hit.awards}></kotsu-award-badges>
      <p class="snippet">${snippetParts(hit.snippet).map((part) => (part.mark ? html`<mark>${part.text}</mark>` : part.text))}</p>
      ${hit.missingWords?.length || hit.missing ? html`<p class="missing">${msg('searchPage.missing', { word: hit.missingWords?.join(msg('searchPage.missingJoin')) ?? hit.missing ?? '' })}</p>` : nothing}
      ${hit.tags.length ? html`<ul class="tags" aria-label=${msg('tip.tags')}>${hit.tags.map((t) => html`<li style="display:contents"><a class="tag" href=${link('/tags/', t)}>${t}</a></li>`)}</ul>` : nothing}
      <div class="meta">
        <a href=${link('/users/', hit.author.username)}>${msg('tip.by', { name: hit.author.displayName, department: hit.author.department || '—' })}</a>
        <span>${msg('tip.updated', { date: formatDate(hit.updatedAt) })}</span>
        <span>${msg('common.views', { n: formatNumber(hit.viewCount) })}</span>
        <span>${msg('common.likes', { n: formatNumber(hit.likeCount) })}</span>
      </div>
    </li>`;
  }

  private renderEmpty(r: SearchResult) {
    return html`<div class="card" role="status">
      <p>${this.q ? msg('searchPage.empty', { q: this.q }) : msg('searchPage.emptyFilters')}</p>
      ${r.didYouMean ? html`<p>${msg('searchPage.didYouMean')}<a href=${this.href({ q: r.didYouMean, page: 1 })}>${r.didYouMean}</a></p>` : nothing}
      ${this._closeTags.length ? html`<p>${msg('searchPage.closeTags')}: ${this._closeTags.map((t) => html`<a class="tag" href=${link('/tags/', t.name)}>${t.name}</a> `)}</p>` : nothing}
      <p class="muted">${msg('searchPage.hints')}</p>
      ${this.tags.length ? html`<p><a href=${this.href({ tags: [] })}>${msg('searchPage.removeTag', { name: this.tags.join('・') })}</a></p>` : nothing}
      ${this.q.trim() ? html`<p><a class="btn" href=${askHref(this.q)}>${msg('searchPage.ask')}</a></p>` : nothing}
    </div>`;
  }

  override render() {
    const r = this._result;
    const heading = this.q ? msg('searchPage.titleFor', { q: this.q }) : msg('searchPage.title');
    const from = (this.page - 1) * PAGE_SIZE;
    return html`
      <h1>${heading}</h1>
      <p class="muted summary">${msg('searchPage.help')}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${!this.q.trim() && this.tags.length === 0 ? html`<p>${msg('searchPage.prompt')}</p>` : nothing}
      ${this._loading && !r ? html`<p class="muted" role="status">${msg('common.loading')}</p>` : nothing}
      ${r ? html`
        <div class="bar">
          <p role="status" aria-live="polite">${r.total > 0
            ? msg('searchPage.range', { n: formatNumber(r.total), from: formatNumber(Math.min(r.total, from + 1)), to: formatNumber(Math.min(r.total, from + r.items.length)) })
            : msg('searchPage.count', { n: 0 })}</p>
          <nav class="sorts" aria-label=${msg('searchPage.sort')}>
            ${SORTS.map((s) => html`<a class="btn secondary" href=${this.href({ sort: s })} aria-current=${this.sort === s ? 'page' : 'false'}>${msg(s === 'relevance' ? 'searchPage.sortRelevance' : s === 'new' ? 'searchPage.sortNew' : 'searchPage.sortPopular')}</a>`)}
          </nav>
          ${this.tags.length ? html`<div class="active" aria-label=${msg('searchPage.filters')} role="group">
            ${this.tags.map((t) => html`<a class="tag chip" href=${this.href({ tags: this.tags.filter((x) => x !== t) })} aria-label=${msg('searchPage.removeTag', { name: t })}>${t} ✕</a>`)}
          </div>` : nothing}
        </div>
        ${r.correctedTo ? html`<p class="notice" role="status">${msg('searchPage.correctedTo', { q: r.correctedTo })}
          <a href=${this.href({ q: this.q, exact: true })}>${msg('searchPage.searchExact', { q: this.q })}</a></p>` : nothing}
        ${r.relaxed ? html`<p class="notice">${msg('searchPage.relaxed')}
          ${this.q.trim() ? html`<a href=${askHref(this.q)}>${msg('searchPage.ask')}</a>` : nothing}</p>` : nothing}
        <div class="layout">
          <section aria-label=${msg('searchPage.results')}>
            ${r.items.length ? html`<ol class="results">${r.items.map((hit) => this.renderHit(hit))}</ol>` : this.renderEmpty(r)}
            ${r.partial?.length ? html`<h2 class="partial" id="partial-heading">${msg('searchPage.partial')}</h2>
              <ol class="results" aria-labelledby="partial-heading">${r.partial.map((hit) => this.renderHit(hit))}</ol>` : nothing}
            ${r.total > PAGE_SIZE ? html`<nav class="pages" aria-label=${msg('searchPage.pages')}>
              ${this.page > 1 ? html`<a class="btn secondary" href=${this.href({ page: this.page - 1 })}>${msg('searchPage.prev')}</a>` : nothing}
              ${from + PAGE_SIZE < r.total ? html`<a class="btn secondary" href=${this.href({ page: this.page + 1 })}>${msg('searchPage.next')}</a>` : nothing}
            </nav>` : nothing}
          </section>
          ${r.facets?.length ? html`<aside>
            <h2>${msg('searchPage.facets')}</h2>
            <ul>${r.facets.filter((f) => !this.tags.some((t) => t.normalize('NFKC').toLowerCase() === f.name.normalize('NFKC').toLowerCase())).map((f) => html`<li>
              <a class="facet" href=${this.href({ tags: [...this.tags, f.name] })}><span>${f.name}</span><span class="muted">${formatNumber(f.count)}</span></a>
            </li>`)}</ul>
          </aside>` : nothing}
        </div>
      ` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-search-page': KotsuSearchPage;
  }
}
