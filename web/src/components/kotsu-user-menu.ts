import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { logout } from '../data/session';
import { locale, msg, setLocale } from '../i18n/catalogue';
import { MENU } from '../router/menu';
import { link, navigate } from '../router/router';
import { hasRole, SessionController, setSessionUser } from '../state/session';
import { KotsuElement } from './kotsu-element';
import './kotsu-notification-badge';
import './kotsu-notification-menu';

/**
 * The signed-in user's menu: their page, the pages their role may open (router/menu.ts),
 * the language switch and logout. A disclosure button; Escape or a click outside closes it.
 */
@customElement('kotsu-user-menu')
export class KotsuUserMenu extends KotsuElement {
  static override styles = css`
    :host { position: relative; display: block; min-width: 0; }
    .toggle {
      font: inherit; color: #fff; background: transparent; border: 1px solid rgba(255,255,255,0.7); border-radius: 6px;
      padding: 0.4rem 0.75rem; cursor: pointer; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
    }
    .toggle:focus-visible, a:focus-visible, button:focus-visible { outline: 3px solid var(--kotsu-focus, #b35c00); outline-offset: 2px; }
    /* Inside the control, on its own colour: never against the search field below or the menu's edge. */
    .toggle:focus-visible, li a:focus-visible, li button:focus-visible { outline-offset: -4px; }
    ul {
      position: absolute; right: 0; top: calc(100% + 4px); z-index: 20; min-width: 13rem; max-width: calc(100vw - 1rem); margin: 0; padding: 0.35rem 0;
      --kotsu-focus: #b35c00;
      list-style: none; background: #fff; border: 1px solid var(--kotsu-border); border-radius: 8px; box-shadow: 0 6px 20px rgba(0,0,0,0.15);
    }
    li a, li button {
      display: block; width: 100%; box-sizing: border-box; overflow-wrap: anywhere; text-align: left; padding: 0.5rem 1rem; color: var(--kotsu-text); text-decoration: none;
      font: inherit; background: none; border: none; cursor: pointer;
    }
    li a:hover, li button:hover { background: #eef3fa; }
    .who { padding: 0.4rem 1rem; color: var(--kotsu-muted); font-size: 0.8125rem; border-bottom: 1px solid var(--kotsu-border); }
    .new { color: #fff; font-weight: 600; margin-right: 0.75rem; white-space: nowrap; }
    .row { display: flex; align-items: center; min-width: 0; }
    /* Positioned, so the badge's visually hidden text (position: absolute) is clipped with the
       name instead of poking out past the right edge of a phone screen. */
    .toggle { min-width: 0; position: relative; }
    .short { display: none; }
    @media (max-width: 480px) {
      .new { margin-right: 0.5rem; }
      .new .long { display: none; }
      .new .short { display: inline; }
      .toggle { max-width: 8.5rem; padding: 0.35rem 0.5rem; }
    }
  `;

  @property({ attribute: false }) authMode: 'local' | 'proxy' = 'local';
  @state() private _open = false;
  private readonly session = new SessionController(this);
  private readonly onDocClick = (e: MouseEvent) => {
    if (this._open && !e.composedPath().includes(this)) this._open = false;
  };
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this._open) {
      this._open = false;
      this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onDocClick);
    document.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this.onDocClick);
    document.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  private async onLogout(): Promise<void> {
    this._open = false;
    try {
      await logout();
    } finally {
      setSessionUser(null);
      navigate('/login');
    }
  }

  override render() {
    const user = this.session.user;
    if (!user) return nothing;
    const entries = MENU.filter((e) => hasRole(user, e.role));
    return html`
      <div class="row">
        <a class="new" href="/new">＋ <span class="long">${msg('nav.new')}</span><span class="short">${msg('nav.newShort')}</span></a>
        <button class="toggle" aria-expanded=${this._open ? 'true' : 'false'} aria-controls=${this._open ? 'menu' : nothing}
          @click=${() => { this._open = !this._open; }}>${user.displayName}<kotsu-notification-badge></kotsu-notification-badge> ▾</button>
      </div>
      ${this._open ? html`
        <ul id="menu" aria-label=${msg('nav.menu')} @click=${(e: Event) => { if ((e.composedPath()[0] as Element).closest?.('a')) this._open = false; }}>
          <li class="who">${user.department || user.username}</li>
          <li><kotsu-notification-menu></kotsu-notification-menu></li>
          <li><a href=${link('/users/', user.username)}>${msg('nav.myPage')}</a></li>
          ${entries.map((e) => html`<li><a href=${e.href}>${msg(e.label)}</a></li>`)}
          <li><button lang=${locale() === 'ja' ? 'en' : 'ja'} @click=${() => setLocale(locale() === 'ja' ? 'en' : 'ja')}>${msg('nav.language')}</button></li>
          ${this.authMode === 'local' ? html`<li><button @click=${() => this.onLogout()}>${msg('nav.logout')}</button></li>` : nothing}
        </ul>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-user-menu': KotsuUserMenu;
  }
}
