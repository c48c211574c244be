import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { authMode, createUser, importStaff, listUsers, resetPassword, updateUser, type AdminUser, type ImportReport, type UserChanges } from '../data/admin';
import type { Role } from '../data/types';
import { hasMessage, msg, type MessageKey } from '../i18n/catalogue';
import { link, navigate } from '../router/router';
import { pageAdded, withPagesShown } from '../router/shown-pages';
import { SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import '../components/kotsu-invitations-panel';

const ROLES: Role[] = ['member', 'moderator', 'admin'];
const ROLE_LABEL: Record<Role, MessageKey> = { member: 'users.role.member', moderator: 'users.role.moderator', admin: 'users.role.admin' };
const ROLE_EFFECT: Record<Role, MessageKey> = { member: 'users.roleEffect.member', moderator: 'users.roleEffect.moderator', admin: 'users.roleEffect.admin' };
const ACTION_LABEL: Record<ImportReport['rows'][number]['action'], MessageKey> = {
  create: 'import.action.create', update: 'import.action.update', unchanged: 'import.action.unchanged', error: 'import.action.error',
};

interface NewUserForm { username: string; displayName: string; department: string; role: Role; password: string }
const EMPTY_NEW_USER: NewUserForm = { username: '', displayName: '', department: '', role: 'member', password: '' };

/**
 * User administration at /admin/users (administrators): find staff, change role, suspend and
 * reactivate, edit display name and department, add a user (local mode), and import the staff
 * list (名簿) from a CSV file with a check-only run and a row-by-row report.
 */
/**
 * A report row's problems in the reader's language: the catalogue's message for each reason,
 * else (a reason this web app does not know yet) the server's own text of it.
 */
function rowMessages(row: ImportReport['rows'][number]): string[] {
  return row.messages.map((text, i) => {
    const r = row.reasons?.[i];
    const key = `reason.${r?.reason}`;
    return r && hasMessage(key) ? msg(key, r.params) : text;
  });
}

@customElement('kotsu-users-admin-page')
export class KotsuUsersAdminPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .search { display: flex; gap: 0.5rem; align-items: flex-end; flex-wrap: wrap; margin-bottom: 1rem; }
    .search div { flex: 1 1 16rem; }
    .scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--kotsu-surface); font-size: 0.875rem; }
    th, td { text-align: left; vertical-align: middle; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--kotsu-border); }
    th { background: #f1f4f8; }
    td input[type='text'] { min-width: 8rem; }
    td select { min-width: 8rem; }
    .suspended { color: var(--kotsu-danger); font-weight: 700; }
    .row-actions { display: flex; gap: 0.4rem; flex-wrap: wrap; }
    .btn.small { min-height: 32px; padding: 0.2rem 0.6rem; font-size: 0.8125rem; }
    section { margin-top: 2rem; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
    .hint { margin: 0.25rem 0 0; font-size: 0.8125rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
    tr.error td { background: #fdecea; }
    .messages { margin: 0; padding-left: 1rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _q = '';
  @state() private _users: AdminUser[] | null = null;
  @state() private _cursor: string | null = null;
  /** Unsaved edits of display name and department, per user id. */
  @state() private _edits: Record<number, { displayName: string; department: string }> = {};
  /** A role picked in a user's dropdown, not yet applied: the dropdown alone changes nothing. */
  @state() private _roles: Record<number, Role> = {};
  @state() private _status = '';
  @state() private _error = '';
  @state() private _authMode: 'local' | 'proxy' = 'local';
  /** The user whose new password is being typed, if any. */
  @state() private _pwFor: number | null = null;
  @state() private _pw = '';
  @state() private _new: NewUserForm = { ...EMPTY_NEW_USER };
  @state() private _file: File | null = null;
  @state() private _report: ImportReport | null = null;
  @state() private _importing = false;
  private readonly session = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this._q = this.query.get('q') ?? '';
    void this.load();
    void authMode().then((m) => { this._authMode = m; }).catch(() => undefined);
  }

  /** A search is an address of its own (Back returns to the one before, a reload keeps it). */
  private search(): void {
    const q = this._q.trim();
    navigate(`/admin/users${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async load(more = false): Promise<void> {
    this._error = '';
    try {
      // The search is in the address (?q=): another search is another history entry, at one page.
      const q = (this.query.get('q') ?? '').trim();
      const list = (cursor: string | null) => listUsers(q, cursor);
      const page = more ? await list(this._cursor) : await withPagesShown('users', await list(null), list);
      this._users = more ? [...(this._users ?? []), ...page.items] : page.items;
      this._cursor = page.nextCursor;
      if (more) pageAdded('users');
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * Every change to another person asks first and says what will happen (issue 18): the dialog
   * runs the change, shows a failure in place, and the row reflects what the server has.
   */
  private async change(user: AdminUser, changes: UserChanges): Promise<void> {
    this._error = '';
    this._status = '';
    const who = { name: user.displayName, username: user.username };
    const ask = changes.role !== undefined
      ? { title: msg('users.roleConfirmTitle', who), confirmLabel: msg('users.roleApplyConfirm'), danger: changes.role === 'admin' || user.role === 'admin',
        body: [msg('users.roleConfirmBody', { ...who, from: msg(ROLE_LABEL[user.role]), to: msg(ROLE_LABEL[changes.role]) }), msg(ROLE_EFFECT[changes.role])] }
      : changes.suspended === true ? { title: msg('users.suspendTitle', who), body: [msg('users.suspendBody', who)], confirmLabel: msg('users.suspend'), danger: true }
      : changes.suspended === false ? { title: msg('users.reactivateTitle', who), body: [msg('users.reactivateBody', who)], confirmLabel: msg('users.reactivate') }
      : { title: msg('users.renameTitle', who), confirmLabel: msg('common.save'),
        body: [msg('users.renameBody', { displayName: changes.displayName ?? user.displayName, department: changes.department || '—' })] };
    let updated = null as AdminUser | null;
    const done = await confirmAction({ ...ask, action: async () => { updated = await updateUser(user.id, changes); } });
    if (done === null || !updated) {
      if (changes.role !== undefined) this.resetRole(user);
      return;
    }
    const saved: AdminUser = updated;
    this._users = (this._users ?? []).map((u) => (u.id === saved.id ? saved : u));
    const { [user.id]: _done, ...rest } = this._edits;
    this._edits = rest;
    const { [user.id]: _role, ...roles } = this._roles;
    this._roles = roles;
    this._status = msg('users.saved', { name: saved.displayName });
  }

  /** Puts a user's role dropdown back to the role they have. */
  private resetRole(user: AdminUser): void {
    const { [user.id]: _role, ...roles } = this._roles;
    this._roles = roles;
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#role-${user.id}`);
    if (select) select.value = user.role;
  }

  private async setPassword(user: AdminUser): Promise<void> {
    this._error = '';
    this._status = '';
    const who = { name: user.displayName, username: user.username };
    const done = await confirmAction({
      title: msg('users.passwordTitle', who), body: [msg('users.passwordBody', who)], confirmLabel: msg('users.setPassword'),
      action: async () => { await resetPassword(user.id, this._pw); },
    });
    if (done === null) return;
    this._pwFor = null;
    this._pw = '';
    this._status = msg('users.passwordSet', { name: user.displayName });
  }

  private edit(user: AdminUser, field: 'displayName' | 'department', value: string): void {
    const current = this._edits[user.id] ?? { displayName: user.displayName, department: user.department };
    this._edits = { ...this._edits, [user.id]: { ...current, [field]: value } };
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    this._error = '';
    this._status = '';
    const n = this._new;
    try {
      const user = await createUser({ username: n.username.trim(), password: n.password, displayName: n.displayName.trim(), department: n.department.trim(), role: n.role });
      this._status = msg('users.created', { name: user.displayName });
      this._new = { ...EMPTY_NEW_USER };
      this._users = [...(this._users ?? []), user];
    } catch (err) {
      this.fail(err);
    }
  }

  private async runImport(dryRun: boolean): Promise<void> {
    this._error = '';
    this._status = '';
    if (!this._file) {
      this._error = msg('import.noFile');
      return;
    }
    this._importing = true;
    try {
      this._report = await importStaff(this._file, dryRun);
      if (this._report.applied) void this.load();
    } catch (err) {
      this._report = null;
      this.fail(err);
    } finally {
      this._importing = false;
    }
  }

  private renderUsers() {
    const me = this.session.user;
    if (this._users === null) return html`<p class="muted">${msg('common.loading')}</p>`;
    if (this._users.length === 0) return html`<p class="muted">${msg('users.empty')}</p>`;
    return html`<div class="scroll"><table>
      <thead><tr><th scope="col">${msg('users.username')}</th><th scope="col">${msg('users.displayName')}</th>
        <th scope="col">${msg('users.department')}</th><th scope="col">${msg('users.role')}</th><th scope="col">${msg('users.status')}</th></tr></thead>
      <tbody>${this._users.map((u) => {
        const self = me?.id === u.id;
        const edit = this._edits[u.id];
        const dirty = edit !== undefined && (edit.displayName !== u.displayName || edit.department !== u.department);
        const pendingRole = this._roles[u.id];
        return html`<tr>
          <th scope="row"><a href=${link('/users/', u.username)}>${u.username}</a>${self ? html` <span class="muted">${msg('users.self')}</span>` : nothing}</th>
          <td><input type="text" aria-label=${`${msg('users.displayName')}: ${u.username}`} maxlength="100" .value=${edit?.displayName ?? u.displayName}
            @input=${(e: Event) => this.edit(u, 'displayName', (e.target as HTMLInputElement).value)}></td>
          <td><div class="row-actions"><input type="text" aria-label=${`${msg('users.department')}: ${u.username}`} maxlength="100" .value=${edit?.department ?? u.department}
            @input=${(e: Event) => this.edit(u, 'department', (e.target as HTMLInputElement).value)}>
            ${dirty ? html`<button class="btn small" @click=${() => this.change(u, { displayName: edit.displayName, department: edit.department })}>${msg('common.save')}</button>` : nothing}</div></td>
          <td>${u.roleSource === 'KOTSU_ADMINS' ? html`${msg(ROLE_LABEL[u.role])}<br><span class="muted">${msg('users.role.fromEnv')}</span>` : html`
          <div class="row-actions"><select id=${`role-${u.id}`} aria-label=${`${msg('users.role')}: ${u.username}`} ?disabled=${self}
            @change=${(e: Event) => { this._roles = { ...this._roles, [u.id]: (e.target as HTMLSelectElement).value as Role }; }}>
            ${ROLES.filter((r) => this._authMode === 'local' || r !== 'admin' || u.role === 'admin').map((r) =>
              html`<option value=${r} ?selected=${r === u.role}>${msg(ROLE_LABEL[r])}</option>`)}
          </select>
          ${pendingRole && pendingRole !== u.role ? html`<button class="btn small" aria-haspopup="dialog"
            aria-label=${`${msg('users.roleApplyConfirm')}: ${u.username}`}
            @click=${() => this.change(u, { role: pendingRole })}>${msg('users.roleApply')}</button>` : nothing}</div>`}</td>
          <td><div class="row-actions">
            <span class=${u.suspended ? 'suspended' : ''}>${msg(u.suspended ? 'users.suspended' : 'users.active')}</span>
            ${self ? nothing : html`<button class="btn small ${u.suspended ? 'secondary' : 'danger'}"
              aria-label=${`${msg(u.suspended ? 'users.reactivate' : 'users.suspend')}: ${u.username}`}
              @click=${() => this.change(u, { suspended: !u.suspended })}>${msg(u.suspended ? 'users.reactivate' : 'users.suspend')}</button>`}
            ${this._authMode !== 'local' ? nothing : this._pwFor === u.id ? html`
              <input type="password" autocomplete="new-password" minlength="10" maxlength="200" .value=${this._pw}
                aria-label=${`${msg('users.newPassword')}: ${u.username}`} @input=${(e: Event) => { this._pw = (e.target as HTMLInputElement).value; }}>
              <button class="btn small" @click=${() => this.setPassword(u)}>${msg('common.save')}</button>
              <button class="btn small secondary" @click=${() => { this._pwFor = null; this._pw = ''; }}>${msg('common.cancel')}</button>`
              : html`<button class="btn small secondary" aria-label=${`${msg('users.setPassword')}: ${u.username}`}
                @click=${() => { this._pwFor = u.id; this._pw = ''; }}>${msg('users.setPassword')}</button>`}
          </div></td>
        </tr>`;
      })}</tbody>
    </table></div>
    ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}`;
  }

  private renderCreate() {
    if (this._authMode !== 'local') return nothing;
    const n = this._new;
    const set = (k: keyof NewUserForm) => (e: Event) => { this._new = { ...this._new, [k]: (e.target as HTMLInputElement).value }; };
    return html`<section aria-labelledby="create-title">
      <h2 id="create-title">${msg('users.createTitle')}</h2>
      <form class="card" @submit=${(e: Event) => this.create(e)}>
        <div class="grid">
          <div><label for="n-username">${msg('users.username')}</label><input id="n-username" type="text" required maxlength="64" autocomplete="off" aria-describedby="n-username-hint" .value=${n.username} @input=${set('username')}>
            <p id="n-username-hint" class="muted hint">${msg('setup.usernameHint')}</p></div>
          <div><label for="n-name">${msg('users.displayName')}</label><input id="n-name" type="text" required maxlength="100" .value=${n.displayName} @input=${set('displayName')}></div>
          <div><label for="n-dept">${msg('users.department')}</label><input id="n-dept" type="text" maxlength="100" .value=${n.department} @input=${set('department')}></div>
          <div><label for="n-role">${msg('users.role')}</label><select id="n-role" @change=${set('role')}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === n.role}>${msg(ROLE_LABEL[r])}</option>`)}</select></div>
          <div><label for="n-password">${msg('users.password')}</label><input id="n-password" type="password" required minlength="10" autocomplete="new-password" .value=${n.password} @input=${set('password')}></div>
        </div>
        <div class="buttons"><button class="btn" type="submit">${msg('users.create')}</button></div>
      </form>
    </section>`;
  }

  private renderReport(r: ImportReport) {
    const s = r.summary;
    const headline = s.error > 0 ? msg('import.rejected', { error: s.error })
      : r.applied ? msg('import.applied', { create: s.create, update: s.update, unchanged: s.unchanged })
      : msg('import.checked', { create: s.create, update: s.update, unchanged: s.unchanged });
    return html`
      <p class=${s.error > 0 ? 'error' : 'notice'} role=${s.error > 0 ? 'alert' : 'status'}>${headline}</p>
      <p class="muted">${msg('import.encoding', { encoding: r.encoding })}${r.ignoredColumns.length ? html` · ${msg('import.ignored', { columns: r.ignoredColumns.join(', ') })}` : nothing}</p>
      <div class="scroll"><table class="report">
        <thead><tr><th scope="col">${msg('import.line')}</th><th scope="col">${msg('users.username')}</th><th scope="col">${msg('import.result')}</th><th scope="col">${msg('import.messages')}</th></tr></thead>
        <tbody>${r.rows.map((row) => html`<tr class=${row.action === 'error' ? 'error' : ''}>
          <td>${row.line}</td><td>${row.username}</td>
          <td>${msg(ACTION_LABEL[row.action])}${row.changes.length && row.action === 'update' ? html` <span class="muted">(${row.changes.join(', ')})</span>` : nothing}</td>
          <td>${row.messages.length ? html`<ul class="messages">${rowMessages(row).map((m) => html`<li>${m}</li>`)}</ul>` : nothing}</td>
        </tr>`)}</tbody>
      </table></div>`;
  }

  private renderImport() {
    return html`<section aria-labelledby="import-title">
      <h2 id="import-title">${msg('import.title')}</h2>
      <div class="card">
        <p class="muted">${msg('import.help')}</p>
        <label for="import-file">${msg('import.file')}</label>
        <input id="import-file" type="file" accept=".csv,.txt,text/csv"
          @change=${(e: Event) => { this._file = (e.target as HTMLInputElement).files?.[0] ?? null; this._report = null; }}>
        <div class="buttons">
          <button class="btn secondary" ?disabled=${this._importing} @click=${() => this.runImport(true)}>${msg('import.check')}</button>
          <button class="btn" ?disabled=${this._importing} @click=${() => this.runImport(false)}>${msg('import.submit')}</button>
        </div>
        ${this._report ? this.renderReport(this._report) : nothing}
      </div>
    </section>`;
  }

  override render() {
    return html`
      <h1>${msg('users.title')}</h1>
      <form class="search" role="search" aria-label=${msg('users.search')} @submit=${(e: Event) => { e.preventDefault(); this.search(); }}>
        <div><label for="q">${msg('users.search')}</label>
          <input id="q" type="search" .value=${this._q} @input=${(e: Event) => { this._q = (e.target as HTMLInputElement).value; }}></div>
        <button class="btn" type="submit">${msg('users.searchSubmit')}</button>
      </form>
      <div role="status" aria-live="polite">${this._status ? html`<p class="notice">${this._status}</p>` : nothing}</div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this.renderUsers()}
      ${this.renderCreate()}
      ${this.renderImport()}
      ${this._authMode === 'local' ? html`<kotsu-invitations-panel></kotsu-invitations-panel>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-users-admin-page': KotsuUsersAdminPage;
  }
}
