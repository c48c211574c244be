import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DiffLine, RevisionDiff, Segment } from '../data/revisions';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/**
 * Shows the changes between two revisions: title and body line by line, with the changed words
 * inside a line marked (`<del>`/`<ins>`, announced as removed/added), and tags added or removed.
 * A diff the server cut short (`truncated`, at most DIFF_MAX_ROWS rows) says so above and at its end.
 */
@customElement('kotsu-diff-view')
export class KotsuDiffView extends KotsuElement {
  static override styles = [sharedStyles, css`
    .block { border: 1px solid var(--kotsu-border); border-radius: 6px; overflow: auto; background: #fff; }
    table { border-collapse: collapse; width: 100%; font-family: var(--kotsu-mono); font-size: 0.875rem; }
    td { padding: 0.1rem 0.5rem; vertical-align: top; white-space: pre-wrap; word-break: break-word; }
    td.n { width: 3.5rem; text-align: right; color: var(--kotsu-muted); user-select: none; white-space: nowrap; }
    td.sign { width: 1.5rem; text-align: center; user-select: none; }
    tr.added td, tr.new td { background: #e6f4ea; }
    tr.removed td, tr.old td { background: #fdecea; }
    tr.skip td { background: #f2f4f7; color: var(--kotsu-muted); font-family: inherit; text-align: center; }
    ins { background: #a8dbb5; text-decoration: none; }
    del { background: #f3b2ac; text-decoration: line-through; }
    .title { font-size: 1.05rem; margin: 0.25rem 0 0.75rem; }
    .tags { margin-bottom: 0.75rem; }
    .stats { margin: 0 0 0.5rem; }
    .truncated { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border-left: 4px solid #b26a00; background: #fff4e0; }
    tr.cut td { background: #fff4e0; font-family: inherit; text-align: center; }
  `];

  @property({ attribute: false }) diff: RevisionDiff | null = null;

  private segments(segs: Segment[], side: 'old' | 'new') {
    return segs.filter((s) => s.kind === 'equal' || s.kind === (side === 'old' ? 'removed' : 'added')).map((s) =>
      s.kind === 'equal' ? s.text
        : s.kind === 'added' ? html`<ins><span class="visually-hidden">${msg('diff.addedMark')}</span>${s.text}</ins>`
          : html`<del><span class="visually-hidden">${msg('diff.removedMark')}</span>${s.text}</del>`);
  }

  private line(l: DiffLine) {
    switch (l.kind) {
      case 'skip':
        return html`<tr class="skip"><td colspan="4">${msg('diff.skipped', { n: l.count ?? 0 })}</td></tr>`;
      case 'changed':
        return html`
          <tr class="old"><td class="n">${l.oldLine}</td><td class="n"></td><td class="sign" aria-label=${msg('diff.removedLine')}>−</td><td>${this.segments(l.segments ?? [], 'old')}</td></tr>
          <tr class="new"><td class="n"></td><td class="n">${l.newLine}</td><td class="sign" aria-label=${msg('diff.addedLine')}>+</td><td>${this.segments(l.segments ?? [], 'new')}</td></tr>`;
      case 'added':
        return html`<tr class="added"><td class="n"></td><td class="n">${l.newLine}</td><td class="sign" aria-label=${msg('diff.addedLine')}>+</td><td>${l.text}</td></tr>`;
      case 'removed':
        return html`<tr class="removed"><td class="n">${l.oldLine}</td><td class="n"></td><td class="sign" aria-label=${msg('diff.removedLine')}>−</td><td>${l.text}</td></tr>`;
      default:
        return html`<tr><td class="n">${l.oldLine}</td><td class="n">${l.newLine}</td><td class="sign"></td><td>${l.text}</td></tr>`;
    }
  }

  override render() {
    const d = this.diff;
    if (!d) return nothing;
    const titleChanged = d.title.some((s) => s.kind !== 'equal');
    const tagsChanged = d.tags.added.length + d.tags.removed.length > 0;
    return html`
      <p class="stats muted">${msg('diff.stats', { added: d.stats.added, removed: d.stats.removed })}</p>
      ${d.truncated ? html`<p class="truncated" role="note">${msg('diff.truncated')}</p>` : nothing}
      ${titleChanged ? html`<p class="title"><strong>${msg('diff.title')}</strong> ${this.segments(d.title, 'old')} → ${this.segments(d.title, 'new')}</p>` : nothing}
      ${tagsChanged ? html`<p class="tags">
        ${d.tags.added.length ? html`<span>${msg('diff.tagsAdded', { tags: d.tags.added.join('、') })}</span> ` : nothing}
        ${d.tags.removed.length ? html`<span>${msg('diff.tagsRemoved', { tags: d.tags.removed.join('、') })}</span>` : nothing}</p>` : nothing}
      ${d.body.length === 0 ? html`<p class="muted">${msg('diff.bodySame')}</p>` : html`
        <div class="block"><table>
          <caption class="visually-hidden">${msg('diff.caption', { from: d.from.number, to: d.to.number })}</caption>
          <thead class="visually-hidden"><tr><th scope="col">${msg('diff.oldLineNo')}</th><th scope="col">${msg('diff.newLineNo')}</th><th scope="col">${msg('diff.change')}</th><th scope="col">${msg('diff.text')}</th></tr></thead>
          <tbody>${d.body.map((l) => this.line(l))}
            ${d.truncated ? html`<tr class="cut"><td colspan="4">${msg('diff.truncatedEnd')}</td></tr>` : nothing}</tbody>
        </table></div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-diff-view': KotsuDiffView;
  }
}
