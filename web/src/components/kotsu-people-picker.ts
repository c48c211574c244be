import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { listUsers, type AdminUser } from '../data/admin';
import { msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { imeComposing } from '../shared/ime';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

export interface PickedPerson { username: string; displayName: string; department: string }

/**
 * A people picker: type part of a name, login name or department, choose from the matches
 * (arrow keys + Enter, or click); chosen people show as removable chips.
 *
 * @fires kotsu-people-change - detail: the chosen people, in the order chosen
 */
@customElement('kotsu-people-picker')
export class KotsuPeoplePicker extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; position: relative; }
    ul.chips { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0; margin: 0 0 0.4rem; }
    ul.chips li { display: inline-flex; align-items: center; gap: 0.25rem; background: #eef1f5; border-radius: 999px; padding: 0.1rem 0.2rem 0.1rem 0.6rem; font-size: 0.875rem; }
    ul.chips button { border: none; background: transparent; cursor: pointer; font-size: 1rem; line-height: 1; padding: 0.15rem 0.4rem; border-radius: 999px; }
    ul.chips button:focus-visible { outline: 2px solid var(--kotsu-primary); }
    ul[role='listbox'] { position: absolute; z-index: 5; left: 0; right: 0; margin: 0.15rem 0 0; padding: 0; list-style: none;
      background: var(--kotsu-surface, #fff); border: 1px solid var(--kotsu-border); border-radius: 6px; max-height: 16rem; overflow-y: auto; }
    li[role='option'] { padding: 0.4rem 0.6rem; cursor: pointer; overflow-wrap: anywhere; }
    li[role='option'][aria-selected='true'] { background: #e8f0fa; }
    .dept { color: var(--kotsu-muted); font-size: 0.8125rem; }
  `];

  /** The label of the text field. */
  @property() label = '';
  @property({ attribute: false }) value: PickedPerson[] = [];
  @state() private _q = '';
  @state() private _matches: AdminUser[] = [];
  @state() private _active = -1;
  @state() private _error = '';
  private _seq = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  private input(e: Event): void {
    this._q = (e.target as HTMLInputElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => { void this.search(); }, 150);
  }

  private async search(): Promise<void> {
    const q = this._q.trim();
    const seq = ++this._seq;
    if (!q) { this._matches = []; return; }
    try {
      const page = await listUsers(q);
      if (seq !== this._seq) return;
      const chosen = new Set(this.value.map((p) => p.username));
      this._matches = page.items.filter((u) => !u.suspended && !chosen.has(u.username)).slice(0, 10);
      this._active = this._matches.length ? 0 : -1;
      this._error = '';
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private choose(u: AdminUser): void {
    this.change([...this.value, { username: u.username, displayName: u.displayName, department: u.department }]);
    this._q = '';
    this._matches = [];
    this._active = -1;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private unpick(username: string): void {
    this.change(this.value.filter((p) => p.username !== username));
  }

  private change(next: PickedPerson[]): void {
    this.value = next;
    this.dispatchEvent(new CustomEvent<PickedPerson[]>('kotsu-people-change', { detail: next, bubbles: true, composed: true }));
  }

  private key(e: KeyboardEvent): void {
    if (imeComposing(e)) return; // Enter and the arrows are the IME's while it converts.
    if (e.key === 'ArrowDown' && this._matches.length) {
      e.preventDefault();
      this._active = (this._active + 1) % this._matches.length;
    } else if (e.key === 'ArrowUp' && this._matches.length) {
      e.preventDefault();
      this._active = (this._active - 1 + this._matches.length) % this._matches.length;
    } else if (e.key === 'Enter' && this._active >= 0 && this._matches[this._active]) {
      e.preventDefault();
      this.choose(this._matches[this._active]);
    } else if (e.key === 'Escape') {
      this._matches = [];
    }
  }

  override render() {
    const open = this._matches.length > 0;
    return html`
      ${this.value.length ? html`<ul class="chips" aria-label=${msg('people.chosen')}>${this.value.map((p) => html`<li>
        <span>${p.displayName}${p.department ? html` <span class="dept">${p.department}</span>` : nothing}</span>
        <button type="button" aria-label=${msg('people.remove', { name: p.displayName })} @click=${() => this.unpick(p.username)}>×</button>
      </li>`)}</ul>` : nothing}
      <label for="people-q">${this.label}</label>
      <input id="people-q" type="text" role="combobox" autocomplete="off" aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? 'people-list' : nothing}
        aria-activedescendant=${open && this._active >= 0 ? `person-${this._active}` : nothing}
        placeholder=${msg('people.placeholder')} .value=${this._q}
        @input=${(e: Event) => this.input(e)} @keydown=${(e: KeyboardEvent) => this.key(e)}>
      ${open ? html`<ul id="people-list" role="listbox" aria-label=${this.label}>${this._matches.map((u, i) => html`
        <li id=${`person-${i}`} role="option" aria-selected=${i === this._active ? 'true' : 'false'}
          @mousedown=${(e: Event) => { e.preventDefault(); this.choose(u); }}>
          ${u.displayName} <span class="dept">${u.department} · ${u.username}</span></li>`)}</ul>` : nothing}
      ${this._q.trim() && !open && this._seq > 0 && !this._error ? html`<p class="muted" role="status">${msg('people.none')}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-people-picker': KotsuPeoplePicker;
  }
  interface HTMLElementEventMap {
    'kotsu-people-change': CustomEvent<PickedPerson[]>;
  }
}
