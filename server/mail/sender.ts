import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { Composed } from './compose';
import type { MailStore, OutboxRow } from './store';

/** A message is given up after this many failed attempts (about four hours of retrying). */
export const MAX_ATTEMPTS = 8;
const BATCH = 20;

/** Minutes to wait after the n-th failure (1, 2, 4, … 64). */
export const backoffMinutes = (attempts: number) => Math.min(64, 2 ** Math.max(0, attempts - 1));

export interface Outbox {
  /** Sends what is due (nothing without SMTP); never throws. Returns how many were sent. */
  drain(log: Pick<FastifyBaseLogger, 'warn' | 'error'>): Promise<number>;
  close(): void;
  /**
   * Called just before each send: the message as it is to go out now (a digest written again
   * from its tips as they are now), or null to give it up unsent (a notice about a tip hidden
   * since it was queued).
   */
  reviseWith(revise: (row: OutboxRow) => Composed | null): void;
}

/**
 * Drains the outbox through the intranet's SMTP server (nodemailer). Runs outside any request:
 * a slow or absent server delays mail, never a page. Subjects and bodies go out as UTF-8
 * (encoded words and base64), which Outlook reads; every message has plain text and HTML parts
 * and a List-Unsubscribe header.
 */
export function createOutbox(config: Config, store: MailStore, now: () => Date): Outbox {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  let running: Promise<number> | null = null;
  let revise: (row: OutboxRow) => Composed | null = (row) => row;

  async function send(row: OutboxRow, m: Composed): Promise<void> {
    await transport!.sendMail({
      from: { name: 'Kotsu（コツ）', address: config.mailFrom! },
      to: row.to_addr,
      subject: m.subject,
      text: m.text,
      html: m.html,
      textEncoding: 'base64',
      ...(row.unsubscribe_url ? { list: { unsubscribe: row.unsubscribe_url } } : {}),
    });
  }

  async function drainOnce(log: Pick<FastifyBaseLogger, 'warn' | 'error'>): Promise<number> {
    if (!transport) return 0;
    let sent = 0;
    for (const row of store.due(now().toISOString(), BATCH)) {
      const m = revise(row);
      if (!m) {
        store.failed(row.id, null, 'withheld: what it quotes is no longer visible to the recipient');
        continue;
      }
      try {
        await send(row, m);
        store.sent(row.id, now().toISOString());
        sent++;
      } catch (err) {
        const attempts = row.attempts + 1;
        const message = (err as Error).message ?? String(err);
        if (attempts >= MAX_ATTEMPTS) {
          store.failed(row.id, null, message);
          log.error({ mailId: row.id, attempts, err: message }, 'mail: giving up on a message');
        } else {
          store.failed(row.id, new Date(now().getTime() + backoffMinutes(attempts) * 60_000).toISOString(), message);
          log.warn({ mailId: row.id, attempts, err: message }, 'mail: sending failed; will retry');
        }
      }
    }
    return sent;
  }

  return {
    drain(log) {
      // One drain at a time: a timer tick during a slow send waits for it.
      running ??= drainOnce(log).finally(() => { running = null; });
      return running;
    },
    close() { transport?.close(); },
    reviseWith(fn) { revise = fn; },
  };
}
