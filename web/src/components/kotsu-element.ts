import { LitElement } from 'lit';
import { LOCALE_EVENT } from '../i18n/catalogue';

/** Base for every Kotsu element: re-renders when the language is switched. */
export class KotsuElement extends LitElement {
  private readonly onLocale = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(LOCALE_EVENT, this.onLocale);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(LOCALE_EVENT, this.onLocale);
    super.disconnectedCallback();
  }
}
