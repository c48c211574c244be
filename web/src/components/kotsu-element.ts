import { LitElement, type PropertyValues } from 'lit';
import { LOCALE_EVENT } from '../i18n/catalogue';

/**
 * Base for every Kotsu element: re-renders when the language is switched, and makes each
 * `.scroll` wrapper (a wide table that scrolls sideways on a phone) reachable by keyboard —
 * focusable and named after its table — so it can be scrolled with the arrow keys (WCAG 2.1.1).
 */
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

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.renderRoot.querySelectorAll<HTMLElement>('.scroll:not([tabindex])').forEach((el) => {
      el.tabIndex = 0;
      el.setAttribute('role', 'group');
      const table = el.querySelector('table');
      const name = table?.getAttribute('aria-label')
        ?? table?.querySelector('caption')?.textContent?.trim()
        ?? (table?.getAttribute('aria-labelledby') ? this.renderRoot.querySelector(`[id="${table.getAttribute('aria-labelledby')}"]`)?.textContent?.trim() : undefined);
      if (name) el.setAttribute('aria-label', name);
    });
  }
}
