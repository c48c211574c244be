import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { PHASE_LABEL } from '../components/kotsu-tip-awards';
import { listRounds, type Round } from '../data/awards';
import { formatDate, msg } from '../i18n/catalogue';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

/**
 * /awards — DX賞 rounds, newest first: what phase each is in and the links each person may
 * use (nominations for everyone, scoring for judges, results once visible, the showcase).
 */
@customElement('kotsu-awards-page')
export class KotsuAwardsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
    h2 { margin: 0 0 0.25rem; font-size: 1.1rem; }
    .links { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
    .phase { display: inline-block; font-size: 0.8125rem; font-weight: 700; padding: 0 0.5rem; border-radius: 999px; background: #e6eef8; color: #0a4a8a; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _rounds: Round[] | null = null;
  @state() private _error = '';
  private readonly session = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this._rounds = (await listRounds()).items;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    const admin = hasRole(this.session.user, 'admin');
    return html`
      <h1>${msg('awards.title')}</h1>
      <p class="muted">${msg('awards.intro')}</p>
      <p class="links"><a class="btn secondary" href="/showcase">${msg('showcase.title')}</a>
        ${admin ? html`<a class="btn secondary" href="/admin/awards">${msg('awardsAdmin.title')}</a>` : nothing}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._rounds === null && !this._error ? html`<p class="muted">${msg('common.loading')}</p>` : nothing}
      ${this._rounds?.length === 0 ? html`<p class="muted">${msg('awards.none')}</p>` : nothing}
      ${this._rounds?.length ? html`<ol>${this._rounds.map((r) => html`<li class="card">
        <h2><a href=${`/awards/${r.id}`}>${r.title}</a></h2>
        <span class="phase">${msg(PHASE_LABEL[r.phase])}</span>
        <span class="muted">${msg('awards.count', { n: r.nominationCount })}${r.publishedAt ? ` · ${msg('awards.publishedOn', { date: formatDate(r.publishedAt) })}` : ''}</span>
        <div class="links">
          <a href=${`/awards/${r.id}`}>${msg('awards.nominations')}</a>
          ${r.isJudge && r.phase === 'scoring' ? html`<a href=${`/awards/${r.id}/judge`}>${msg('judge.title')}</a>` : nothing}
          ${r.phase === 'published' || r.isJudge || admin ? html`<a href=${`/awards/${r.id}/results`}>${msg('results.title')}</a>` : nothing}
        </div>
      </li>`)}</ol>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-awards-page': KotsuAwardsPage;
  }
}
