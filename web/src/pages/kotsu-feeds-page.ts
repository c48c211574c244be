import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import { createFeedToken, listFeedTokens, REQUESTS_FEED, revokeFeedToken, TIPS_FEED, type FeedToken, type NewFeedToken } from '../data/feeds';
import { formatDate, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { copyText } from '../shared/clipboard';
import { sharedStyles } from '../styles/shared';

/**
 * /feeds — the Atom feeds a member can follow in Outlook or another feed reader, and personal
 * feed tokens for readers that cannot sign in: made with a label, shown once as ready-to-paste
 * addresses, listed with their last use, revoked with a confirmation.
 */
@customElement('kotsu-feeds-page')
export class KotsuFeedsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    section { margin-bottom: 1.5rem; }
    ul.feeds { padding-left: 1.25rem; }
    .new { border: 2px solid var(--kotsu-primary); border-radius: 6px; padding: 0.75rem 1rem; background: var(--kotsu-surface); }
    .new code { display: block; overflow-wrap: anywhere; font-family: var(--kotsu-mono); font-size: 0.8125rem; background: #eef1f5; padding: 0.35rem 0.5rem; border-radius: 4px; }
    .url { display: flex; flex-wrap: wrap; gap: 0.35rem 0.75rem; align-items: center; margin: 0.35rem 0 0.75rem; }
    .url code { flex: 1 1 16rem; min-width: 0; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    form label { margin: 0; }
    form input { width: 16rem; max-width: 100%; }
    table { width: 100%; border-collapse: collapse; font-size: 0.875rem; }
    th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--kotsu-border); overflow-wrap: anywhere; }
    .scroll { overflow-x: auto; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _tokens: FeedToken[] | null = null;
  @state() private _label = '';
  @state() private _new: NewFeedToken | null = null;
  @state() private _error = '';
  @state() private _status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this._tokens = (await listFeedTokens()).items;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private async onCreate(e: Event): Promise<void> {
    e.preventDefault();
    this._error = '';
    try {
      this._new = await createFeedToken(this._label.trim());
      this._label = '';
      await this.load();
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private async onRevoke(t: FeedToken): Promise<void> {
    const done = await confirmAction({
      title: `${msg('feeds.revoke')}: ${t.label}`, body: [msg('feeds.revokeConfirm', { label: t.label })],
      confirmLabel: msg('feeds.revoke'), danger: true, action: async () => { await revokeFeedToken(t.id); },
    });
    if (done === null) return;
    if (this._new?.id === t.id) this._new = null;
    this._status = msg('feeds.revoked', { label: t.label });
    await this.load();
  }

  private async copy(url: string): Promise<void> {
    this._status = (await copyText(url)) ? msg('reading.linkCopied') : msg('reading.copyFailed');
  }

  private feeds(token?: string) {
    const withToken = (path: string) => `${location.origin}${path}${token ? `${path.includes('?') ? '&' : '?'}token=${token}` : ''}`;
    return [
      { title: msg('feeds.tips'), url: withToken(TIPS_FEED) },
      { title: msg('feeds.requests'), url: withToken(REQUESTS_FEED) },
    ];
  }

  override render() {
    return html`
      <h1>${msg('feeds.title')}</h1>
      <p>${msg('feeds.intro')}</p>
      <section aria-labelledby="feeds-list">
        <h2 id="feeds-list">${msg('feeds.available')}</h2>
        <ul class="feeds">${this.feeds().map((f) => html`<li><a href=${f.url}>${f.title}</a></li>`)}</ul>
        <p class="muted">${msg('feeds.tagHint')}</p>
      </section>
      <section aria-labelledby="feeds-tokens">
        <h2 id="feeds-tokens">${msg('feeds.tokens')}</h2>
        <p class="muted">${msg('feeds.tokensIntro')}</p>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._new ? html`<div class="new" role="region" aria-label=${msg('feeds.newTitle')}>
          <p><strong>${msg('feeds.newTitle')}</strong> ${msg('feeds.newOnce')}</p>
          ${this.feeds(this._new.token).map((f) => html`<div>${f.title}</div><div class="url"><code>${f.url}</code>
            <button type="button" class="btn secondary" @click=${() => this.copy(f.url)}>${msg('reading.copyLink')}</button></div>`)}
        </div>` : nothing}
        <form @submit=${this.onCreate}>
          <div><label for="feed-label">${msg('feeds.label')}</label>
            <input id="feed-label" maxlength="60" required .value=${this._label} placeholder=${msg('feeds.labelPlaceholder')}
              @input=${(e: Event) => { this._label = (e.target as HTMLInputElement).value; }} /></div>
          <button class="btn" type="submit" ?disabled=${this._label.trim() === ''}>${msg('feeds.create')}</button>
        </form>
        ${this._tokens === null ? nothing : this._tokens.length === 0 ? html`<p>${msg('feeds.none')}</p>` : html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('feeds.tokens')}><table>
          <thead><tr><th scope="col">${msg('feeds.label')}</th><th scope="col">${msg('feeds.created')}</th><th scope="col">${msg('feeds.lastUsed')}</th><th scope="col"><span class="visually-hidden">${msg('feeds.revoke')}</span></th></tr></thead>
          <tbody>${this._tokens.map((t) => html`<tr><td>${t.label}</td><td>${formatDate(t.createdAt)}</td><td>${t.lastUsedAt ? formatDate(t.lastUsedAt) : msg('feeds.never')}</td>
            <td><button type="button" class="btn danger" aria-label=${`${msg('feeds.revoke')}: ${t.label}`} @click=${() => this.onRevoke(t)}>${msg('feeds.revoke')}</button></td></tr>`)}</tbody>
        </table></div>`}
      </section>
      <span class="visually-hidden" role="status">${this._status}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-feeds-page': KotsuFeedsPage;
  }
}
