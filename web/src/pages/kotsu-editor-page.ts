import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-markdown';
import '../components/kotsu-tag-input';
import { KotsuElement } from '../components/kotsu-element';
import { ApiError } from '../data/http';
import { createPost, getPost, renderPreview, updatePost } from '../data/posts';
import { msg } from '../i18n/catalogue';
import { navigate, setLeaveGuard, setPageTitle } from '../router/router';
import { sharedStyles } from '../styles/shared';

const PREVIEW_DELAY_MS = 250;

/**
 * Writes a new tip (/new) or edits one (/tips/:id/edit): title, tags with suggestions, Markdown
 * with a live preview from the server's renderer, clear errors, and a warning before leaving
 * with unsaved changes. Loaded only when opened, so the home page stays light.
 */
@customElement('kotsu-editor-page')
export class KotsuEditorPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    form { display: grid; gap: 0.25rem; }
    .panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
    @media (max-width: 860px) { .panes { grid-template-columns: minmax(0, 1fr); } }
    textarea { min-height: 24rem; }
    .preview { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: 6px; padding: 0.75rem 1rem; min-height: 24rem; overflow: auto; }
    .pane-title { font-weight: 600; margin: 0.75rem 0 0.25rem; }
    .bar { display: flex; gap: 0.5rem; flex-wrap: wrap; margin-top: 1rem; align-items: center; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _title = '';
  @state() private _tags: string[] = [];
  @state() private _body = '';
  @state() private _previewHtml = '';
  @state() private _error = '';
  @state() private _saving = false;
  @state() private _loaded = false;
  private _saved = { title: '', tags: '[]', body: '' };
  private _previewTimer = 0;
  private _previewAbort: AbortController | null = null;
  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.dirty) {
      e.preventDefault();
      e.returnValue = '';
    }
  };

  private get editId(): number | null {
    return this.params.id ? Number(this.params.id) : null;
  }

  private get dirty(): boolean {
    return this._title !== this._saved.title || JSON.stringify(this._tags) !== this._saved.tags || this._body !== this._saved.body;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
    setLeaveGuard(() => !this.dirty);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    setLeaveGuard(null);
    window.clearTimeout(this._previewTimer);
    this._previewAbort?.abort();
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    const id = this.editId;
    if (id === null) {
      this._loaded = true;
      return;
    }
    try {
      const post = await getPost(id);
      this._title = post.title;
      this._tags = post.tags;
      this._body = post.body;
      this._previewHtml = post.html;
      this._saved = { title: post.title, tags: JSON.stringify(post.tags), body: post.body };
      setPageTitle(`${msg('editor.editTitle')}: ${post.title}`);
      this._loaded = true;
    } catch (err) {
      this._error = this.describe(err);
    }
  }

  private describe(err: unknown): string {
    if (err instanceof ApiError) {
      if (err.status === 0) return msg('error.network');
      if (err.status === 401) return msg('error.loginRequired');
      if (err.status === 403) return msg('error.forbidden');
      return msg('error.generic', { message: err.message });
    }
    return msg('error.generic', { message: (err as Error).message });
  }

  private onBodyInput(e: Event): void {
    this._body = (e.target as HTMLTextAreaElement).value;
    window.clearTimeout(this._previewTimer);
    this._previewTimer = window.setTimeout(() => { void this.preview(); }, PREVIEW_DELAY_MS);
  }

  private async preview(): Promise<void> {
    this._previewAbort?.abort();
    const abort = new AbortController();
    this._previewAbort = abort;
    try {
      const { html: rendered } = await renderPreview(this._body, abort.signal);
      if (!abort.signal.aborted) this._previewHtml = rendered;
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) this._error = this.describe(err);
    }
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this._title.trim()) {
      this._error = msg('editor.titleRequired');
      this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
      return;
    }
    this._saving = true;
    this._error = '';
    try {
      const input = { title: this._title.trim(), tags: this._tags, body: this._body };
      const id = this.editId;
      const post = id === null ? await createPost(input) : await updatePost(id, input);
      this._saved = { title: this._title, tags: JSON.stringify(this._tags), body: this._body };
      navigate(`/tips/${post.id}`);
    } catch (err) {
      this._error = this.describe(err);
    } finally {
      this._saving = false;
    }
  }

  override render() {
    const editing = this.editId !== null;
    if (!this._loaded) {
      return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('common.loading')}</p>`;
    }
    return html`
      <h1>${editing ? msg('editor.editTitle') : msg('editor.newTitle')}</h1>
      <form @submit=${this.onSubmit} novalidate>
        <label for="title">${msg('editor.title')}</label>
        <input id="title" type="text" maxlength="200" required .value=${this._title} placeholder=${msg('editor.titlePlaceholder')}
          @input=${(e: Event) => { this._title = (e.target as HTMLInputElement).value; }} />
        <label for="tag-input">${msg('editor.tags')}</label>
        <kotsu-tag-input input-id="tag-input" label=${msg('editor.tags')} .tags=${this._tags}
          @kotsu-tags-change=${(e: CustomEvent<string[]>) => { this._tags = e.detail; }}></kotsu-tag-input>
        <div class="panes">
          <div>
            <label for="body">${msg('editor.body')}</label>
            <textarea id="body" maxlength="100000" .value=${this._body} @input=${this.onBodyInput} aria-describedby="body-help"></textarea>
            <p id="body-help" class="muted">${msg('editor.help')}</p>
          </div>
          <div>
            <p class="pane-title" id="preview-title">${msg('editor.preview')}</p>
            <section class="preview" aria-labelledby="preview-title" aria-live="off">
              <kotsu-markdown .html=${this._previewHtml}></kotsu-markdown>
            </section>
          </div>
        </div>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        <div class="bar">
          <button class="btn" type="submit" ?disabled=${this._saving}>
            ${this._saving ? msg('editor.saving') : editing ? msg('editor.saveChanges') : msg('editor.publish')}
          </button>
          <a class="btn secondary" href=${editing ? `/tips/${this.editId}` : '/'}>${msg('common.cancel')}</a>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-editor-page': KotsuEditorPage;
  }
}
