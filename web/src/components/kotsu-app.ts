import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError } from '../data/http';
import { fetchMe, setupStatus } from '../data/session';
import { locale, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { interceptLinks, matchRoute, navigate, NAVIGATE_EVENT, setPageTitle, type PageElement } from '../router/router';
import { NOT_FOUND, ROUTES } from '../router/routes';
import { hasRole, SessionController, setSessionUser } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import './kotsu-search-box';
import './kotsu-user-menu';

/**
 * The application shell: header (logo, search box, user menu) and the current page.
 * It finds out who is signed in, guards pages by role, and lazy-loads each page.
 */
@customElement('kotsu-app')
export class KotsuApp extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: flex; flex-direction: column; min-height: 100vh; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; z-index: 10; }
    .skip:focus { left: 0.5rem; top: 0.5rem; }
    header { background: var(--kotsu-primary); color: #fff; }
    .bar { max-width: 1100px; margin: 0 auto; display: flex; align-items: center; gap: 1rem; padding: 0.5rem 1rem; flex-wrap: wrap; }
    .logo { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.25rem; white-space: nowrap; }
    .logo:hover { color: #fff; }
    kotsu-search-box { flex: 1 1 280px; min-width: 0; }
    .login { color: #fff; font-weight: 600; }
    main { flex: 1; width: 100%; max-width: 1100px; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
    main:focus { outline: none; }
    footer { text-align: center; padding: 1rem; color: var(--kotsu-muted); font-size: 0.8125rem; }
    @media (max-width: 480px) { .bar { gap: 0.5rem; } .logo { font-size: 1.1rem; } }
    /* A printed page is the page's content only: no header, menus, footer or skip link. */
    @media print { header, footer, .skip { display: none; } main { max-width: none; padding: 0; } }
  `];

  private readonly session = new SessionController(this);
  @state() private _page: PageElement | null = null;
  @state() private _error = '';
  @state() private _authMode: 'local' | 'proxy' = 'local';
  @query('main') private _main!: HTMLElement;
  private _ready = false;
  private _routeSeq = 0;
  private readonly onNavigate = () => { void this.route(); };

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = locale();
    interceptLinks(document, () => msg('leave.confirm'));
    window.addEventListener('popstate', this.onNavigate);
    window.addEventListener(NAVIGATE_EVENT, this.onNavigate);
    void this.boot();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onNavigate);
    window.removeEventListener(NAVIGATE_EVENT, this.onNavigate);
    super.disconnectedCallback();
  }

  private async boot(): Promise<void> {
    try {
      const setup = await setupStatus();
      this._authMode = setup.authMode;
      if (setup.needed) {
        setSessionUser(null);
        if (location.pathname !== '/setup') navigate('/setup', { replace: true });
      } else {
        try {
          setSessionUser(await fetchMe());
        } catch (err) {
          if (!(err instanceof ApiError) || err.status !== 401) throw err;
          setSessionUser(null);
        }
      }
    } catch (err) {
      this._error = errorMessage(err);
      return;
    }
    this._ready = true;
    await this.route();
  }

  /** Shows the page for the current address. */
  async route(): Promise<void> {
    if (!this._ready) return;
    const seq = ++this._routeSeq;
    const url = new URL(location.href);
    const match = matchRoute(ROUTES, url) ?? { route: NOT_FOUND, params: {}, query: url.searchParams };
    const { route } = match;
    const user = this.session.user;
    const access = route.access ?? 'member';
    if (access !== 'public' && !user) {
      if (this._authMode === 'local') {
        navigate(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true });
        return;
      }
      this._error = msg('error.loginRequired');
      this._page = null;
      return;
    }
    if (access !== 'public' && access !== 'member' && !hasRole(user, access)) {
      this._error = msg('error.forbidden');
      this._page = null;
      setPageTitle(() => msg('error.forbidden'));
      return;
    }
    try {
      await route.load();
    } catch {
      if (seq === this._routeSeq) this._error = msg('error.network');
      return;
    }
    if (seq !== this._routeSeq) return;
    const page = document.createElement(route.tag) as PageElement;
    page.params = match.params;
    page.query = match.query;
    this._error = '';
    this._page = page;
    const title = route.title;
    setPageTitle(() => (title ? msg(title) : ''));
    await this.updateComplete;
    if (!url.hash) window.scrollTo(0, 0);
    this._main?.focus({ preventScroll: true });
  }

  /** `#main` lives in this shadow root, where a fragment link cannot reach: move focus by hand. */
  private onSkip(e: Event): void {
    e.preventDefault();
    this._main?.focus();
  }

  override render() {
    const user = this.session.user;
    return html`
      <a class="skip" href="#main" @click=${this.onSkip}>${msg('app.skip')}</a>
      <header>
        <div class="bar">
          <a class="logo" href="/">${msg('app.name')}</a>
          ${user ? html`<kotsu-search-box></kotsu-search-box>` : nothing}
          ${user ? html`<kotsu-user-menu .authMode=${this._authMode}></kotsu-user-menu>`
            : this._authMode === 'local' && this._ready ? html`<a class="login" href="/login">${msg('nav.login')}</a>` : nothing}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._page ?? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`)}
      </main>
      <footer>${msg('app.tagline')}</footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-app': KotsuApp;
  }
}
