import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { adopt, getAdoptions, setMinutesSavedPerUse, toHours, withdrawAdoption, type PostAdoptions } from '../data/impact';
import type { Post } from '../data/types';
import { formatNumber, msg } from '../i18n/catalogue';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { errorMessage } from '../i18n/error-message';
import { firePostChanged } from './post-changed';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

/** The most minutes a month can save, as the server checks (31 days × 24 h). */
const MONTH_MINUTES = 44_640;

/**
 * The effect of a tip on its page: the author's estimate of minutes saved per use (which the
 * author can set here), how many colleagues put it to use and the minutes per month they save,
 * and the "使ってみた" button that reports (or corrects, or withdraws) one's own adoption.
 * A saved estimate goes to the tip page as `kotsu-post-changed` (the page owns the tip).
 */
@customElement('kotsu-tip-impact')
export class KotsuTipImpact extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 1rem; }
    .figures { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; align-items: baseline; }
    .figures strong { font-size: 1.1rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin-top: 0.5rem; }
    .row input { width: 8rem; }
    .recent { list-style: none; padding: 0; margin: 0.5rem 0 0; font-size: 0.875rem; }
    .recent li { padding: 0.15rem 0; }
    dialog { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1.25rem 1.5rem; width: min(30rem, calc(100vw - 2rem)); }
    dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
    dialog h2 { margin-top: 0; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
    textarea { font-family: var(--kotsu-font); }
    .estimate label { margin: 0; }
    .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0 0.75rem; }
    .pair input { width: 100%; }
    .derived { font-weight: 700; margin: 0.5rem 0; }
  `];

  @property({ attribute: false }) post: Post | null = null;
  /** The tip's adoptions as the tip page received them. */
  @property({ attribute: false }) adoptions: PostAdoptions | null = null;
  @state() private _data: PostAdoptions | null = null;
  @state() private _uses = '';
  @state() private _perUse = '';
  @state() private _note = '';
  @state() private _estimate = '';
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _done = '';
  private readonly session = new SessionController(this);
  private _shownFor = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('adoptions')) this._data = this.adoptions;
    if (this.post && this.post.id !== this._shownFor) {
      this._shownFor = this.post.id;
      this._estimate = this.post.minutesSavedPerUse == null ? '' : String(this.post.minutesSavedPerUse);
    }
  }

  /** After withdrawing: the adoptions as they are now. */
  private async load(): Promise<void> {
    if (!this.post) return;
    try {
      this._data = await getAdoptions(this.post.id);
    } catch {
      this._data = null;
    }
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private openDialog(): void {
    const mine = this._data?.mine;
    const estimate = this.post?.minutesSavedPerUse;
    this._uses = mine?.usesPerMonth != null ? String(mine.usesPerMonth) : '';
    // Minutes per use: the adopter's own figure, else the author's estimate to start from.
    this._perUse = mine?.minutesSavedPerUse != null ? String(mine.minutesSavedPerUse) : estimate != null ? String(estimate) : '';
    this._note = mine?.note ?? '';
    this._error = '';
    this.dialog?.showModal();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const figures = this.figures();
    if (!this.post || this._busy || !figures || charactersOver(this._note.trim(), LIMITS.adoptionNote)) return;
    this._busy = true;
    this._error = '';
    try {
      this._data = await adopt(this.post.id, figures.uses, figures.perUse, this._note.trim());
      this.dialog?.close();
      this._done = msg('adopt.done');
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  /** The two figures the adopter typed, when both are whole numbers ≥ 0, and the minutes a month they make. */
  private figures(): { uses: number; perUse: number; minutes: number } | null {
    const whole = (v: string) => (v.trim() !== '' && Number.isInteger(Number(v)) && Number(v) >= 0 ? Number(v) : null);
    const uses = whole(this._uses);
    const perUse = whole(this._perUse);
    return uses === null || perUse === null ? null : { uses, perUse, minutes: uses * perUse };
  }

  private async withdraw(): Promise<void> {
    if (!this.post || this._busy) return;
    this._busy = true;
    try {
      await withdrawAdoption(this.post.id);
      this.dialog?.close();
      this._done = msg('adopt.withdrawn');
      await this.load();
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  private async saveEstimate(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.post || this._busy) return;
    const value = this._estimate.trim() === '' ? null : Number(this._estimate);
    if (value !== null && (!Number.isInteger(value) || value < 0)) return;
    this._busy = true;
    this._error = '';
    try {
      const saved = await setMinutesSavedPerUse(this.post.id, value);
      firePostChanged(this, { ...this.post, minutesSavedPerUse: saved.minutesSavedPerUse });
      this._done = msg('impact.estimateSaved');
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const user = this.session.user;
    const p = this.post;
    const d = this._data;
    if (!user || !p || !d) return nothing;
    const isAuthor = user.id === p.author.id;
    const canEstimate = isAuthor || hasRole(user, 'moderator');
    const figures = this.figures();
    const tooMuch = figures !== null && figures.minutes > MONTH_MINUTES;
    return html`
      <section class="card" aria-labelledby="impact-heading">
        <h2 id="impact-heading" style="margin-top:0">${msg('impact.tipTitle')}</h2>
        <div class="figures">
          <span>${msg('impact.adoptedBy')} <strong class="adoption-count">${msg('impact.count', { n: formatNumber(d.adoptions) })}</strong></span>
          <span>${msg('impact.savedPerMonth')} <strong>${msg('impact.hours', { h: formatNumber(toHours(d.minutesSavedPerMonth)) })}</strong>
            <span class="muted">${msg('impact.minutesPerMonth', { m: formatNumber(d.minutesSavedPerMonth) })}</span></span>
          ${p.minutesSavedPerUse != null ? html`<span class="muted">${msg('impact.estimate', { m: formatNumber(p.minutesSavedPerUse) })}</span>` : nothing}
        </div>
        ${d.recent.length ? html`<ul class="recent" aria-label=${msg('impact.recent')}>${d.recent.map((a) => html`<li>
          ${a.usesPerMonth != null && a.minutesSavedPerUse != null
            ? msg('impact.recentItemUses', { department: a.department || '—', name: a.user.displayName, u: formatNumber(a.usesPerMonth),
              p: formatNumber(a.minutesSavedPerUse), m: formatNumber(a.minutesSavedPerMonth) })
            : msg('impact.recentItem', { department: a.department || '—', name: a.user.displayName, m: formatNumber(a.minutesSavedPerMonth) })}
          ${a.note ? html`<span class="muted"> — ${a.note}</span>` : nothing}</li>`)}</ul>` : nothing}
        ${!isAuthor && p.status === 'published' ? html`<div class="row">
          <button class="btn" type="button" aria-haspopup="dialog" @click=${() => this.openDialog()}>
            ${d.mine ? msg('adopt.edit') : msg('adopt.open')}</button>
          ${d.mine ? html`<span class="muted mine">${d.mine.usesPerMonth != null && d.mine.minutesSavedPerUse != null
            ? msg('adopt.mineUses', { u: formatNumber(d.mine.usesPerMonth), p: formatNumber(d.mine.minutesSavedPerUse), m: formatNumber(d.mine.minutesSavedPerMonth) })
            : msg('adopt.mine', { m: formatNumber(d.mine.minutesSavedPerMonth) })}</span>` : nothing}
        </div>` : nothing}
        ${canEstimate ? html`<form class="row estimate" @submit=${(e: Event) => this.saveEstimate(e)}>
          <div><label for="estimate">${msg('impact.estimateLabel')}</label>
          <input id="estimate" type="number" min="0" max="1440" step="1" inputmode="numeric" .value=${this._estimate}
            @input=${(e: Event) => { this._estimate = (e.target as HTMLInputElement).value; }}></div>
          <button class="btn secondary" type="submit" ?disabled=${this._busy}>${msg('common.save')}</button>
        </form>` : nothing}
        ${this._done ? html`<p class="muted" role="status">${this._done}</p>` : nothing}
        ${this._error && !this.dialog?.open ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      </section>
      ${!isAuthor ? html`<dialog aria-labelledby="adopt-title">
        <form @submit=${(e: Event) => this.submit(e)}>
          <h2 id="adopt-title">${msg('adopt.title')}</h2>
          <p class="muted">${msg('adopt.intro')}</p>
          <div class="pair">
            <div><label for="adopt-uses">${msg('adopt.uses')}</label>
            <input id="adopt-uses" type="number" min="0" max="1000" step="1" inputmode="numeric" required .value=${this._uses}
              @input=${(e: Event) => { this._uses = (e.target as HTMLInputElement).value; }}></div>
            <div><label for="adopt-per-use">${msg('adopt.perUse')}</label>
            <input id="adopt-per-use" type="number" min="0" max="1440" step="1" inputmode="numeric" required .value=${this._perUse}
              aria-describedby="adopt-per-use-hint"
              @input=${(e: Event) => { this._perUse = (e.target as HTMLInputElement).value; }}></div>
          </div>
          <p class="muted" id="adopt-per-use-hint">${p.minutesSavedPerUse != null
            ? msg('adopt.perUseHint', { m: formatNumber(p.minutesSavedPerUse) }) : msg('adopt.perUseNoEstimate')}</p>
          <p class="derived" role="status">${figures
            ? msg('adopt.derived', { m: formatNumber(figures.minutes), h: formatNumber(toHours(figures.minutes)) }) : msg('adopt.derivedEmpty')}</p>
          ${tooMuch ? html`<p class="error">${msg('reason.adoption_too_much', { max: formatNumber(MONTH_MINUTES) })}</p>` : nothing}
          <label for="adopt-note">${msg('adopt.note')}</label>
          <textarea id="adopt-note" rows="3" .value=${this._note}
            @input=${(e: Event) => { this._note = (e.target as HTMLTextAreaElement).value; }}></textarea>
          ${lengthNotice(this._note.trim(), LIMITS.adoptionNote)}
          ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
          <div class="buttons">
            ${d.mine ? html`<button class="btn danger" type="button" @click=${() => this.withdraw()}>${msg('adopt.withdraw')}</button>` : nothing}
            <button class="btn secondary" type="button" @click=${() => this.dialog?.close()}>${msg('common.cancel')}</button>
            <button class="btn" type="submit" ?disabled=${this._busy || !figures || tooMuch || charactersOver(this._note.trim(), LIMITS.adoptionNote) > 0}>${msg('adopt.submit')}</button>
          </div>
        </form>
      </dialog>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tip-impact': KotsuTipImpact;
  }
}
