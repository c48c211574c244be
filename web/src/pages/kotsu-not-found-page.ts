import { customElement, property } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { sharedStyles } from '../styles/shared';
import { notFoundView } from '../shared/not-found';

/** Any address the app does not know. */
@customElement('kotsu-not-found-page')
export class KotsuNotFoundPage extends KotsuElement {
  static override styles = sharedStyles;
  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();

  override render() {
    return notFoundView();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-not-found-page': KotsuNotFoundPage;
  }
}
