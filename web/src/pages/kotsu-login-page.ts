import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { ApiError } from '../data/http';
import { login } from '../data/session';
import { msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { navigate } from '../router/router';
import { safeNext } from '../router/safe-next';
import { SessionController, setSessionUser } from '../state/session';
import { sharedStyles } from '../styles/shared';

/** Login with username and password (local mode). `?next=` returns to where the user was. */
@customElement('kotsu-login-page')
export class KotsuLoginPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .card { max-width: 26rem; margin: 2rem auto; }
    button { margin-top: 1rem; width: 100%; justify-content: center; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _error = '';
  @state() private _busy = false;
  private readonly session = new SessionController(this);

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this._busy = true;
    this._error = '';
    try {
      const { user } = await login(String(data.get('username') ?? '').trim(), String(data.get('password') ?? ''));
      setSessionUser(user);
      navigate(safeNext(this.query.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this._error = msg('login.failed');
      else if (err instanceof ApiError && err.status === 0) this._error = msg('error.network');
      else this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`
      <div class="card">
        <h1>${msg('login.title')}</h1>
        ${this.session.user ? html`<p class="notice" role="status">${msg('login.already', { name: this.session.user.displayName })}
          <a href=${safeNext(this.query.get('next'))}>${msg('login.continue')}</a></p>` : nothing}
        <form @submit=${this.onSubmit}>
          <label for="username">${msg('login.username')}</label>
          <input id="username" name="username" type="text" autocomplete="username" required maxlength="64" />
          <label for="password">${msg('login.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200" />
          ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
          <button class="btn" type="submit" ?disabled=${this._busy}>${msg('login.submit')}</button>
        </form>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-login-page': KotsuLoginPage;
  }
}
