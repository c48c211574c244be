import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { allNominations, getProgress, nominationCounts, getRound, scoreNomination, type Nomination, type Progress, type Round } from '../data/awards';
import { msg } from '../i18n/catalogue';
import { link, setLeaveGuard, setPageTitle } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { isNotFound, notFoundView } from '../shared/not-found';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

const POINTS = [1, 2, 3, 4, 5];

/** What a judge has entered for one nomination. */
interface Entry { scores: Record<string, number>; comment: string }

const sameEntry = (a: Entry, b: Entry) =>
  a.comment.trim() === b.comment.trim() && JSON.stringify(Object.entries(a.scores).sort()) === JSON.stringify(Object.entries(b.scores).sort());

/**
 * /awards/:id/judge — a judge scores each nomination 1–5 on every criterion with a comment.
 * Shows their progress (scored / to score) and moves through nominations without reloading:
 * previous / next, "save and go to the next unscored one", and a list to jump anywhere. The
 * address keeps `?n=<nomination id>`, so a judge can bookmark where they were. What is entered
 * and not yet saved stays with its nomination while the judge moves between them (marked 未保存
 * in the list); leaving the page with any of it asks first, as the editor does.
 */
@customElement('kotsu-award-judge-page')
export class KotsuAwardJudgePage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) 16rem; gap: 1.25rem; align-items: start; }
    @media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
    progress { width: 100%; height: 0.9rem; }
    fieldset { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); margin: 0.75rem 0 0; padding: 0.5rem 0.9rem 0.75rem; }
    legend { font-weight: 700; padding: 0 0.3rem; }
    .points { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .points label { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 400; margin: 0; min-height: 40px; padding: 0 0.2rem; cursor: pointer; }
    .points input { width: 1.2rem; height: 1.2rem; }
    .nav { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
    .statement { white-space: pre-wrap; }
    nav ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.15rem; font-size: 0.875rem; }
    nav button { all: unset; cursor: pointer; display: flex; gap: 0.4rem; width: 100%; padding: 0.3rem 0.5rem; border-radius: 6px; box-sizing: border-box; }
    nav button:hover { background: #eef3fa; }
    nav button:focus-visible { outline: 3px solid var(--kotsu-focus, #b35c00); }
    nav button[aria-current='true'] { background: #dfeafb; font-weight: 700; }
    .state { flex: none; width: 4.5rem; color: var(--kotsu-muted); }
    /* Darker than --kotsu-ok: it must read on the current item's tint too (4.43:1 there, now 5.2:1). */
    .state.done { color: #1a6e36; }
    textarea { font-family: var(--kotsu-font); }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _round: Round | null = null;
  @state() private _items: Nomination[] = [];
  @state() private _index = 0;
  @state() private _scores: Record<string, number> = {};
  @state() private _comment = '';
  @state() private _progress: Progress | null = null;
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _notFound = false;
  @state() private _status = '';
  /** Entries not saved yet, by nomination id (only those that differ from what is saved). */
  @state() private _unsaved = new Map<number, Entry>();
  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this._unsaved.size > 0) {
      e.preventDefault();
      e.returnValue = '';
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
    setLeaveGuard(() => this._unsaved.size === 0);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    setLeaveGuard(null);
    super.disconnectedCallback();
  }

  private savedEntry(n: Nomination): Entry {
    return { scores: { ...(n.myScore?.scores ?? {}) }, comment: n.myScore?.comment ?? '' };
  }

  /** Keeps what is entered for the shown nomination, unless it is what is saved. */
  private entered(patch: Partial<Entry>): void {
    const n = this._items[this._index];
    if (!n) return;
    if (patch.scores) this._scores = patch.scores;
    if (patch.comment !== undefined) this._comment = patch.comment;
    const entry = { scores: this._scores, comment: this._comment };
    const unsaved = new Map(this._unsaved);
    if (sameEntry(entry, this.savedEntry(n))) unsaved.delete(n.id);
    else unsaved.set(n.id, entry);
    this._unsaved = unsaved;
  }

  private get roundId(): number {
    return Number(this.params.id);
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async load(): Promise<void> {
    try {
      const [round, items, progress] = await Promise.all([getRound(this.roundId), allNominations(this.roundId), getProgress(this.roundId)]);
      this._round = round;
      // A judge who is also staff is sent hidden tips' nominations too: they are not scored.
      this._items = items.filter((n) => nominationCounts(n.post.status));
      this._progress = progress.me;
      setPageTitle(() => `${msg('judge.title')} — ${round.title}`);
      const wanted = Number(this.query.get('n'));
      // The index in the list shown (hidden tips' nominations left out), not in the answer.
      const at = this._items.findIndex((n) => n.id === wanted);
      this.show(at >= 0 ? at : Math.max(this.nextUnscored(-1), 0));
    } catch (err) {
      if (isNotFound(err) && !this._round) this._notFound = true;
      else this.fail(err);
    }
  }

  /** The index of the first nomination after `from` still to score (wrapping), or -1. */
  private nextUnscored(from: number): number {
    const n = this._items.length;
    for (let step = 1; step <= n; step++) {
      const i = (from + step) % n;
      const item = this._items[i];
      if (!item.ownTip && !item.myScore) return i;
    }
    return -1;
  }

  private show(index: number): void {
    if (this._items.length === 0) return;
    this._index = (index + this._items.length) % this._items.length;
    const n = this._items[this._index];
    const entry = this._unsaved.get(n.id) ?? this.savedEntry(n);
    this._scores = { ...entry.scores };
    this._comment = entry.comment;
    this._error = '';
    history.replaceState(history.state, '', `${location.pathname}?n=${n.id}`);
  }

  private go(index: number): void {
    this._status = '';
    this.show(index);
    this.renderRoot.querySelector<HTMLElement>('#current')?.focus();
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const round = this._round;
    const n = this._items[this._index];
    if (!round || !n || this._busy || !this.complete || charactersOver(this._comment.trim(), LIMITS.judgeComment)) return;
    this._busy = true;
    this._error = '';
    try {
      const saved = await scoreNomination(round.id, n.id, this._scores, this._comment.trim());
      this._items = this._items.map((x) => (x.id === n.id ? { ...x, myScore: { scores: saved.scores, comment: saved.comment, scoredAt: saved.scoredAt } } : x));
      const unsaved = new Map(this._unsaved);
      unsaved.delete(n.id);
      this._unsaved = unsaved;
      this._progress = (await getProgress(round.id)).me;
      const next = this.nextUnscored(this._index);
      this._status = next >= 0 ? msg('judge.saved', { title: n.post.title }) : msg('judge.allDone');
      if (next >= 0) this.show(next);
      this.renderRoot.querySelector<HTMLElement>('#current')?.focus();
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  private get complete(): boolean {
    return (this._round?.criteria ?? []).every((c) => POINTS.includes(this._scores[c.key]));
  }

  private renderForm(round: Round, n: Nomination) {
    if (n.ownTip) return html`<p class="notice">${msg('judge.ownTip')}</p>`;
    if (round.phase !== 'scoring') return html`<p class="notice">${msg('judge.notScoring')}</p>`;
    return html`<form @submit=${(e: Event) => this.save(e)}>
      ${round.criteria.map((c) => html`<fieldset>
        <legend>${msg('round.criterion', { label: c.label, weight: c.weight })}</legend>
        <div class="points">${POINTS.map((p) => html`<label>
          <input type="radio" name=${`c-${c.key}`} value=${p} .checked=${this._scores[c.key] === p}
            @change=${() => this.entered({ scores: { ...this._scores, [c.key]: p } })}>${p}</label>`)}</div>
      </fieldset>`)}
      <p class="muted">${msg('judge.scale')}</p>
      <label for="comment">${msg('judge.comment')}</label>
      <textarea id="comment" rows="4" .value=${this._comment}
        @input=${(e: Event) => this.entered({ comment: (e.target as HTMLTextAreaElement).value })}></textarea>
      ${lengthNotice(this._comment.trim(), LIMITS.judgeComment)}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="nav">
        <button class="btn" type="submit" ?disabled=${this._busy || !this.complete || charactersOver(this._comment.trim(), LIMITS.judgeComment) > 0}>${msg('judge.saveNext')}</button>
      </div>
    </form>`;
  }

  override render() {
    const round = this._round;
    if (this._notFound) return notFoundView({ href: '/awards', label: msg('awards.backToList') });
    if (!round) return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('common.loading')}</p>`;
    if (!round.isJudge) return html`<h1>${msg('judge.title')}</h1><p class="notice">${msg('judge.notJudge')}</p>`;
    const n = this._items[this._index];
    const pr = this._progress;
    return html`
      <h1>${msg('judge.title')} — ${round.title}</h1>
      ${pr ? html`<div class="card">
        <label for="progress">${msg('judge.progress', { scored: pr.scored, total: pr.total, left: pr.toScore })}</label>
        <progress id="progress" max=${Math.max(pr.total, 1)} .value=${pr.scored}></progress>
        ${pr.excluded ? html`<p class="muted">${msg('judge.excluded', { n: pr.excluded })}</p>` : nothing}
      </div>` : nothing}
      ${this._status ? html`<p class="muted" role="status">${this._status}</p>` : nothing}
      ${!n ? html`<p class="muted">${msg('round.noNominations')}</p>` : html`<div class="layout">
        <section class="card" id="current" tabindex="-1" aria-labelledby="current-title">
          <p class="muted">${msg('judge.position', { i: this._index + 1, n: this._items.length })} · ${n.category}</p>
          <h2 id="current-title" style="margin-top:0"><a href=${link('/tips/', n.post.id)} target="_blank" rel="noopener">${n.post.title}</a></h2>
          <p class="muted">${msg('tip.by', { name: n.post.author.displayName, department: n.post.author.department || '—' })}</p>
          <h3>${msg('judge.statement')}</h3>
          <p class="statement">${n.statement}</p>
          ${this.renderForm(round, n)}
          <div class="nav">
            <button class="btn secondary" type="button" @click=${() => this.go(this._index - 1)}>${msg('judge.prev')}</button>
            <button class="btn secondary" type="button" @click=${() => this.go(this._index + 1)}>${msg('judge.next')}</button>
          </div>
        </section>
        <nav aria-label=${msg('judge.list')}>
          <h2 style="margin-top:0">${msg('judge.list')}</h2>
          <ol>${this._items.map((x, i) => html`<li><button type="button" aria-current=${i === this._index ? 'true' : 'false'} @click=${() => this.go(i)}>
            <span class="state ${x.myScore && !this._unsaved.has(x.id) ? 'done' : ''}">${x.ownTip ? msg('judge.state.own') : this._unsaved.has(x.id) ? msg('judge.state.unsaved') : x.myScore ? msg('judge.state.done') : msg('judge.state.todo')}</span>
            <span>${x.post.title}</span></button></li>`)}</ol>
        </nav>
      </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-award-judge-page': KotsuAwardJudgePage;
  }
}
