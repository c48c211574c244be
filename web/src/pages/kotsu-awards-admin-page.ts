import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import '../components/kotsu-people-picker';
import type { PickedPerson } from '../components/kotsu-people-picker';
import { PHASE_LABEL } from '../components/kotsu-tip-awards';
import { advancePhase, createRound, getProgress, listRounds, PHASES, type Phase, type ProgressReport, type Round } from '../data/awards';
import { msg, type MessageKey } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

interface CriterionForm { label: string; weight: string }

const DEFAULT_CRITERIA: CriterionForm[] = [
  { label: '効果', weight: '3' }, { label: '汎用性', weight: '2' }, { label: '独自性', weight: '1' },
];
const NEXT_ACTION: Partial<Record<Phase, { to: Exclude<Phase, 'published'>; label: MessageKey; confirm: MessageKey }>> = {
  nominating: { to: 'scoring', label: 'awardsAdmin.startScoring', confirm: 'awardsAdmin.confirmScoring' },
  scoring: { to: 'closed', label: 'awardsAdmin.close', confirm: 'awardsAdmin.confirmClose' },
};

const splitList = (text: string) => text.split(/[\n,、，]+/).map((s) => s.trim()).filter(Boolean);

/**
 * /admin/awards — administrators open a DX賞 round (categories, weighted criteria, jury) and
 * move it through its phases, one step at a time; while the jury scores, each judge's progress
 * shows here. Winners are chosen and published on the round's results page.
 */
@customElement('kotsu-awards-admin-page')
export class KotsuAwardsAdminPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    ol.rounds { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
    ol.steps { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0.5rem 0; }
    ol.steps li { padding: 0.1rem 0.6rem; border-radius: 999px; background: #eef1f5; color: var(--kotsu-muted); font-size: 0.8125rem; }
    ol.steps li[aria-current='step'] { background: var(--kotsu-primary); color: #fff; font-weight: 700; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
    .criteria { display: grid; gap: 0.4rem; }
    .criterion { display: grid; grid-template-columns: minmax(0, 1fr) 6rem auto; gap: 0.5rem; align-items: end; }
    .criterion label { margin: 0; font-weight: 400; font-size: 0.8125rem; }
    table { border-collapse: collapse; font-size: 0.875rem; margin-top: 0.5rem; }
    th, td { text-align: left; padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--kotsu-border); }
    td.num { text-align: right; }
    textarea { font-family: var(--kotsu-font); }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _rounds: Round[] | null = null;
  @state() private _progress: Record<number, ProgressReport> = {};
  @state() private _title = '';
  @state() private _categories = '事業部門\n業務改善部門';
  @state() private _criteria: CriterionForm[] = DEFAULT_CRITERIA.map((c) => ({ ...c }));
  @state() private _judges: PickedPerson[] = [];
  @state() private _busy = false;
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
      const rounds = (await listRounds()).items;
      this._rounds = rounds;
      const scoring = rounds.filter((r) => r.phase === 'scoring');
      const reports = await Promise.all(scoring.map((r) => getProgress(r.id)));
      this._progress = Object.fromEntries(scoring.map((r, i) => [r.id, reports[i]]));
    } catch (err) {
      this.fail(err);
    }
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    if (this._busy) return;
    if (this._judges.length === 0) {
      this._error = msg('awardsAdmin.needJudges');
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const round = await createRound({
        title: this._title.trim(),
        categories: splitList(this._categories),
        criteria: this._criteria.map((c, i) => ({ key: `c${i + 1}`, label: c.label.trim(), weight: Number(c.weight) })),
        judges: this._judges.map((p) => p.username),
      });
      this._status = msg('awardsAdmin.created', { title: round.title });
      this._title = '';
      this._judges = [];
      await this.load();
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  private async advance(round: Round): Promise<void> {
    const next = NEXT_ACTION[round.phase];
    if (!next || this._busy) return;
    const ok = await confirmAction({
      title: msg(next.label), body: [msg(next.confirm, { title: round.title })], confirmLabel: msg(next.label),
    });
    if (ok === null || this._busy) return;
    this._busy = true;
    this._error = '';
    try {
      const updated = await advancePhase(round.id, next.to);
      this._status = msg('awardsAdmin.moved', { title: updated.title, phase: msg(PHASE_LABEL[updated.phase]) });
      await this.load();
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  private setCriterion(i: number, change: Partial<CriterionForm>): void {
    this._criteria = this._criteria.map((c, j) => (j === i ? { ...c, ...change } : c));
  }

  private renderRound(r: Round) {
    const next = NEXT_ACTION[r.phase];
    const progress = this._progress[r.id];
    return html`<li class="card">
      <h3 style="margin:0"><a href=${`/awards/${r.id}`}>${r.title}</a></h3>
      <ol class="steps" aria-label=${msg('round.phase')}>${PHASES.map((p) => html`<li aria-current=${p === r.phase ? 'step' : 'false'}>${msg(PHASE_LABEL[p])}</li>`)}</ol>
      <div class="muted">${msg('awards.count', { n: r.nominationCount })} · ${msg('round.jury')}: ${r.jury.map((j) => j.displayName).join('、')}</div>
      ${progress ? html`<table><caption class="visually-hidden">${msg('awardsAdmin.progress')}</caption>
        <thead><tr><th scope="col">${msg('round.jury')}</th><th scope="col">${msg('awardsAdmin.progress')}</th></tr></thead>
        <tbody>${progress.judges.map((j) => html`<tr><td>${j.judge.displayName}</td>
          <td class="num">${msg('awardsAdmin.progressRow', { scored: j.scored, total: j.total })}</td></tr>`)}</tbody></table>` : nothing}
      <div class="buttons">
        ${next ? html`<button class="btn" type="button" ?disabled=${this._busy} @click=${() => this.advance(r)}>${msg(next.label)}</button>` : nothing}
        ${r.phase === 'closed' ? html`<a class="btn" href=${`/awards/${r.id}/results`}>${msg('awardsAdmin.choose')}</a>`
          : html`<a class="btn secondary" href=${`/awards/${r.id}/results`}>${msg('results.title')}</a>`}
      </div>
    </li>`;
  }

  override render() {
    return html`
      <h1>${msg('awardsAdmin.title')}</h1>
      ${this._status ? html`<p class="muted" role="status">${this._status}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <h2>${msg('awardsAdmin.rounds')}</h2>
      ${this._rounds === null ? html`<p class="muted">${msg('common.loading')}</p>`
        : this._rounds.length ? html`<ol class="rounds">${this._rounds.map((r) => this.renderRound(r))}</ol>`
        : html`<p class="muted">${msg('awards.none')}</p>`}
      <h2>${msg('awardsAdmin.new')}</h2>
      <form class="card" @submit=${(e: Event) => this.create(e)}>
        <label for="round-title">${msg('awardsAdmin.roundTitle')}</label>
        <input id="round-title" type="text" required maxlength="200" placeholder="令和8年度 DX賞" .value=${this._title}
          @input=${(e: Event) => { this._title = (e.target as HTMLInputElement).value; }}>
        <label for="round-categories">${msg('awardsAdmin.categories')}</label>
        <textarea id="round-categories" rows="3" required .value=${this._categories}
          @input=${(e: Event) => { this._categories = (e.target as HTMLTextAreaElement).value; }}></textarea>
        <fieldset style="border:none;padding:0;margin:0.75rem 0 0">
          <legend style="font-weight:600">${msg('awardsAdmin.criteria')}</legend>
          <div class="criteria">${this._criteria.map((c, i) => html`<div class="criterion">
            <div><label for=${`crit-label-${i}`}>${msg('awardsAdmin.criterionLabel', { n: i + 1 })}</label>
              <input id=${`crit-label-${i}`} type="text" required maxlength="40" .value=${c.label}
                @input=${(e: Event) => this.setCriterion(i, { label: (e.target as HTMLInputElement).value })}></div>
            <div><label for=${`crit-weight-${i}`}>${msg('awardsAdmin.weight')}</label>
              <input id=${`crit-weight-${i}`} type="number" required min="1" max="100" step="1" .value=${c.weight}
                aria-label=${msg('awardsAdmin.weightOf', { n: i + 1 })}
                @input=${(e: Event) => this.setCriterion(i, { weight: (e.target as HTMLInputElement).value })}></div>
            <button class="btn secondary" type="button" ?disabled=${this._criteria.length <= 1}
              aria-label=${msg('awardsAdmin.removeCriterion', { n: i + 1 })}
              @click=${() => { this._criteria = this._criteria.filter((_, j) => j !== i); }}>${msg('common.delete')}</button>
          </div>`)}</div>
          <div class="buttons"><button class="btn secondary" type="button" ?disabled=${this._criteria.length >= 10}
            @click=${() => { this._criteria = [...this._criteria, { label: '', weight: '1' }]; }}>${msg('awardsAdmin.addCriterion')}</button></div>
        </fieldset>
        <kotsu-people-picker id="round-judges" .label=${msg('awardsAdmin.judges')} .value=${this._judges}
          @kotsu-people-change=${(e: CustomEvent<PickedPerson[]>) => { this._judges = e.detail; }}></kotsu-people-picker>
        <div class="buttons"><button class="btn" type="submit" ?disabled=${this._busy}>${msg('awardsAdmin.create')}</button></div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-awards-admin-page': KotsuAwardsAdminPage;
  }
}
