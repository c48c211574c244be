import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { auditActions, auditCsvUrl, listAudit, type AuditEntry, type AuditFilter } from '../data/moderation';
import { formatDate, hasMessage, msg } from '../i18n/catalogue';
import { navigate } from '../router/router';
import { pageAdded, withPagesShown } from '../router/shown-pages';
import { auditDetailLines, auditTargetType } from '../shared/audit-detail';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

/** A Japan calendar day (YYYY-MM-DD from a date input) as the UTC instant it starts at. */
function japanDayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const t = Date.parse(`${day}T00:00:00+09:00`) + plusDays * 86_400_000;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

interface AuditForm { actor: string; action: string; since: string; until: string }

/** An action in words; an action this version does not know shows as its code. */
function actionLabel(action: string): string {
  const key = `auditAction.${action}`;
  return hasMessage(key) ? msg(key) : action;
}

/** The target by name, linked where it has a page. */
function targetCell(e: AuditEntry) {
  if (e.targetId === null) return auditTargetType(e.targetType);
  const label = e.targetLabel ?? `${auditTargetType(e.targetType)} #${e.targetId}`;
  if (e.targetType === 'post' && e.targetLabel !== null) return html`<a href=${`/tips/${e.targetId}`}>${label}</a>`;
  if (e.targetType === 'award_round' && e.targetLabel !== null) return html`<a href=${`/awards/${e.targetId}`}>${label}</a>`;
  return label;
}

/**
 * The audit log at /admin/audit (administrators): every moderation and administration action,
 * newest first, filtered by actor, action and Japan calendar days. The filter lives in the
 * address so a filtered view can be linked.
 */
@customElement('kotsu-audit-page')
export class KotsuAuditPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    form { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0 1rem; align-items: end; margin-bottom: 1rem; }
    form .btn { margin-top: 0.75rem; }
    .scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--kotsu-surface); font-size: 0.875rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--kotsu-border); }
    th { background: #f1f4f8; }
    td.detail { white-space: pre-wrap; word-break: break-word; font-size: 0.8125rem; min-width: 16rem; }
    td.at { white-space: nowrap; }
    code { font-family: var(--kotsu-mono); }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: AuditEntry[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _actions: string[] = [];
  @state() private _error = '';
  @state() private _form: AuditForm = { actor: '', action: '', since: '', until: '' };

  /** The filter the address names: what the list shows (the form may be edited without applying it). */
  private applied: AuditForm = { actor: '', action: '', since: '', until: '' };

  override connectedCallback(): void {
    super.connectedCallback();
    this.applied = {
      actor: this.query.get('actor') ?? '', action: this.query.get('action') ?? '',
      since: this.query.get('since') ?? '', until: this.query.get('until') ?? '',
    };
    this._form = { ...this.applied };
    void this.load();
    void auditActions().then((r) => { this._actions = r.items; }).catch(() => undefined);
  }

  private filter(): AuditFilter {
    const f = this.applied;
    return {
      actor: f.actor.trim() || undefined,
      action: f.action || undefined,
      since: japanDayStart(f.since),
      until: japanDayStart(f.until, 1),
    };
  }

  private async load(more = false): Promise<void> {
    this._error = '';
    try {
      // The filter is in the address: another filter is another history entry, starting at one page.
      const list = (cursor: string | null) => listAudit({ ...this.filter(), cursor });
      const page = more ? await list(this._cursor) : await withPagesShown('audit', await list(null), list);
      this._items = more ? [...(this._items ?? []), ...page.items] : page.items;
      this._cursor = page.nextCursor;
      if (more) pageAdded('audit');
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(this._form)) if (v.trim()) q.set(k, v.trim());
    const qs = q.toString();
    navigate(`/admin/audit${qs ? `?${qs}` : ''}`);
  }

  private field(key: keyof AuditForm, e: Event): void {
    this._form = { ...this._form, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value };
  }

  override render() {
    const f = this._form;
    return html`
      <h1>${msg('audit.title')}</h1>
      <p class="muted">${msg('audit.intro')}</p>
      <form role="search" aria-label=${msg('audit.filter')} @submit=${(e: Event) => this.submit(e)}>
        <div><label for="f-actor">${msg('audit.actor')}</label>
          <input id="f-actor" type="text" .value=${f.actor} @input=${(e: Event) => this.field('actor', e)}></div>
        <div><label for="f-action">${msg('audit.action')}</label>
          <select id="f-action" .value=${f.action} @change=${(e: Event) => this.field('action', e)}>
            <option value="">${msg('audit.allActions')}</option>
            ${this._actions.map((a) => html`<option value=${a} ?selected=${a === f.action}>${actionLabel(a)}</option>`)}
          </select></div>
        <div><label for="f-since">${msg('audit.since')}</label>
          <input id="f-since" type="date" .value=${f.since} @input=${(e: Event) => this.field('since', e)}></div>
        <div><label for="f-until">${msg('audit.until')}</label>
          <input id="f-until" type="date" .value=${f.until} @input=${(e: Event) => this.field('until', e)}></div>
        <div><button class="btn" type="submit">${msg('audit.filter')}</button></div>
      </form>
      <p><a class="btn secondary" href=${auditCsvUrl(this.filter())} download>${msg('audit.csv')}</a></p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._items === null ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`)
        : this._items.length === 0 ? html`<p class="muted">${msg('audit.empty')}</p>` : html`
        <div class="scroll"><table>
          <thead><tr><th scope="col">${msg('audit.at')}</th><th scope="col">${msg('audit.actor')}</th><th scope="col">${msg('audit.action')}</th>
            <th scope="col">${msg('audit.target')}</th><th scope="col">${msg('audit.detail')}</th></tr></thead>
          <tbody>${this._items.map((e) => html`<tr>
            <td class="at">${formatDate(e.at, true)}</td>
            <td>${e.actor ? html`${e.actor.displayName} <span class="muted">(${e.actor.username})</span>` : msg('audit.system')}</td>
            <td>${actionLabel(e.action)}</td>
            <td>${targetCell(e)}</td>
            <td class="detail">${auditDetailLines(e.action, e.detail).join('\n')}</td>
          </tr>`)}</tbody>
        </table></div>
        ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-audit-page': KotsuAuditPage;
  }
}
