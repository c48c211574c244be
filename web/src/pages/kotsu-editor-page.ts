import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-edit-conflict';
import '../components/kotsu-image-tools';
import '../components/kotsu-markdown';
import '../components/kotsu-md-toolbar';
import '../components/kotsu-mention-complete';
import '../components/kotsu-tag-input';
import '../components/kotsu-template-picker';
import '../components/kotsu-similar-tips';
import type { ConflictChoice } from '../components/kotsu-edit-conflict';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import { ConflictError, createTip, publishDraft, saveTip } from '../data/drafts';
import { getPost, renderPreview } from '../data/posts';
import { addAnswer, getRequest } from '../data/requests';
import type { EditConflict } from '../data/revisions';
import type { Template } from '../data/templates';
import type { Post } from '../data/types';
import { formatDate, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { navigate, setLeaveGuard, setPageTitle } from '../router/router';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';
import { addressId, isNotFound, notFoundView } from '../shared/not-found';
import { mayEdit, sessionUser } from '../state/session';
import { sharedStyles } from '../styles/shared';

const PREVIEW_DELAY_MS = 250;
/** A new tip or a draft is saved as a draft this long after the last keystroke. */
const AUTOSAVE_DELAY_MS = 3000;

/**
 * Writes a new tip (/new) or edits one (/tips/:id/edit): title, tags with suggestions, Markdown
 * with a live preview from the server's renderer, clear errors, and a warning before leaving
 * with unsaved changes. Loaded only when opened, so the home page stays light.
 * Authoring: a template to start from, images pasted/dropped/picked into the body, a new tip or
 * draft autosaved as a draft and published later, and a save over someone else's newer revision
 * refused (409) with their changes shown for merging by hand. `/new?request=N` answers 教えて N.
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
  /** The tip of the address is not there, or this member may not edit it. */
  @state() private _notFound = false;
  /** The revision the edit started from, sent back with each save (409 if the tip moved on). */
  @state() private _revision: number | undefined = undefined;
  @state() private _status: Post['status'] | null = null;
  /** Set once a new tip has been autosaved as a draft. */
  @state() private _draftId: number | null = null;
  @state() private _autosaveNote = '';
  @state() private _conflict: EditConflict | null = null;
  @state() private _request: { id: number; title: string } | null = null;
  private _autosaveTimer = 0;
  private _autosaving: Promise<void> | null = null;
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
    return this.params.id !== undefined ? addressId(this.params.id) : this._draftId;
  }

  /** A new tip or a draft: autosaved, and published with the main button. */
  private get drafting(): boolean {
    return this.editId === null || this._status === 'draft';
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
    window.clearTimeout(this._autosaveTimer);
    this._previewAbort?.abort();
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    const id = this.editId;
    const requestId = Number(this.query.get('request'));
    if (Number.isSafeInteger(requestId) && requestId > 0) {
      getRequest(requestId).then((r) => { this._request = { id: r.id, title: r.title }; }, () => undefined);
    }
    if (id === null) {
      if (this.params.id !== undefined) this._notFound = true;
      else this._loaded = true;
      return;
    }
    try {
      const post = await getPost(id);
      // Another member's tip reads as not there: the server would refuse every save.
      if (!mayEdit(sessionUser(), post)) {
        this._notFound = true;
        return;
      }
      this.take(post);
      setPageTitle(() => `${msg('editor.editTitle')}: ${post.title}`);
      this._loaded = true;
    } catch (err) {
      if (isNotFound(err)) this._notFound = true;
      else this._error = this.describe(err);
    }
  }

  /** Makes the server's version of the tip the one being edited. */
  private take(post: Post): void {
    this._title = post.title;
    this._tags = post.tags;
    this._body = post.body;
    this._previewHtml = post.html;
    this._saved = { title: post.title, tags: JSON.stringify(post.tags), body: post.body };
    this._revision = post.revision;
    this._status = post.status;
  }

  /** The field holding more than the server takes ('#title', '#body'), if any: nothing is sent then. */
  private get tooLong(): string | null {
    if (charactersOver(this._title.trim(), LIMITS.title)) return '#title';
    return charactersOver(this._body, LIMITS.body) ? '#body' : null;
  }

  private get input() {
    return { title: this._title.trim(), tags: this._tags, body: this._body };
  }

  private snapshot() {
    return { title: this._title, tags: JSON.stringify(this._tags), body: this._body };
  }

  /** `saved` is what the editor held when the save was sent; typing since then stays unsaved. */
  private markSaved(post: Post, saved: KotsuEditorPage['_saved']): void {
    this._saved = saved;
    this._revision = post.revision;
    this._status = post.status;
  }

  /** Any change to a new tip or draft (re)starts the autosave countdown. */
  private changed(): void {
    if (!this.drafting || this._conflict) return;
    window.clearTimeout(this._autosaveTimer);
    this._autosaveTimer = window.setTimeout(() => { void this.autosave(); }, AUTOSAVE_DELAY_MS);
  }

  private autosave(explicit = false): Promise<void> {
    this._autosaving ??= this.saveDraft(explicit).finally(() => { this._autosaving = null; });
    return this._autosaving;
  }

  private async saveDraft(explicit: boolean): Promise<void> {
    window.clearTimeout(this._autosaveTimer);
    if (!this.drafting || this._conflict || (!this.dirty && !explicit)) return;
    if (!this._title.trim()) {
      this._autosaveNote = msg('draft.needTitle');
      return;
    }
    if (this.tooLong) {
      this._autosaveNote = msg('draft.tooLong');
      return;
    }
    const saved = this.snapshot();
    try {
      const id = this.editId;
      const post = id === null ? await createTip(this.input, 'draft') : await saveTip(id, this.input, this._revision);
      if (id === null) {
        this._draftId = post.id;
        // The address becomes the draft's, without reloading the page under the writer's cursor.
        history.replaceState(history.state, '', `/tips/${post.id}/edit${this._request ? `?request=${this._request.id}` : ''}`);
      }
      this.markSaved(post, saved);
      this._autosaveNote = msg(explicit ? 'draft.saved' : 'draft.autosaved', { time: formatDate(post.updatedAt, true) });
    } catch (err) {
      if (err instanceof ConflictError) this._conflict = err.conflict;
      else this._autosaveNote = msg('draft.autosaveFailed', { message: this.describe(err) });
    }
  }

  private onResolve(choice: ConflictChoice): void {
    const c = this._conflict;
    if (!c) return;
    this._conflict = null;
    if (choice === 'take-theirs') {
      this.take(c.current);
    } else {
      // Their revision is now the base: the next save, with what is in the editor, goes through.
      this._revision = c.currentRevision;
      this._status = c.current.status;
    }
    this._error = '';
  }

  private async applyTemplate(t: Template): Promise<void> {
    if (this._body.trim() || this._title.trim()) {
      const ok = await confirmAction({
        title: msg('template.replaceTitle'), body: [msg('template.replaceBody', { name: t.name })], confirmLabel: msg('template.replace'),
      });
      if (ok === null) return;
    }
    if (t.title) this._title = t.title;
    if (t.tags.length) this._tags = [...t.tags];
    this._body = t.body;
    this.changed();
    void this.preview();
    this.renderRoot.querySelector<HTMLElement>(t.title ? '#body' : '#title')?.focus();
  }

  private describe(err: unknown): string {
    return errorMessage(err);
  }

  private onBodyInput(e: Event): void {
    this._body = (e.target as HTMLTextAreaElement).value;
    this.changed();
    window.clearTimeout(this._previewTimer);
    this._previewTimer = window.setTimeout(() => { void this.preview(); }, PREVIEW_DELAY_MS);
  }

  private async preview(): Promise<void> {
    // Over the limit the server renders nothing: the last preview stays, the field says why.
    if (charactersOver(this._body, LIMITS.body)) return;
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

  /**
   * Text still in the tag field becomes tags before anything is saved (issue 18: a tag typed
   * but not confirmed is never lost). False when some of it cannot be a tag: the field says why.
   */
  private commitTags(): boolean {
    const input = this.renderRoot.querySelector('kotsu-tag-input');
    if (!input || input.commit()) return true;
    input.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
    return false;
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    // What the last attempt said no longer holds (a title typed since): this attempt says its own.
    this._error = '';
    if (!this.commitTags()) return;
    if (!this._title.trim()) {
      this._error = msg('editor.titleRequired');
      this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
      return;
    }
    const tooLong = this.tooLong;
    if (tooLong) {
      this.renderRoot.querySelector<HTMLElement>(tooLong)?.focus();
      return;
    }
    this._saving = true;
    this._error = '';
    window.clearTimeout(this._autosaveTimer);
    try {
      await this._autosaving;
      const id = this.editId;
      const saved = this.snapshot();
      let post: Post | null = null;
      if (id === null) {
        post = await createTip(this.input, 'published');
      } else {
        if (this.dirty || this._status !== 'draft') post = await saveTip(id, this.input, this._revision);
        if (this._status === 'draft') post = await publishDraft(id);
      }
      if (!post) return;
      this.markSaved(post, saved);
      if (this._request) await addAnswer(this._request.id, post.id).catch(() => undefined);
      navigate(`/tips/${post.id}`);
    } catch (err) {
      if (err instanceof ConflictError) this._conflict = err.conflict;
      else this._error = this.describe(err);
    } finally {
      this._saving = false;
    }
  }

  override render() {
    const editing = this.editId !== null;
    if (this._notFound) return notFoundView();
    if (!this._loaded) {
      return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('common.loading')}</p>`;
    }
    return html`
      <h1>${editing && !this.drafting ? msg('editor.editTitle') : msg('editor.newTitle')}</h1>
      ${this._request ? html`<p class="notice">${msg('draft.answering', { title: this._request.title })}</p>` : nothing}
      ${this._status === 'draft' ? html`<p class="notice">${msg('draft.isDraft')}</p>` : nothing}
      ${!editing ? html`<kotsu-template-picker @kotsu-template-chosen=${(e: CustomEvent<Template>) => void this.applyTemplate(e.detail)}></kotsu-template-picker>` : nothing}
      <kotsu-edit-conflict .conflict=${this._conflict} base=${this._revision ?? 0}
        @kotsu-conflict-resolve=${(e: CustomEvent<ConflictChoice>) => this.onResolve(e.detail)}></kotsu-edit-conflict>
      <form @submit=${this.onSubmit} novalidate>
        <label for="title">${msg('editor.title')}</label>
        <input id="title" type="text" required .value=${this._title} placeholder=${msg('editor.titlePlaceholder')}
          @input=${(e: Event) => { this._title = (e.target as HTMLInputElement).value; this.changed(); }} />
        ${lengthNotice(this._title.trim(), LIMITS.title)}
        ${this.params.id ? nothing : html`<kotsu-similar-tips .text=${this._title}></kotsu-similar-tips>`}
        <label for="tag-input">${msg('editor.tags')}</label>
        <kotsu-tag-input input-id="tag-input" label=${msg('editor.tags')} .tags=${this._tags}
          @kotsu-tags-change=${(e: CustomEvent<string[]>) => { this._tags = e.detail; this.changed(); }}></kotsu-tag-input>
        <div class="panes">
          <div>
            <label for="body">${msg('editor.body')}</label>
            <kotsu-md-toolbar for="body"></kotsu-md-toolbar>
            <textarea id="body" .value=${this._body} @input=${this.onBodyInput} aria-describedby="body-help"></textarea>
            ${lengthNotice(this._body, LIMITS.body)}
            <kotsu-mention-complete for="body"></kotsu-mention-complete>
            <kotsu-image-tools for="body"></kotsu-image-tools>
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
          <button class="btn" type="submit" ?disabled=${this._saving || this._conflict !== null}>
            ${this._saving ? msg('editor.saving') : this.drafting ? msg('editor.publish') : msg('editor.saveChanges')}
          </button>
          ${this.drafting ? html`<button class="btn secondary" type="button" ?disabled=${this._saving || this._conflict !== null}
            @click=${() => { if (this.commitTags()) void this.autosave(true); }}>${msg('draft.save')}</button>` : nothing}
          <a class="btn secondary" href=${editing && this._status !== 'draft' ? `/tips/${this.editId}` : this._status === 'draft' ? '/drafts' : '/'}>${msg('common.cancel')}</a>
          ${editing && !this.drafting ? html`<a href=${`/tips/${this.editId}/history`}>${msg('history.link')}</a>` : nothing}
          <span class="muted" role="status" aria-live="polite">${this._autosaveNote}</span>
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
