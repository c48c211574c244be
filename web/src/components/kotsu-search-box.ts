import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg } from '../i18n/catalogue';
import { navigate, NAVIGATE_EVENT } from '../router/router';
import { KotsuElement } from './kotsu-element';

/**
 * The header's search field. Submitting opens /search?q=…; it shows the current query while
 * a search page is open.
 */
@customElement('kotsu-search-box')
export class KotsuSearchBox extends KotsuElement {
  static override styles = css`
    :host { display: block; }
    form { display: flex; }
    input {
      flex: 1; min-width: 0; font: inherit; padding: 0.45rem 0.75rem; border: 1px solid #fff; border-radius: 6px 0 0 6px;
      color: var(--kotsu-text);
    }
    button {
      font: inherit; padding: 0.45rem 0.9rem; border: 1px solid #fff; border-left: none; border-radius: 0 6px 6px 0;
      background: #e8f0fa; color: var(--kotsu-primary-dark); font-weight: 600; cursor: pointer;
    }
    input:focus-visible, button:focus-visible { outline: 3px solid #f5a623; outline-offset: 1px; }
  `;

  @state() private _value = '';
  private readonly onNavigate = () => { this.syncFromUrl(); };

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncFromUrl();
    window.addEventListener(NAVIGATE_EVENT, this.onNavigate);
    window.addEventListener('popstate', this.onNavigate);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(NAVIGATE_EVENT, this.onNavigate);
    window.removeEventListener('popstate', this.onNavigate);
    super.disconnectedCallback();
  }

  private syncFromUrl(): void {
    this._value = location.pathname === '/search' ? new URLSearchParams(location.search).get('q') ?? '' : '';
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const q = this._value.trim();
    navigate(`/search${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }

  override render() {
    return html`
      <form role="search" @submit=${this.onSubmit}>
        <input type="search" name="q" .value=${this._value} aria-label=${msg('search.label')}
          placeholder=${msg('search.placeholder')} maxlength="200" autocomplete="off"
          @input=${(e: Event) => { this._value = (e.target as HTMLInputElement).value; }} />
        <button type="submit">${msg('search.submit')}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-search-box': KotsuSearchBox;
  }
}
