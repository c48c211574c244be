import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { unsubscribe } from '../data/mail';
import { errorMessage } from '../i18n/error-message';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';

/** The link in every mail: one button stops all of Kotsu's mail (no sign-in needed). */
@customElement('kotsu-unsubscribe-page')
export class KotsuUnsubscribePage extends KotsuElement {
  static override styles = sharedStyles;

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _done = false;
  @state() private _error = '';

  private async confirm(): Promise<void> {
    this._error = '';
    try {
      await unsubscribe(this.query.get('token') ?? '');
      this._done = true;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    return html`
      <h1>${msg('mail.unsubscribeTitle')}</h1>
      ${this._done ? html`<p role="status">${msg('mail.unsubscribed')}</p>` : html`
        <p>${msg('mail.unsubscribeAsk')}</p>
        <p><button class="btn" @click=${() => this.confirm()}>${msg('mail.unsubscribeButton')}</button></p>`}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-unsubscribe-page': KotsuUnsubscribePage;
  }
}
