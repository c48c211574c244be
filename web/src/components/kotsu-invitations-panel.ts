import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { issueInvitations, issueInvitationsCsv, type Invitation } from '../data/invitations';
import { formatDate, msg } from '../i18n/catalogue';
import { copyText } from '../shared/clipboard';
import { sharedStyles } from '../styles/shared';
import { confirmAction } from './kotsu-confirm-dialog';
import { KotsuElement } from './kotsu-element';

/**
 * On /admin/users (local sign-in): one-time sign-up links (14 days) for every member imported
 * without a password — shown with copy buttons, saved as a CSV for a mail merge, or mailed where
 * an address is known. Issuing again replaces earlier unused links.
 */
@customElement('kotsu-invitations-panel')
export class KotsuInvitationsPanel extends KotsuElement {
  static override styles = [sharedStyles, css`
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
    .scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; font-size: 0.875rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--kotsu-border); vertical-align: top; }
    code { overflow-wrap: anywhere; font-size: 0.8125rem; }
  `];

  @state() private _items: Invitation[] | null = null;
  @state() private _error = '';
  @state() private _status = '';
  @state() private _mail = false;

  private async issue(csv: boolean): Promise<void> {
    this._error = '';
    const body = { allWithoutPassword: true, mail: this._mail };
    let items: Invitation[] = [];
    const done = await confirmAction({
      title: msg('invite.issueTitle'), body: [msg('invite.issueBody'), ...(this._mail ? [msg('invite.issueMail')] : [])],
      confirmLabel: csv ? msg('invite.issueCsv') : msg('invite.issue'),
      action: async () => {
        if (csv) {
          const blob = await issueInvitationsCsv(body);
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = 'kotsu-invitations.csv';
          a.click();
          URL.revokeObjectURL(a.href);
        } else {
          items = (await issueInvitations(body)).items;
        }
      },
    });
    if (done === null) return;
    if (!csv) this._items = items;
    this._status = csv ? msg('invite.savedCsv') : msg('invite.issued', { n: items.length });
  }

  override render() {
    return html`<section aria-labelledby="invite-title">
      <h2 id="invite-title">${msg('invite.adminTitle')}</h2>
      <div class="card">
        <p class="muted">${msg('invite.adminHelp')}</p>
        <label><input type="checkbox" .checked=${this._mail} @change=${(e: Event) => { this._mail = (e.target as HTMLInputElement).checked; }}> ${msg('invite.mailToo')}</label>
        <div class="buttons">
          <button class="btn" type="button" @click=${() => this.issue(false)}>${msg('invite.issue')}</button>
          <button class="btn secondary" type="button" @click=${() => this.issue(true)}>${msg('invite.issueCsv')}</button>
        </div>
        <p class="visually-hidden" role="status">${this._status}</p>
        ${this._status ? html`<p class="notice">${this._status}</p>` : nothing}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._items && this._items.length ? html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('invite.adminTitle')}><table>
          <thead><tr><th scope="col">${msg('invite.who')}</th><th scope="col">${msg('invite.link')}</th><th scope="col">${msg('invite.until')}</th></tr></thead>
          <tbody>${this._items.map((i) => html`<tr>
            <td>${i.displayName}<br><span class="muted">${i.username}・${i.department || '—'}</span>${i.mailed ? html`<br><span class="muted">${msg('invite.mailed')}</span>` : nothing}</td>
            <td><code>${i.url}</code><br><button class="btn secondary" type="button" aria-label=${`${msg('reading.copyLink')}: ${i.displayName}`}
              @click=${async () => { this._status = (await copyText(i.url)) ? msg('reading.linkCopied') : msg('reading.copyFailed'); }}>${msg('reading.copyLink')}</button></td>
            <td>${formatDate(i.expiresAt)}</td></tr>`)}</tbody>
        </table></div>` : this._items ? html`<p>${msg('invite.nobody')}</p>` : nothing}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-invitations-panel': KotsuInvitationsPanel;
  }
}
