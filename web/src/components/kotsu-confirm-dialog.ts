import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorMessage } from '../i18n/error-message';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { charactersOver, lengthNotice } from '../shared/length-limit';

export interface ConfirmOptions {
  title: string;
  /** What will happen, one paragraph per entry: the dialog says it before anything changes. */
  body: string[];
  confirmLabel: string;
  danger?: boolean;
  /** Ask for a reason (required) — e.g. the note a hidden tip's author is told; `max`: the server's limit on it. */
  reason?: { label: string; value?: string; max: number };
  /**
   * Runs when confirmed, with the reason typed. The dialog stays open while it runs; if it
   * throws, the error shows in the dialog, to try again or cancel.
   */
  action?: (reason: string) => Promise<void>;
}

/**
 * The one confirmation dialog for actions that change other people's things (roles,
 * suspensions, hiding tips and comments, resolving reports, merging tags): a modal `<dialog>`
 * that names the action, says what will happen and, when asked, takes a reason. Focus starts on
 * the reason or on Cancel, so no single keypress confirms; Escape cancels; focus goes back to
 * where it was. Open it with `confirmAction()`.
 */
@customElement('kotsu-confirm-dialog')
export class KotsuConfirmDialog extends KotsuElement {
  static override styles = [sharedStyles, css`
    dialog { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1.25rem 1.5rem; width: min(34rem, calc(100vw - 2rem)); color: var(--kotsu-text); }
    dialog::backdrop { background: rgb(0 0 0 / 40%); }
    h2 { margin-top: 0; word-break: break-word; }
    p.body { margin: 0 0 0.5rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
  `];

  @state() private _options: ConfirmOptions | null = null;
  @state() private _reason = '';
  @state() private _busy = false;
  @state() private _error = '';
  private _resolve: ((reason: string | null) => void) | null = null;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Shows the dialog; resolves with the reason ('' when none was asked) once done, or null if cancelled. */
  async open(options: ConfirmOptions): Promise<string | null> {
    this._options = options;
    this._reason = options.reason?.value ?? '';
    this._error = '';
    this._busy = false;
    await this.updateComplete;
    const dialog = this.dialog!;
    dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>(options.reason ? 'textarea' : 'button.cancel')?.focus();
    return new Promise((resolve) => { this._resolve = resolve; });
  }

  private finish(result: string | null): void {
    this.dialog?.close();
    const resolve = this._resolve;
    this._resolve = null;
    resolve?.(result);
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const o = this._options;
    if (!o || this._busy) return;
    const reason = this._reason.trim();
    if (o.reason && !reason) {
      this._error = msg('dialog.reasonRequired');
      return;
    }
    if (o.reason && charactersOver(reason, o.reason.max)) return;
    if (!o.action) {
      this.finish(reason);
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      await o.action(reason);
      this.finish(reason);
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  private onCancel(e: Event): void {
    e.preventDefault(); // Escape: close through finish(), and never while the action runs.
    if (!this._busy) this.finish(null);
  }

  override render() {
    const o = this._options;
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-body" @cancel=${this.onCancel}>
      ${o ? html`<form @submit=${this.onSubmit}>
        <h2 id="confirm-title">${o.title}</h2>
        <div id="confirm-body">${o.body.map((p) => html`<p class="body">${p}</p>`)}</div>
        ${o.reason ? html`<label for="confirm-reason">${o.reason.label}</label>
          <textarea id="confirm-reason" rows="3" required .value=${this._reason}
            @input=${(e: Event) => { this._reason = (e.target as HTMLTextAreaElement).value; }}></textarea>
          ${lengthNotice(this._reason.trim(), o.reason.max)}` : nothing}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        <div class="buttons">
          <button class="btn secondary cancel" type="button" ?disabled=${this._busy} @click=${() => this.finish(null)}>${msg('common.cancel')}</button>
          <button class="btn ${o.danger ? 'danger' : ''}" type="submit" ?disabled=${this._busy || (!!o.reason && (!this._reason.trim() || charactersOver(this._reason.trim(), o.reason.max) > 0))}>${o.confirmLabel}</button>
        </div>
      </form>` : nothing}
    </dialog>`;
  }
}

/** The element a modal dialog was opened from, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

/**
 * Asks before an action that changes other people's things; see KotsuConfirmDialog.
 * Resolves with the reason ('' when none was asked) when confirmed (and `action` succeeded),
 * null when cancelled.
 */
export async function confirmAction(options: ConfirmOptions): Promise<string | null> {
  const from = deepActiveElement();
  const dialog = document.createElement('kotsu-confirm-dialog');
  document.body.append(dialog);
  try {
    return await dialog.open(options);
  } finally {
    dialog.remove();
    if (from?.isConnected) from.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-confirm-dialog': KotsuConfirmDialog;
  }
}
