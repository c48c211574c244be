import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../data/http';
import { IMAGE_MAX_BYTES, IMAGE_TYPES, uploadImage } from '../data/images';
import { errorMessage } from '../i18n/error-message';
import { formatDate, msg } from '../i18n/catalogue';
import { imeComposing } from '../shared/ime';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { TextareaTarget } from './textarea-target';

let uploadSeq = 0;

/** Alt text as Markdown can hold it: no brackets, backslashes or line breaks, at most 80 characters. */
const cleanAlt = (text: string) => text.replace(/[[\]\\\n\r]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);

/**
 * Alt text for an added image, never empty (an image without it says nothing to a screen reader):
 * the file's name, or for a pasted screenshot, whose name is a generic one the browser gives
 * (image.png), 「スクリーンショット（date and time）」. The writer may change it (the field
 * below the buttons).
 */
function altOf(file: File, now: Date): string {
  const base = cleanAlt(file.name.replace(/\.[^.]*$/, ''));
  return /^(image|clipboard|blob|screenshot|pasted image)?$/i.test(base)
    ? msg('image.screenshotAlt', { date: formatDate(now.toISOString(), true) }) : base;
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
    .alt { margin-top: 0.5rem; }
    .alt label { display: block; font-weight: 600; margin-bottom: 0.2rem; }
    .alt input { flex: 1 1 12rem; min-width: 0; width: auto; margin: 0; }
  `];

  @property() for = '';
  @state() private _busy = 0;
  @state() private _status = '';
  @state() private _error = '';
  /** The image added last, whose alt text the writer may change here. */
  @state() private _added: { url: string; alt: string } | null = null;

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
        const alt = altOf(file, new Date());
        this.replace(`![${alt}](${img.url})`, placeholder);
        this._added = { url: img.url, alt };
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

  /** Rewrites the alt text of the image added last, where it stands in the text. */
  private onAltInput(e: Event): void {
    const added = this._added;
    if (!added) return;
    const alt = cleanAlt((e.target as HTMLInputElement).value);
    const ta = this._target;
    // Removed or rewritten by hand since: nothing left to change here.
    if (!ta || !ta.value.includes(`![${added.alt}](${added.url})`)) {
      this._added = null;
      return;
    }
    this.replace(`![${alt}](${added.url})`, `![${added.alt}](${added.url})`);
    this._added = { ...added, alt };
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
      ${this._added ? html`<div class="alt">
        <label for="image-alt">${msg('image.altLabel')}</label>
        <div class="row"><input id="image-alt" type="text" .value=${this._added.alt} @input=${this.onAltInput}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' && !imeComposing(e)) { e.preventDefault(); this._added = null; this._target?.focus(); } }} />
        <button type="button" class="btn secondary" @click=${() => { this._added = null; this._target?.focus(); }}>${msg('image.altDone')}</button></div>
      </div>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-image-tools': KotsuImageTools;
  }
}
