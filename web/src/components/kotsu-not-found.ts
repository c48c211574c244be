import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '../i18n/catalogue';
import { setPageTitle } from '../router/router';
import { KotsuElement } from './kotsu-element';

/**
 * The not-found page's heading, sentence and way on (shared/not-found.ts draws it), and the tab's
 * title that goes with it, whichever page found its thing missing. Drawn in the light DOM, so the
 * page's own styles give it the same look everywhere.
 */
@customElement('kotsu-not-found')
export class KotsuNotFound extends KotsuElement {
  /** Where to go on: home unless given (the list the thing belonged to). */
  @property({ attribute: false }) back: { href: string; label: string } | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setPageTitle(() => msg('notFound.title'));
  }

  override render() {
    const back = this.back ?? { href: '/', label: msg('notFound.home') };
    return html`<h1>${msg('notFound.title')}</h1><p>${msg('notFound.body')}</p><p><a href=${back.href}>${back.label}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-not-found': KotsuNotFound;
  }
}
