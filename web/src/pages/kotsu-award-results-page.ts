import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import { PHASE_LABEL } from '../components/kotsu-tip-awards';
import { getResults, getRound, publishRound, type ResultItem, type Results, type ResultsVisibility, type Round } from '../data/awards';
import { ApiError } from '../data/http';
import { formatNumber, msg } from '../i18n/catalogue';
import { link, setPageTitle } from '../router/router';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { isNotFound, notFoundView } from '../shared/not-found';

/**
 * /awards/:id/results — nominations ranked by the weighted mean of the judges' scores, with
 * judge counts, ties marked, per-criterion means and (for the jury and administrators) the
 * judges' comments. Once a round is closed an administrator gives prizes here and publishes.
 */
@customElement('kotsu-award-results-page')
export class KotsuAwardResultsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--kotsu-surface); font-size: 0.875rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--kotsu-border); }
    th { background: #f1f4f8; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    /* The tip's title keeps a readable width on a phone; the table scrolls in its own box instead. */
    td.tip { min-width: 12em; }
    .tie { display: inline-block; margin-left: 0.3rem; padding: 0 0.4rem; border-radius: 999px; background: #fff3c4; color: #5c4300; font-size: 0.75rem; font-weight: 700; }
    td input { min-width: 8rem; }
    .comments { margin: 0.25rem 0 0; padding-left: 1rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
    fieldset.visibility { border: 1px solid var(--kotsu-border); border-radius: 6px; margin-top: 1rem; display: grid; gap: 0.35rem; }
    fieldset.visibility label { font-weight: 400; margin: 0; }
    h2 { font-size: 1.125rem; margin: 1.25rem 0 0.5rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _round: Round | null = null;
  @state() private _results: Results | null = null;
  @state() private _visibility: ResultsVisibility = 'winners';
  @state() private _prizes: Record<number, string> = {};
  @state() private _hidden = false;
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _notFound = false;
  @state() private _status = '';
  private readonly session = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async load(): Promise<void> {
    const id = Number(this.params.id);
    try {
      this._round = await getRound(id);
      const roundTitle = this._round.title;
      setPageTitle(() => `${msg('results.title')} — ${roundTitle}`);
      this._results = await getResults(id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) this._hidden = true;
      else if (isNotFound(err) && !this._round) this._notFound = true;
      else this.fail(err);
    }
  }

  private async publish(e: Event): Promise<void> {
    e.preventDefault();
    const round = this._round;
    const winners = Object.entries(this._prizes)
      .filter(([, prize]) => prize.trim())
      .map(([id, prize]) => ({ nominationId: Number(id), prize: prize.trim() }));
    if (!round || this._busy || winners.length === 0) return;
    const ok = await confirmAction({
      title: msg('results.publishTitle'),
      body: [msg('results.publishConfirm', { n: winners.length }),
        `${msg('results.visibility')}: ${msg(this._visibility === 'ranking' ? 'results.visibilityRanking' : 'results.visibilityWinners')}`],
      confirmLabel: msg('results.publish'),
    });
    if (ok === null || this._busy) return;
    this._busy = true;
    this._error = '';
    try {
      // Prizes go in rank order, which is also the order the showcase lists them in.
      const order = new Map((this._results?.items ?? []).map((it, i) => [it.nomination.id, i]));
      winners.sort((a, b) => (order.get(a.nominationId) ?? 0) - (order.get(b.nominationId) ?? 0));
      this._round = await publishRound(round.id, winners, this._visibility);
      this._results = await getResults(round.id);
      this._status = msg('results.published');
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  private renderTable(round: Round, category: string, items: ResultItem[], canPublish: boolean, insider: boolean) {
    const ranking = this._results?.shown === 'ranking';
    return html`<section aria-labelledby=${`cat-${category}`}>
      <h2 id=${`cat-${category}`}>${category}</h2>
      ${items.length === 0 ? html`<p class="muted">${msg('round.noNominations')}</p>` : html`<div class="scroll" tabindex="0" aria-labelledby=${`cat-${category}`}><table>
        <caption class="visually-hidden">${msg('results.title')} — ${category}</caption>
        <thead><tr>
          ${ranking ? html`<th class="num" scope="col">${msg('results.rank')}</th>` : nothing}
          <th scope="col">${msg('results.tip')}</th>
          ${ranking ? html`<th class="num" scope="col">${msg('results.score')}</th>
            <th class="num" scope="col">${msg('results.judges')}</th>
            ${round.criteria.map((c) => html`<th class="num" scope="col">${c.label}</th>`)}` : nothing}
          ${canPublish || round.phase === 'published' ? html`<th scope="col">${msg('results.prize')}</th>` : nothing}
        </tr></thead>
        <tbody>${items.map((it) => html`<tr>
          ${ranking ? html`<td class="num">${it.rank ?? '—'}${it.tied ? html`<span class="tie">${msg('results.tie')}</span>` : nothing}</td>` : nothing}
          <td class="tip"><a href=${link('/tips/', it.nomination.post.id)}>${it.nomination.post.title}</a>
            <div class="muted">${it.nomination.post.author.department || '—'} · ${it.nomination.post.author.displayName}</div>
            ${insider && it.comments.length ? html`<details><summary>${msg('results.comments', { n: it.comments.length })}</summary>
              <ul class="comments">${it.comments.map((c) => html`<li>${c.judge.displayName}: ${c.comment}</li>`)}</ul></details>` : nothing}</td>
          ${ranking ? html`<td class="num">${it.score === null ? '—' : formatNumber(it.score)}</td>
            <td class="num">${it.judgeCount}</td>
            ${round.criteria.map((c) => html`<td class="num">${it.judgeCount ? formatNumber(it.criteria[c.key]) : '—'}</td>`)}` : nothing}
          ${canPublish ? html`<td><label class="visually-hidden" for=${`prize-${it.nomination.id}`}>${msg('results.prizeFor', { title: it.nomination.post.title })}</label>
            <input id=${`prize-${it.nomination.id}`} type="text" maxlength="40" placeholder=${msg('results.prizeHint')}
              .value=${this._prizes[it.nomination.id] ?? ''}
              @input=${(e: Event) => { this._prizes = { ...this._prizes, [it.nomination.id]: (e.target as HTMLInputElement).value }; }}></td>`
            : round.phase === 'published' ? html`<td>${it.nomination.prize ?? ''}</td>` : nothing}
        </tr>`)}</tbody>
      </table></div>`}
    </section>`;
  }

  override render() {
    const round = this._round;
    if (this._notFound) return notFoundView({ href: '/awards', label: msg('awards.backToList') });
    if (!round) return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('common.loading')}</p>`;
    const admin = hasRole(this.session.user, 'admin');
    const canPublish = admin && round.phase === 'closed';
    const insider = admin || round.isJudge;
    const results = this._results;
    return html`
      <h1>${msg('results.title')} — ${round.title}</h1>
      <p class="muted">${msg(PHASE_LABEL[round.phase])}${results?.shown === 'ranking' ? html` · ${msg('results.explain', {
        criteria: round.criteria.map((c) => msg('round.criterion', { label: c.label, weight: c.weight })).join('、') })}` : nothing}</p>
      ${this._hidden ? html`<p class="notice">${msg(round.phase === 'nominating' || round.phase === 'scoring' ? 'results.hiddenWhileScoring' : 'results.hidden')}</p>` : nothing}
      ${round.phase !== 'published' && insider && !this._hidden ? html`<p class="notice">${msg('results.confidential')}</p>` : nothing}
      ${round.phase === 'published' && results?.shown === 'winners' ? html`<p class="muted">${msg('results.winnersOnly')}</p>` : nothing}
      ${this._status ? html`<p class="muted" role="status">${this._status}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._hidden || !results ? nothing : html`<form @submit=${(e: Event) => this.publish(e)}>
        ${results.categories.map((c) => this.renderTable(round, c.category, c.items, canPublish, insider))}
        ${results.categories.length === 0 ? html`<p class="muted">${msg('round.noNominations')}</p>` : nothing}
        ${canPublish ? html`<fieldset class="visibility">
            <legend>${msg('results.visibility')}</legend>
            <label><input type="radio" name="visibility" value="winners" .checked=${this._visibility === 'winners'}
              @change=${() => { this._visibility = 'winners'; }}> ${msg('results.visibilityWinners')}</label>
            <label><input type="radio" name="visibility" value="ranking" .checked=${this._visibility === 'ranking'}
              @change=${() => { this._visibility = 'ranking'; }}> ${msg('results.visibilityRanking')}</label>
          </fieldset>
          <div class="buttons"><button class="btn" type="submit" ?disabled=${this._busy || !Object.values(this._prizes).some((p) => p.trim())}>${msg('results.publish')}</button></div>` : nothing}
      </form>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-award-results-page': KotsuAwardResultsPage;
  }
}
