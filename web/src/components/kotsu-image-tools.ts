import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../data/http';
import { IMAGE_MAX_BYTES, IMAGE_TYPES, uploadImage } from '../data/images';
import { errorMessage } from '../i18n/error-message';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { TextareaTarget } from './textarea-target';

let uploadSeq = 0;

/** Alt text from a file name; a pasted screenshot's generic name says nothing, so it gets none. */
function altOf(file: File): string {
  const base = file.name.replace(/\.[^.]*$/, '').replace(/[[\]\\\n\r]/g, ' ').trim();
  return /^(image|clipboard|blob|screenshot)?$/i.test(base) ? '' : base.slice(0, 80);
}

/**
 * Adds images to the Markdown textarea named by `for`: paste a screenshot, drop files on it, or
 * pick them with the button. Each is uploaded and `![alt](/api/images/…)` replaces a placeholder
 * inserted at the cursor. The textarea then fires `input`, so the page's own handler updates its
 * state and preview exactly as for typing.
 * @attr for - id of the textarea, in the same document or shadow root.
 */
@customElement('kotsu-image-tools')
export class KotsuImageTools extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin: 0.35rem 0; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .btn { min-height: 36px; padding: 0.25rem 0.75rem; font-weight: 500; }
    .error { margin: 0.35rem 0 0; }
  `];

  @property() for = '';
  @state() private _busy = 0;
  @state() private _status = '';
  @state() private _error = '';

  private readonly onPaste = (e: ClipboardEvent) => {
    const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
    if (files.length === 0) return;
    e.preventDefault();
    void this.addFiles(files);
  };

  private readonly onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  private readonly onDrop = (e: DragEvent) => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    void this.addFiles(files);
  };

  private readonly _textarea = new TextareaTarget({
    paste: this.onPaste as EventListener, dragover: this.onDragOver as EventListener, drop: this.onDrop as EventListener,
  });

  private get _target(): HTMLTextAreaElement | null {
    return this._textarea.current;
  }

  override disconnectedCallback(): void {
    this._textarea.follow(this, null);
    super.disconnectedCallback();
  }

  protected override updated(): void {
    this._textarea.follow(this, this.for);
  }

  /** Replaces the selection (or `find`, if given and present) and lets the page know. */
  private replace(text: string, find?: string): void {
    const ta = this._target;
    if (!ta) return;
    const at = find === undefined ? -1 : ta.value.indexOf(find);
    if (find !== undefined && at < 0) return;
    const start = at >= 0 ? at : ta.selectionStart;
    const end = at >= 0 ? at + find!.length : ta.selectionEnd;
    ta.setRangeText(text, start, end, at >= 0 ? 'preserve' : 'end');
    ta.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  private describe(err: unknown): string {
    if (err instanceof ApiError) {
      if (err.status === 413) return msg('image.tooLarge', { mb: IMAGE_MAX_BYTES / 1024 / 1024 });
      if (err.status === 415) return msg('image.unsupported');
    }
    return errorMessage(err);
  }

  async addFiles(files: File[]): Promise<void> {
    this._error = '';
    const ta = this._target;
    if (!ta) return;
    for (const file of files) {
      const placeholder = `![${msg('image.uploading')} #${++uploadSeq}]()`;
      const before = ta.value.slice(0, ta.selectionStart);
      // An image reads best on a line of its own.
      this.replace(`${before === '' || before.endsWith('\n') ? '' : '\n'}${placeholder}\n`);
      this._busy++;
      this._status = msg('image.uploadingStatus');
      try {
        const img = await uploadImage(file);
        this.replace(`![${altOf(file)}](${img.url})`, placeholder);
        this._status = msg('image.added');
      } catch (err) {
        this.replace('', `${placeholder}\n`);
        this._error = `${file.name || msg('image.pasted')}: ${this.describe(err)}`;
        this._status = '';
      } finally {
        this._busy--;
      }
    }
  }

  private onPick(e: Event): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) void this.addFiles(files);
  }

  override render() {
    return html`
      <div class="row">
        <button type="button" class="btn secondary" ?disabled=${this._busy > 0}
          @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${msg('image.pick')}</button>
        <input type="file" hidden multiple accept=${IMAGE_TYPES.join(',')} @change=${this.onPick} />
        <span class="muted">${msg('image.hint')}</span>
        <span class="muted" role="status" aria-live="polite">${this._status}</span>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-image-tools': KotsuImageTools;
  }
}
