import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { getMailSettings, saveMailSettings, type MailSettings } from '../data/mail';
import { errorMessage } from '../i18n/error-message';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';

/** My mail: an address, mail for mentions and replies, and the weekly digest (none by default). */
@customElement('kotsu-mail-settings-page')
export class KotsuMailSettingsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    form { max-width: 32rem; display: grid; gap: 0.75rem; }
    .choice { display: flex; align-items: center; gap: 0.5rem; font-weight: normal; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _settings: MailSettings | null = null;
  @state() private _email = '';
  @state() private _mentions = false;
  @state() private _digest = false;
  @state() private _status = '';
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const s = await getMailSettings();
      this._settings = s;
      this._email = s.email ?? '';
      this._mentions = s.mentions;
      this._digest = s.digest;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    this._status = '';
    this._error = '';
    try {
      this._settings = await saveMailSettings({ email: this._email.trim() || null, mentions: this._mentions, digest: this._digest });
      this._status = msg('mail.saved');
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    const s = this._settings;
    return html`
      <h1>${msg('mail.title')}</h1>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${!s ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`) : html`
        ${s.available ? nothing : html`<p class="muted">${msg('mail.unavailable')}</p>`}
        <form @submit=${this.save}>
          <div>
            <label for="email">${msg('mail.email')}</label>
            <input id="email" type="email" maxlength="254" autocomplete="email" .value=${this._email}
              @input=${(e: Event) => { this._email = (e.target as HTMLInputElement).value; }}>
          </div>
          <label class="choice"><input type="checkbox" .checked=${this._mentions}
            @change=${(e: Event) => { this._mentions = (e.target as HTMLInputElement).checked; }}>${msg('mail.mentions')}</label>
          <label class="choice"><input type="checkbox" .checked=${this._digest}
            @change=${(e: Event) => { this._digest = (e.target as HTMLInputElement).checked; }}>${msg('mail.digest')}</label>
          <p class="muted">${msg('mail.help')}</p>
          <div><button class="btn" type="submit">${msg('mail.save')}</button> <span role="status">${this._status}</span></div>
        </form>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-mail-settings-page': KotsuMailSettingsPage;
  }
}
