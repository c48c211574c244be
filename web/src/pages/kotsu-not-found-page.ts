import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';

/** Any address the app does not know. */
@customElement('kotsu-not-found-page')
export class KotsuNotFoundPage extends KotsuElement {
  static override styles = sharedStyles;
  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  override render() {
    return html`<h1>${msg('notFound.title')}</h1><p>${msg('notFound.body')}</p><p><a href="/">${msg('notFound.home')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-not-found-page': KotsuNotFoundPage;
  }
}
