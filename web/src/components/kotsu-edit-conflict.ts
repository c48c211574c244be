import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getDiff, type EditConflict, type RevisionDiff } from '../data/revisions';
import { msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { sharedStyles } from '../styles/shared';
import './kotsu-diff-view';
import { KotsuElement } from './kotsu-element';

export type ConflictChoice = 'keep-mine' | 'take-theirs';

/**
 * Shown when a save is refused because someone saved the tip after this edit started: what
 * they changed (a diff from the editor's base to the current revision), so it can be merged by
 * hand into the text still in the editor; then save over it, or drop the edit for theirs.
 * @fires kotsu-conflict-resolve - detail: ConflictChoice
 */
@customElement('kotsu-edit-conflict')
export class KotsuEditConflict extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin: 1rem 0; }
    section { border: 2px solid #e6c66e; background: #fffbef; border-radius: var(--kotsu-radius); padding: 0.75rem 1rem; }
    h2 { margin-top: 0; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; align-items: center; }
  `];

  @property({ attribute: false }) conflict: EditConflict | null = null;
  /** The revision the edit started from. */
  @property({ type: Number }) base = 0;
  @state() private _diff: RevisionDiff | null = null;
  @state() private _error = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('conflict') || changed.has('base')) void this.loadDiff();
  }

  private async loadDiff(): Promise<void> {
    const c = this.conflict;
    this._diff = null;
    this._error = '';
    if (!c || !this.base || this.base >= c.currentRevision) return;
    try {
      this._diff = await getDiff(c.current.id, { from: this.base, to: c.currentRevision });
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private choose(choice: ConflictChoice): void {
    this.dispatchEvent(new CustomEvent<ConflictChoice>('kotsu-conflict-resolve', { detail: choice, bubbles: true, composed: true }));
  }

  override render() {
    const c = this.conflict;
    if (!c) return nothing;
    return html`
      <section role="alert" aria-labelledby="conflict-title">
        <h2 id="conflict-title">${msg('conflict.title')}</h2>
        <p>${msg('conflict.body', { name: c.current.author.displayName, n: c.currentRevision })}</p>
        ${this._error ? html`<p class="error">${this._error}</p>` : nothing}
        ${this._diff ? html`<h3>${msg('conflict.theirChanges')}</h3><kotsu-diff-view .diff=${this._diff}></kotsu-diff-view>` : nothing}
        <div class="bar">
          <button class="btn" type="button" @click=${() => this.choose('keep-mine')}>${msg('conflict.keepMine')}</button>
          <button class="btn secondary" type="button" @click=${() => this.choose('take-theirs')}>${msg('conflict.takeTheirs')}</button>
          ${this.base ? html`<a href=${`/tips/${c.current.id}/history?from=${this.base}&to=${c.currentRevision}`} target="_blank" rel="noopener">${msg('conflict.openHistory')}</a>` : nothing}
        </div>
        <p class="muted">${msg('conflict.help')}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-edit-conflict': KotsuEditConflict;
  }
  interface HTMLElementEventMap {
    'kotsu-conflict-resolve': CustomEvent<ConflictChoice>;
  }
}
