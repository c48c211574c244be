import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate, type Template, type TemplateInput } from '../data/templates';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';
import '../components/kotsu-image-tools';

const EMPTY: TemplateInput = { name: '', description: '', title: '', body: '', tags: [], position: 0 };
const tagsOf = (text: string) => text.split(/[,、，]/).map((t) => t.trim()).filter(Boolean);

/** /admin/templates — the templates offered when starting a new tip: add, change, remove. */
@customElement('kotsu-templates-admin-page')
export class KotsuTemplatesAdminPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .list { display: grid; gap: 1rem; }
    textarea { min-height: 10rem; }
    .two { display: grid; grid-template-columns: minmax(0, 1fr) 8rem; gap: 0 1rem; }
    @media (max-width: 600px) { .two { grid-template-columns: minmax(0, 1fr); } }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
    h2 { margin-top: 0; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: Template[] | null = null;
  /** Edits in progress, by template id (0 = the new one). */
  @state() private _forms = new Map<number, TemplateInput>([[0, { ...EMPTY }]]);
  @state() private _error = '';
  @state() private _status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async load(): Promise<void> {
    try {
      this._items = (await listTemplates()).items;
      this._forms = new Map([[0, this._forms.get(0) ?? { ...EMPTY }], ...this._items.map((t): [number, TemplateInput] =>
        [t.id, { name: t.name, description: t.description, title: t.title, body: t.body, tags: t.tags, position: t.position }])]);
    } catch (err) {
      this.fail(err);
    }
  }

  private set(id: number, patch: Partial<TemplateInput>): void {
    const next = new Map(this._forms);
    next.set(id, { ...(next.get(id) ?? EMPTY), ...patch });
    this._forms = next;
  }

  private async save(e: Event, id: number): Promise<void> {
    e.preventDefault();
    const input = this._forms.get(id);
    if (!input) return;
    if (charactersOver(input.name, LIMITS.templateName) || charactersOver(input.title, LIMITS.templateTitle) || charactersOver(input.description, LIMITS.templateDescription)
      || charactersOver(input.body, LIMITS.templateBody)) return;
    this._error = '';
    try {
      if (id === 0) {
        await createTemplate(input);
        this._forms = new Map(this._forms).set(0, { ...EMPTY });
        this._status = msg('templates.created', { name: input.name });
      } else {
        await updateTemplate(id, input);
        this._status = msg('templates.saved', { name: input.name });
      }
      await this.load();
    } catch (err) {
      this.fail(err);
    }
  }

  private async onDelete(t: Template): Promise<void> {
    const ok = await confirmAction({
      title: msg('templates.deleteTitle'), body: [msg('templates.deleteBody', { name: t.name })], confirmLabel: msg('common.delete'), danger: true,
    });
    if (ok === null) return;
    try {
      await deleteTemplate(t.id);
      this._status = msg('templates.deleted', { name: t.name });
      await this.load();
    } catch (err) {
      this.fail(err);
    }
  }

  private form(id: number, t: Template | null) {
    const f = this._forms.get(id) ?? EMPTY;
    const p = `t${id}`;
    return html`
      <form class="card" @submit=${(e: Event) => this.save(e, id)} aria-labelledby="${p}-h">
        <h2 id="${p}-h">${t ? t.name : msg('templates.new')}</h2>
        <div class="two">
          <div><label for="${p}-name">${msg('templates.name')}</label>
            <input id="${p}-name" type="text" required .value=${f.name} @input=${(e: Event) => this.set(id, { name: (e.target as HTMLInputElement).value })} />
            ${lengthNotice(f.name, LIMITS.templateName)}</div>
          <div><label for="${p}-pos">${msg('templates.position')}</label>
            <input id="${p}-pos" type="number" min="0" max="10000" .value=${String(f.position)} @input=${(e: Event) => this.set(id, { position: Number((e.target as HTMLInputElement).value) || 0 })} /></div>
        </div>
        <label for="${p}-desc">${msg('templates.description')}</label>
        <input id="${p}-desc" type="text" .value=${f.description} @input=${(e: Event) => this.set(id, { description: (e.target as HTMLInputElement).value })} />
        ${lengthNotice(f.description, LIMITS.templateDescription)}
        <label for="${p}-title">${msg('templates.titleField')}</label>
        <input id="${p}-title" type="text" .value=${f.title} @input=${(e: Event) => this.set(id, { title: (e.target as HTMLInputElement).value })} />
        ${lengthNotice(f.title, LIMITS.templateTitle)}
        <label for="${p}-tags">${msg('templates.tags')}</label>
        <input id="${p}-tags" type="text" .value=${f.tags.join(', ')} @change=${(e: Event) => this.set(id, { tags: tagsOf((e.target as HTMLInputElement).value) })} />
        <label for="${p}-body">${msg('templates.body')}</label>
        <textarea id="${p}-body" .value=${f.body} @input=${(e: Event) => this.set(id, { body: (e.target as HTMLTextAreaElement).value })}></textarea>
        <kotsu-image-tools for="${p}-body"></kotsu-image-tools>
        ${lengthNotice(f.body, LIMITS.templateBody)}
        <div class="bar">
          <button class="btn" type="submit">${t ? msg('common.save') : msg('templates.add')}</button>
          ${t ? html`<button class="btn danger" type="button" @click=${() => this.onDelete(t)}>${msg('common.delete')}</button>` : nothing}
        </div>
      </form>`;
  }

  override render() {
    return html`
      <h1>${msg('templates.title')}</h1>
      <p class="muted">${msg('templates.intro')}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p class="muted" role="status">${this._status}</p>
      ${this._items === null ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`) : html`
        <div class="list">
          ${this._items.map((t) => this.form(t.id, t))}
          ${this.form(0, null)}
        </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-templates-admin-page': KotsuTemplatesAdminPage;
  }
}
