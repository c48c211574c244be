import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { nominate, nominationCounts, postNominations, type PostNomination, type Round } from '../data/awards';
import type { TipPage } from '../data/pages';
import { ApiError } from '../data/http';
import type { Post } from '../data/types';
import { msg, type MessageKey } from '../i18n/catalogue';
import { SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import './kotsu-award-badges';
import { errorMessage } from '../i18n/error-message';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

export const PHASE_LABEL: Record<Round['phase'], MessageKey> = {
  nominating: 'award.phase.nominating', scoring: 'award.phase.scoring', closed: 'award.phase.closed', published: 'award.phase.published',
};

/**
 * DX賞 on a tip page: the tip's award badges, its nominations (round, category, statement,
 * nominator), and a "DX賞に推薦" button opening a dialog while any round takes nominations.
 * The nominations and the open rounds come with the tip page.
 */
@customElement('kotsu-tip-awards')
export class KotsuTipAwards extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 1rem; }
    .nominations { list-style: none; margin: 0.5rem 0; padding: 0; display: grid; gap: 0.5rem; }
    .nominations li { background: #fffaf0; border: 1px solid #e6c66e; border-radius: var(--kotsu-radius); padding: 0.6rem 0.9rem; }
    .statement { margin: 0.25rem 0 0; white-space: pre-wrap; }
    .nominations li.not-counted { background: var(--kotsu-surface); border-color: var(--kotsu-border); }
    dialog { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1.25rem 1.5rem; width: min(34rem, calc(100vw - 2rem)); }
    dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
    dialog h2 { margin-top: 0; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
    textarea { font-family: var(--kotsu-font); }
  `];

  @property({ attribute: false }) post: Post | null = null;
  /**
   * The tip's nominations as the tip page loaded them. The page sets it again each time it draws
   * (a counted view, a copied link), so what this part learns later lives in `_nominations`.
   */
  @property({ attribute: false }) nominations: PostNomination[] = [];
  @state() private _nominations: PostNomination[] = [];
  /** Rounds taking nominations. */
  @property({ attribute: false }) rounds: TipPage['nominatingRounds'] = [];
  @state() private _roundId = 0;
  @state() private _category = '';
  @state() private _statement = '';
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _done = '';
  private readonly session = new SessionController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('nominations')) this._nominations = this.nominations;
  }

  /** After nominating: the tip's nominations as they are now. */
  private async reload(): Promise<void> {
    if (!this.post) return;
    try {
      this._nominations = (await postNominations(this.post.id)).items;
    } catch {
      // The nomination was taken (the server said so); only the list could not be refreshed.
    }
  }

  /** Rounds still taking nominations in which this tip is not yet nominated. */
  private get available(): TipPage['nominatingRounds'] {
    const taken = new Set(this._nominations.map((n) => n.roundId));
    return this.rounds.filter((r) => !taken.has(r.id));
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private openDialog(): void {
    const first = this.available[0];
    this._roundId = first?.id ?? 0;
    this._category = first?.categories[0] ?? '';
    this._statement = '';
    this._error = '';
    this.dialog?.showModal();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.post || this._busy || !this._statement.trim() || charactersOver(this._statement.trim(), LIMITS.statement)) return;
    this._busy = true;
    this._error = '';
    try {
      await nominate(this._roundId, { postId: this.post.id, category: this._category, statement: this._statement.trim() });
      this.dialog?.close();
      this._done = msg('nominate.done');
      await this.reload();
    } catch (err) {
      this._error = err instanceof ApiError && err.status === 409 ? msg('nominate.already')
        : errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const p = this.post;
    if (!p || !this.session.user) return nothing;
    // A hidden tip's nominations do not count (its author and staff still read it): marked so, without its prizes.
    const counted = nominationCounts(p.status);
    const available = counted ? this.available : [];
    const round = available.find((r) => r.id === this._roundId) ?? available[0];
    if (!p.awards?.length && this._nominations.length === 0 && available.length === 0 && !this._done) return nothing;
    return html`
      <section aria-labelledby="dx-heading">
        <h2 id="dx-heading">${msg('award.sectionTitle')}</h2>
        ${counted ? html`<kotsu-award-badges .awards=${p.awards ?? []}></kotsu-award-badges>` : nothing}
        ${this._nominations.length ? html`<ul class="nominations">${this._nominations.map((n) => html`<li class=${counted ? '' : 'not-counted'}>
          <div><strong>${msg('nominate.shown', { round: n.roundTitle, category: n.category })}</strong>
            <span class="muted">（${msg(PHASE_LABEL[n.phase])}）</span></div>
          ${counted ? nothing : html`<p class="notice">${msg('nominate.notCounted')}</p>`}
          <div class="muted">${msg('nominate.by', { name: n.nominatedBy.displayName, department: n.nominatedBy.department || '—' })}</div>
          <p class="statement">${n.statement}</p>
          <a href=${`/awards/${n.roundId}`}>${msg('nominate.seeRound')}</a>
        </li>`)}</ul>` : nothing}
        ${available.length ? html`<button class="btn secondary" type="button" aria-haspopup="dialog" @click=${() => this.openDialog()}>${msg('nominate.open')}</button>` : nothing}
        ${this._done ? html`<p class="muted" role="status">${this._done}</p>` : nothing}
      </section>
      ${available.length ? html`<dialog aria-labelledby="nominate-title">
        <form @submit=${(e: Event) => this.submit(e)}>
          <h2 id="nominate-title">${msg('nominate.title')}</h2>
          <p class="muted">${msg('nominate.intro')}</p>
          ${available.length > 1 ? html`<label for="nominate-round">${msg('nominate.round')}</label>
            <select id="nominate-round" @change=${(e: Event) => {
              this._roundId = Number((e.target as HTMLSelectElement).value);
              this._category = this.available.find((r) => r.id === this._roundId)?.categories[0] ?? '';
            }}>${available.map((r) => html`<option value=${r.id} ?selected=${r.id === round?.id}>${r.title}</option>`)}</select>`
            : html`<p><strong>${round?.title}</strong></p>`}
          <label for="nominate-category">${msg('nominate.category')}</label>
          <select id="nominate-category" @change=${(e: Event) => { this._category = (e.target as HTMLSelectElement).value; }}>
            ${(round?.categories ?? []).map((c) => html`<option value=${c} ?selected=${c === this._category}>${c}</option>`)}
          </select>
          <label for="nominate-statement">${msg('nominate.statement')}</label>
          <textarea id="nominate-statement" rows="5" required placeholder=${msg('nominate.statementHint')}
            .value=${this._statement} @input=${(e: Event) => { this._statement = (e.target as HTMLTextAreaElement).value; }}></textarea>
          ${lengthNotice(this._statement.trim(), LIMITS.statement)}
          ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
          <div class="buttons">
            <button class="btn secondary" type="button" @click=${() => this.dialog?.close()}>${msg('common.cancel')}</button>
            <button class="btn" type="submit" ?disabled=${this._busy || !this._statement.trim() || charactersOver(this._statement.trim(), LIMITS.statement) > 0}>${msg('nominate.submit')}</button>
          </div>
        </form>
      </dialog>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tip-awards': KotsuTipAwards;
  }
}
