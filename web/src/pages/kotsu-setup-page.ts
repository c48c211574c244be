import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { ApiError } from '../data/http';
import { login, runSetup, setupStatus } from '../data/session';
import { msg } from '../i18n/catalogue';
import { navigate } from '../router/router';
import { SessionController, setSessionUser } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

/** First run: creates the first administrator, signs them in and opens the home page. */
@customElement('kotsu-setup-page')
export class KotsuSetupPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .card { max-width: 32rem; margin: 2rem auto; }
    button { margin-top: 1rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _error = '';
  @state() private _busy = false;
  @state() private _done = false;
  private readonly session = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    setupStatus().then((s) => { this._done = !s.needed; }).catch(() => { /* the form still works */ });
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this._busy = true;
    this._error = '';
    try {
      await runSetup({
        username, password,
        displayName: String(data.get('displayName') ?? '').trim(),
        department: String(data.get('department') ?? '').trim(),
      });
      const { user } = await login(username, password);
      setSessionUser(user);
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) this._done = true;
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    if (this._done) {
      // Signed in already (the administrator opening the set-up address again): nothing to log in to.
      if (this.session.user) return html`<div class="card"><h1>${msg('setup.title')}</h1><p>${msg('setup.doneSignedIn')}</p><p><a href="/">${msg('nav.home')}</a></p></div>`;
      return html`<div class="card"><h1>${msg('setup.title')}</h1><p>${msg('setup.done')}</p><p><a href="/login">${msg('nav.login')}</a></p></div>`;
    }
    return html`
      <div class="card">
        <h1>${msg('setup.title')}</h1>
        <p>${msg('setup.intro')}</p>
        <form @submit=${this.onSubmit}>
          <label for="username">${msg('login.username')}</label>
          <input id="username" name="username" type="text" autocomplete="username" required maxlength="64" aria-describedby="username-hint" />
          <p id="username-hint" class="muted">${msg('setup.usernameHint')}</p>
          <label for="displayName">${msg('setup.displayName')}</label>
          <input id="displayName" name="displayName" type="text" autocomplete="name" required maxlength="100" />
          <label for="department">${msg('setup.department')}</label>
          <input id="department" name="department" type="text" autocomplete="organization" maxlength="100" />
          <label for="password">${msg('login.password')}</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200" aria-describedby="pw-hint" />
          <p id="pw-hint" class="muted">${msg('setup.passwordHint')}</p>
          ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
          <button class="btn" type="submit" ?disabled=${this._busy}>${msg('setup.submit')}</button>
        </form>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-setup-page': KotsuSetupPage;
  }
}
