import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-award-badges';
import { KotsuElement } from '../components/kotsu-element';
import { PHASE_LABEL } from '../components/kotsu-tip-awards';
import { allNominations, getRound, nominationCounts, type Nomination, type Round } from '../data/awards';
import { msg } from '../i18n/catalogue';
import { link, setPageTitle } from '../router/router';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { isNotFound, notFoundView } from '../shared/not-found';

/** /awards/:id — one round: its phase, criteria, jury, and the nominations by category. */
@customElement('kotsu-award-round-page')
export class KotsuAwardRoundPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .links { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.75rem 0; }
    ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.6rem; }
    .statement { white-space: pre-wrap; margin: 0.35rem 0 0; }
    .title { font-weight: 700; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _round: Round | null = null;
  @state() private _nominations: Nomination[] = [];
  @state() private _error = '';
  @state() private _notFound = false;
  private readonly session = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const id = Number(this.params.id);
    try {
      [this._round, this._nominations] = await Promise.all([getRound(id), allNominations(id)]);
      setPageTitle(this._round.title);
    } catch (err) {
      if (isNotFound(err)) this._notFound = true;
      else this._error = errorMessage(err);
    }
  }

  override render() {
    const r = this._round;
    if (this._notFound) return notFoundView({ href: '/awards', label: msg('awards.backToList') });
    if (!r) return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('common.loading')}</p>`;
    const admin = hasRole(this.session.user, 'admin');
    return html`
      <h1>${r.title}</h1>
      <dl class="card">
        <dt>${msg('round.phase')}</dt><dd>${msg(PHASE_LABEL[r.phase])}</dd>
        <dt>${msg('round.categories')}</dt><dd>${r.categories.join('・')}</dd>
        <dt>${msg('round.criteria')}</dt><dd>${r.criteria.map((c) => msg('round.criterion', { label: c.label, weight: c.weight })).join('、')}</dd>
        <dt>${msg('round.jury')}</dt><dd>${r.jury.map((j) => `${j.displayName}（${j.department || '—'}）`).join('、')}</dd>
      </dl>
      <div class="links">
        ${r.isJudge && r.phase === 'scoring' ? html`<a class="btn" href=${`/awards/${r.id}/judge`}>${msg('judge.title')}</a>` : nothing}
        ${r.phase === 'published' || r.isJudge || admin ? html`<a class="btn secondary" href=${`/awards/${r.id}/results`}>${msg('results.title')}</a>` : nothing}
        ${r.phase === 'published' ? html`<a class="btn secondary" href=${`/showcase?roundId=${r.id}`}>${msg('showcase.title')}</a>` : nothing}
      </div>
      ${r.phase === 'nominating' ? html`<p class="notice">${msg('round.howToNominate')}</p>` : nothing}
      ${r.categories.map((c) => {
        const items = this._nominations.filter((n) => n.category === c);
        return html`<section aria-labelledby=${`cat-${r.categories.indexOf(c)}`}>
          <h2 id=${`cat-${r.categories.indexOf(c)}`}>${c}（${items.length}）</h2>
          ${items.length ? html`<ol>${items.map((n) => html`<li class="card">
            <a class="title" href=${link('/tips/', n.post.id)}>${n.post.title}</a>
            ${nominationCounts(n.post.status) ? html`<kotsu-award-badges .awards=${n.post.awards ?? []}></kotsu-award-badges>` : nothing}
            <div class="muted">${msg('tip.by', { name: n.post.author.displayName, department: n.post.author.department || '—' })}
              · ${msg('nominate.by', { name: n.nominatedBy.displayName, department: n.nominatedBy.department || '—' })}</div>
            ${nominationCounts(n.post.status) ? nothing : html`<p class="notice">${msg('nominate.notCounted')}</p>`}
            <p class="statement">${n.statement}</p>
          </li>`)}</ol>` : html`<p class="muted">${msg('round.noNominations')}</p>`}
        </section>`;
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-award-round-page': KotsuAwardRoundPage;
  }
}
