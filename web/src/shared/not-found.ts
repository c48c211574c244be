import { html, type TemplateResult } from 'lit';
import { msg } from '../i18n/catalogue';

/**
 * What every page shows for an address that leads nowhere (an unknown address, a tip, round,
 * request or person that does not exist or may not be seen): the same heading, the same
 * sentence and a way on — home, or the list the thing belonged to.
 */
export function notFoundView(back: { href: string; label: string } = { href: '/', label: msg('notFound.home') }): TemplateResult {
  return html`<h1>${msg('notFound.title')}</h1><p>${msg('notFound.body')}</p><p><a href=${back.href}>${back.label}</a></p>`;
}
