import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { rememberUnread } from '../data/notifications';
import { SESSION_ENDED_EVENT } from '../data/http';
import { getSession } from '../data/session';
import { locale, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { setFeedLinks } from '../router/feed-links';
import { pageLoaded, reloadForNewRelease } from '../router/release';
import { acceptHistoryMove, interceptLinks, positionOf, matchRoute, navigate, NAVIGATE_EVENT, setPageTitle, type PageElement } from '../router/router';
import { PRIMARY_NAV } from '../router/menu';
import { restoreScroll, scrollOf, trackScroll } from '../router/scroll';
import { NOT_FOUND, ROUTES } from '../router/routes';
import { hasRole, SessionController, sessionUser, setSessionUser } from '../state/session';
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
    .skip { position: absolute; left: -999px; top: 0; background: var(--kotsu-text); color: #fff; padding: 0.6rem 1.2rem; z-index: 10; --kotsu-focus: var(--kotsu-focus-on-primary); }
    /* Focus rings in the header are drawn inside their control, on its own colour, so they
       never sit against a neighbouring white field (WCAG 1.4.11). */
    .skip:focus-visible { outline-offset: -5px; }
    .skip:focus { left: 0.5rem; top: 0.5rem; }
    header { background: var(--kotsu-primary); color: #fff; --kotsu-focus: var(--kotsu-focus-on-primary); }
    .bar { max-width: 1100px; margin: 0 auto; display: flex; align-items: center; gap: 0.5rem 1rem; padding: 0.5rem 1rem 0.25rem; flex-wrap: wrap; }
    .logo { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.25rem; white-space: nowrap; }
    .logo:hover { color: #fff; }
    kotsu-search-box { flex: 1 1 280px; min-width: 0; }
    kotsu-user-menu, .login { margin-left: auto; }
    .login { color: #fff; font-weight: 600; }
    nav.primary ul { max-width: 1100px; margin: 0 auto; padding: 0 0.75rem 0.15rem; display: flex; flex-wrap: wrap; gap: 0 0.25rem; list-style: none; }
    nav.primary a {
      display: block; color: #fff; text-decoration: none; font-weight: 600; font-size: 0.9375rem; line-height: 1.5;
      padding: 0.35rem 0.6rem 0.3rem; border-bottom: 3px solid transparent;
    }
    nav.primary a:hover { background: rgb(255 255 255 / 12%); color: #fff; }
    nav.primary a[aria-current='page'] { border-bottom-color: #fff; }
    nav.primary a:focus-visible { outline-offset: -4px; }
    main { flex: 1; width: 100%; max-width: 1100px; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
    main:focus { outline: none; }
    footer { text-align: center; padding: 1rem; color: var(--kotsu-muted); font-size: 0.8125rem; }
    /* Phones: logo and user menu share the first row, the search box takes the second, the
       main destinations the third — about a fifth of a 640 px tall screen in all. */
    @media (max-width: 640px) {
      .bar { padding: 0.4rem 0.75rem 0.2rem; gap: 0.5rem; }
      .logo { font-size: 1.1rem; }
      kotsu-search-box { order: 3; flex-basis: 100%; }
      nav.primary ul { padding: 0 0.35rem 0.15rem; }
      nav.primary a { font-size: 0.875rem; padding: 0.3rem 0.45rem 0.25rem; }
      main { padding: 1rem 0.75rem 2.5rem; }
    }
    /* A printed page is the page's content only: no header, menus, footer or skip link. */
    @media print { header, footer, .skip { display: none; } main { max-width: none; padding: 0; } }
  `];

  private readonly session = new SessionController(this);
  @state() private _page: PageElement | null = null;
  @state() private _error = '';
  @state() private _authMode: 'local' | 'proxy' = 'local';
  /** No account exists yet: there is nobody to log in as, so no login link is offered. */
  @state() private _setupNeeded = false;
  @query('main') private _main!: HTMLElement;
  private _ready = false;
  private _routeSeq = 0;
  private readonly onNavigate = () => { void this.route(); };
  /**
   * The server no longer knows this browser's session (a 401 to any call). The page stays as it
   * is, with what was typed, and says so with a way to sign in again and come back here.
   */
  @state() private _sessionEnded = false;
  private readonly onSessionEnded = () => {
    if (!sessionUser()) return;
    this._sessionEnded = true;
    setSessionUser(null);
  };
  /** Back and Forward: asked first, like a link, when the page has unsaved work. */
  private readonly onPopState = (e: PopStateEvent) => {
    if (acceptHistoryMove(e.state, msg('leave.confirm'))) void this.route(positionOf(e.state));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = locale();
    interceptLinks(document, () => msg('leave.confirm'));
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener(NAVIGATE_EVENT, this.onNavigate);
    window.addEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
    trackScroll();
    void this.boot();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener(NAVIGATE_EVENT, this.onNavigate);
    window.removeEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
    super.disconnectedCallback();
  }

  private async boot(): Promise<void> {
    try {
      // One request: who is signed in, how people sign in, and whether setup is still needed.
      const session = await getSession();
      this._authMode = session.authMode;
      this._setupNeeded = session.setupNeeded;
      if (session.user) rememberUnread(session.unreadNotifications);
      setSessionUser(session.user);
      if (session.setupNeeded && location.pathname !== '/setup') navigate('/setup', { replace: true });
    } catch (err) {
      this._error = errorMessage(err);
      return;
    }
    this._ready = true;
    // A reload returns to where the reader was, as Back does.
    await this.route(scrollOf(history.state));
  }

  /** Shows the page for the current address. */
  async route(scrollTo = 0): Promise<void> {
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
      // After a release this tab's scripts are gone from the server: load the address anew.
      if (seq === this._routeSeq && !(await reloadForNewRelease(url)) && seq === this._routeSeq) this._error = msg('error.network');
      return;
    }
    pageLoaded();
    if (seq !== this._routeSeq) return;
    const page = document.createElement(route.tag) as PageElement;
    page.params = match.params;
    page.query = match.query;
    this._error = '';
    this._page = page;
    const title = route.title;
    setPageTitle(() => (title ? msg(title) : ''));
    setFeedLinks([]);
    await this.updateComplete;
    if (scrollTo > 0) void restoreScroll(scrollTo, () => seq === this._routeSeq);
    else if (!url.hash) window.scrollTo(0, 0);
    this._main?.focus({ preventScroll: true });
  }

  protected override willUpdate(): void {
    // The first administrator now exists (set-up just signed them in).
    if (this.session.user && this._setupNeeded) this._setupNeeded = false;
    if (this.session.user && this._sessionEnded) this._sessionEnded = false;
  }

  /** `#main` lives in this shadow root, where a fragment link cannot reach: move focus by hand. */
  private onSkip(e: Event): void {
    e.preventDefault();
    this._main?.focus();
  }

  private sessionEndedNotice() {
    const here = location.pathname + location.search;
    return html`<p class="notice" role="alert">${msg('session.ended')}
      ${this._authMode === 'local' && location.pathname !== '/login'
        ? html`<a href=${`/login?next=${encodeURIComponent(here)}`}>${msg('session.signInAgain')}</a>`
        : msg('session.reload')}</p>`;
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
            : this._authMode === 'local' && this._ready && !this._setupNeeded ? html`<a class="login" href="/login">${msg('nav.login')}</a>` : nothing}
        </div>
        ${user ? html`<nav class="primary" aria-label=${msg('nav.mainLabel')}><ul>
          ${PRIMARY_NAV.map((e) => html`<li><a href=${e.href} aria-current=${e.match.test(location.pathname) ? 'page' : nothing}>${msg(e.label)}</a></li>`)}
        </ul></nav>` : nothing}
      </header>
      <main id="main" tabindex="-1">
        ${this._sessionEnded ? this.sessionEndedNotice() : nothing}
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
