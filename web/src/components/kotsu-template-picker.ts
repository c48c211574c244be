import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listTemplates, type Template } from '../data/templates';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/**
 * The templates administrators defined, offered when starting a new tip. Shows nothing when
 * there are none (or they cannot be loaded: a template is a convenience, never a blocker).
 * @fires kotsu-template-chosen - detail: Template
 */
@customElement('kotsu-template-picker')
export class KotsuTemplatePicker extends KotsuElement {
  static override styles = [sharedStyles, css`
    fieldset { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.5rem 1rem 0.75rem; margin: 0 0 0.75rem; background: var(--kotsu-surface); }
    legend { font-weight: 600; padding: 0 0.25rem; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
    button { display: block; text-align: left; font: inherit; cursor: pointer; background: #fff; border: 1px solid var(--kotsu-primary); border-radius: var(--kotsu-radius); padding: 0.4rem 0.75rem; color: var(--kotsu-text); max-width: 22rem; }
    button:hover { background: #e8f0fa; }
    .name { display: block; font-weight: 700; color: var(--kotsu-primary); }
    .desc { display: block; font-size: 0.8125rem; color: var(--kotsu-muted); }
  `];

  @state() private _templates: Template[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    listTemplates().then((r) => { this._templates = r.items; }, () => { this._templates = []; });
  }

  private choose(t: Template): void {
    this.dispatchEvent(new CustomEvent<Template>('kotsu-template-chosen', { detail: t, bubbles: true, composed: true }));
  }

  override render() {
    if (this._templates.length === 0) return nothing;
    return html`
      <fieldset>
        <legend>${msg('template.start')}</legend>
        <ul>${this._templates.map((t) => html`<li>
          <button type="button" @click=${() => this.choose(t)}>
            <span class="name">${t.name}</span>${t.description ? html`<span class="desc">${t.description}</span>` : nothing}
          </button></li>`)}</ul>
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-template-picker': KotsuTemplatePicker;
  }
  interface HTMLElementEventMap {
    'kotsu-template-chosen': CustomEvent<Template>;
  }
}
