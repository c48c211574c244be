import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../data/http';
import { REPORT_REASONS, reportPost, type ReportReason } from '../data/moderation';
import { msg, type MessageKey } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { errorMessage } from '../i18n/error-message';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

const REASON_LABEL: Record<ReportReason, MessageKey> = {
  spam: 'report.reason.spam',
  incorrect: 'report.reason.incorrect',
  outdated: 'report.reason.outdated',
  inappropriate: 'report.reason.inappropriate',
  other: 'report.reason.other',
};

/**
 * "Report a problem" on a tip: a button that opens a modal dialog with the reason and an
 * optional comment. Once sent (or when the member already has an open report on this tip) it
 * says so instead of offering the button again.
 */
@customElement('kotsu-report-dialog')
export class KotsuReportDialog extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: inline-block; }
    dialog { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1.25rem 1.5rem; width: min(32rem, calc(100vw - 2rem)); }
    dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
    fieldset { border: none; margin: 0; padding: 0; }
    legend { font-weight: 600; margin: 0.5rem 0 0.25rem; padding: 0; }
    .choice { display: flex; align-items: center; gap: 0.5rem; font-weight: normal; margin: 0.3rem 0; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
    h2 { margin-top: 0; }
    .status { color: var(--kotsu-muted); font-size: 0.875rem; }
  `];

  @property({ type: Number, attribute: 'post-id' }) postId = 0;
  /** The member already has an open report on this tip (the tip page knows it). */
  @property({ attribute: false }) pending = false;
  @state() private _reason: ReportReason | null = null;
  @state() private _comment = '';
  @state() private _sending = false;
  @state() private _error = '';
  /** 'received' just now, 'pending' from before, or '' when the member may report. */
  @state() private _done: '' | 'received' | 'pending' = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('pending') && this.pending && !this._done) this._done = 'pending';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private open(): void {
    this._error = '';
    this.dialog?.showModal();
  }

  private close(): void {
    this.dialog?.close();
    this.renderRoot.querySelector<HTMLButtonElement>('.open')?.focus();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this._reason || this._sending || charactersOver(this._comment.trim(), LIMITS.reportComment)) return;
    this._sending = true;
    this._error = '';
    try {
      await reportPost(this.postId, this._reason, this._comment.trim());
      this.dialog?.close();
      this._done = 'received';
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        this.dialog?.close();
        this._done = 'pending';
      } else {
        this._error = errorMessage(err);
      }
    } finally {
      this._sending = false;
    }
  }

  override render() {
    if (this._done) {
      return html`<p class="status" role="status">${msg(this._done === 'received' ? 'report.received' : 'report.already')}</p>`;
    }
    return html`
      <button class="btn secondary open" type="button" aria-haspopup="dialog" @click=${() => this.open()}>${msg('report.open')}</button>
      <dialog aria-labelledby="report-title" @close=${() => { this._error = ''; }}>
        <form @submit=${(e: Event) => this.submit(e)}>
          <h2 id="report-title">${msg('report.title')}</h2>
          <p class="muted">${msg('report.intro')}</p>
          <fieldset>
            <legend>${msg('report.reason')}</legend>
            ${REPORT_REASONS.map((r) => html`
              <label class="choice"><input type="radio" name="reason" value=${r} required .checked=${this._reason === r}
                @change=${() => { this._reason = r; }}> ${msg(REASON_LABEL[r])}</label>`)}
          </fieldset>
          <label for="report-comment">${msg('report.comment')}</label>
          <textarea id="report-comment" rows="4" .value=${this._comment}
            @input=${(e: Event) => { this._comment = (e.target as HTMLTextAreaElement).value; }}></textarea>
          ${lengthNotice(this._comment.trim(), LIMITS.reportComment)}
          ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
          <div class="buttons">
            <button class="btn secondary" type="button" @click=${() => this.close()}>${msg('common.cancel')}</button>
            <button class="btn" type="submit" ?disabled=${this._sending || !this._reason || charactersOver(this._comment.trim(), LIMITS.reportComment) > 0}>${msg('report.submit')}</button>
          </div>
        </form>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-report-dialog': KotsuReportDialog;
  }
}
