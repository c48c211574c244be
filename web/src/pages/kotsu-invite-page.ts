import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { acceptInvitation, lookupInvitation, type InvitationInfo } from '../data/invitations';
import { formatDate, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { sharedStyles } from '../styles/shared';

/**
 * /invite#TOKEN — an invited member sets their own password. The token is in the fragment, so it
 * is never sent in a request line, kept in a proxy's log or passed on as a Referer.
 */
@customElement('kotsu-invite-page')
export class KotsuInvitePage extends KotsuElement {
  static override styles = [sharedStyles, css`
    form { max-width: 28rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _info: InvitationInfo | null = null;
  @state() private _bad = false;
  @state() private _done = false;
  @state() private _error = '';
  @state() private _busy = false;
  private _token = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this._token = location.hash.slice(1);
    // The token leaves the address bar (and the history) once read.
    history.replaceState(history.state, '', location.pathname);
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this._token) {
      this._bad = true;
      return;
    }
    try {
      this._info = await lookupInvitation(this._token);
    } catch {
      this._bad = true;
    }
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const again = (form.elements.namedItem('password2') as HTMLInputElement).value;
    if (password !== again) {
      this._error = msg('invite.mismatch');
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      await acceptInvitation(this._token, password);
      this._done = true;
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    if (this._bad) return html`<h1>${msg('invite.title')}</h1><p class="error" role="alert">${msg('invite.bad')}</p>`;
    const info = this._info;
    if (!info) return html`<p class="muted" aria-live="polite">${msg('common.loading')}</p>`;
    if (this._done) {
      return html`<h1>${msg('invite.title')}</h1>
        <p class="notice" role="status">${msg('invite.done', { username: info.username })}</p>
        <p><a class="btn" href=${`/login`}>${msg('invite.toLogin')}</a></p>`;
    }
    return html`
      <h1>${msg('invite.title')}</h1>
      <p>${msg('invite.intro', { name: info.displayName, username: info.username, date: formatDate(info.expiresAt) })}</p>
      <form @submit=${this.onSubmit}>
        <input type="text" name="username" autocomplete="username" .value=${info.username} hidden>
        <label for="password">${msg('invite.password')}</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" aria-describedby="pw-help">
        <p id="pw-help" class="muted">${msg('invite.passwordHelp')}</p>
        <label for="password2">${msg('invite.password2')}</label>
        <input id="password2" name="password2" type="password" autocomplete="new-password" required>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        <p><button class="btn" type="submit" ?disabled=${this._busy}>${msg('invite.submit')}</button></p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-invite-page': KotsuInvitePage;
  }
}
