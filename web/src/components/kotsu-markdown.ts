import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { languageLabel } from '../editor/code-languages';
import { msg } from '../i18n/catalogue';
import { copyText } from '../shared/clipboard';
import { markdownStyles } from '../styles/markdown';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

interface TocEntry { id: string; text: string; level: number }

/** How long "コピーしました" stays on a code block's copy button. */
const COPIED_MS = 2000;
/** A table of contents is shown from this many headings on. */
export const TOC_MIN_HEADINGS = 3;

/**
 * Shows HTML produced by the server's one safe Markdown renderer (markdown-it with raw HTML off
 * and links checked). Nothing else may be passed here: this is the app's only unsafeHTML.
 * Reading aids on top of it: each code block gets a bar naming its language with a copy button,
 * and with `toc` a body of three or more headings gets a table of contents.
 * @attr toc - show a table of contents (tip pages; not comments or the editor preview).
 */
@customElement('kotsu-markdown')
export class KotsuMarkdown extends KotsuElement {
  static override styles = [sharedStyles, markdownStyles, css`
    .code-bar { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; background: #e8ecf1;
      border: 1px solid var(--kotsu-border); border-bottom: 0; border-radius: 6px 6px 0 0; padding: 0.15rem 0.25rem 0.15rem 0.75rem;
      font-size: 0.8125rem; color: #3b4350; }
    .code-bar + pre { border-radius: 0 0 6px 6px; margin-top: 0; }
    /* Wide enough for both labels, so "コピーしました" moves nothing. */
    .code-bar button { min-width: 8.5em; min-height: 32px; border: 1px solid var(--kotsu-border); border-radius: 4px; background: var(--kotsu-surface);
      font: inherit; color: inherit; cursor: pointer; }
    .code-bar button.copied { background: #e6f4ea; border-color: #2a6320; color: #1e4d17; }
    nav.toc { background: #f6f8fa; border: 1px solid var(--kotsu-border); border-radius: 6px; padding: 0.5rem 1rem; margin: 0 0 1rem; display: inline-block; max-width: 100%; }
    nav.toc p { margin: 0 0 0.25rem; font-weight: 600; }
    nav.toc ol { margin: 0; padding-left: 1.25rem; }
    nav.toc li.l3 { margin-left: 1rem; } nav.toc li.l4 { margin-left: 2rem; }
    @media print {
      .code-bar button, nav.toc { display: none; }
      .md pre, .md pre code { white-space: pre-wrap; overflow: visible; word-break: break-all; }
    }
  `];

  /** Rendered HTML from the API (`post.html` or `/api/preview`). */
  @property({ attribute: false }) html = '';
  @property({ type: Boolean }) toc = false;
  @state() private _toc: TocEntry[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('html') || changed.has('toc')) this._toc = this.toc ? headingsOf(this.html) : [];
  }


  /** A bar above each code block with its language and a copy button, added before the first paint. */
  private addCodeBars(): void {
    for (const pre of this.renderRoot.querySelectorAll<HTMLPreElement>('.md pre')) {
      if (pre.previousElementSibling?.classList.contains('code-bar')) continue;
      const bar = document.createElement('div');
      bar.className = 'code-bar';
      const lang = document.createElement('span');
      lang.textContent = pre.dataset.lang ? languageLabel(pre.dataset.lang) : msg('reading.code');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = msg('reading.copy');
      button.setAttribute('aria-label', msg('reading.copyCode', { lang: lang.textContent }));
      const status = document.createElement('span');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      button.addEventListener('click', () => { void this.copyCode(pre, button, status); });
      bar.append(lang, button, status);
      pre.before(bar);
    }
  }

  private async copyCode(pre: HTMLPreElement, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
    const ok = await copyText(pre.querySelector('code')?.textContent ?? pre.textContent ?? '');
    button.textContent = ok ? msg('reading.copied') : msg('reading.copyFailed');
    button.classList.toggle('copied', ok);
    status.textContent = button.textContent;
    window.setTimeout(() => {
      button.textContent = msg('reading.copy');
      button.classList.remove('copied');
      status.textContent = '';
    }, COPIED_MS);
  }

  /** Headings live in this shadow root, where the browser's own #fragment jump cannot reach. */
  private jump(e: Event, id: string): void {
    e.preventDefault();
    if (this.scrollToHeading(id)) history.replaceState(history.state, '', `#${id}`);
  }

  private scrollToHeading(id: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return false;
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    return true;
  }

  /**
   * The address's #fragment, when it names a heading of this tip: a link to a section copied from
   * the address bar after using the table of contents, or a link in the text (`[手順へ](#h-手順)`,
   * `/tips/12#h-手順`). The browser's own jump looks for the id in the document and cannot reach into
   * this shadow root, so such a link opened the tip at its top. Tip bodies only (`toc`).
   */
  private readonly onHashChange = () => { this.scrollToFragment(); };

  private scrollToFragment(): void {
    if (!this.toc || location.hash.length < 2) return;
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    this.scrollToHeading(id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  override render() {
    const toc = this._toc.length >= TOC_MIN_HEADINGS ? html`<nav class="toc" aria-labelledby="toc-title">
        <p id="toc-title">${msg('reading.toc')}</p>
        <ol>${this._toc.map((h) => html`<li class=${`l${h.level}`}><a href=${`#${h.id}`} @click=${(e: Event) => this.jump(e, h.id)}>${h.text}</a></li>`)}</ol>
      </nav>` : nothing;
    return html`${toc}<div class="md">${unsafeHTML(this.html)}</div>`;
  }

  /**
   * Code blocks and tables scroll sideways when wider than the page: make each one a named
   * group that takes keyboard focus, so it can be scrolled with the arrow keys (WCAG 2.1.1).
   * Done here rather than in the stored HTML so tips rendered before keep up, and the names
   * follow the reader's language. A group, not a region: tips hold many, landmarks must be few.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('html')) {
      this.addCodeBars();
      this.scrollToFragment();
    }
    const root = this.renderRoot.querySelector('.md');
    if (!root) return;
    root.querySelectorAll('.table-wrap').forEach((el, i) => this.scroller(el, msg('md.table', { n: i + 1 })));
    root.querySelectorAll('pre').forEach((el, i) => {
      const lang = el.getAttribute('data-lang');
      this.scroller(el, lang ? msg('md.codeLang', { n: i + 1, lang }) : msg('md.code', { n: i + 1 }));
    });
  }

  private scroller(el: Element, label: string): void {
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', label);
  }
}

/** Headings (levels 1–4) with the ids the server's renderer gave them, read from an inert document. */
function headingsOf(markup: string): TocEntry[] {
  if (!markup.includes('<h')) return [];
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  return [...doc.querySelectorAll('h1[id], h2[id], h3[id], h4[id]')].map((h) => ({
    id: h.id, text: h.textContent?.trim() ?? '', level: Math.max(2, Number(h.tagName[1])),
  })).filter((h) => h.text !== '');
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-markdown': KotsuMarkdown;
  }
}
