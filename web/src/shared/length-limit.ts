import { html, nothing } from 'lit';
import { formatNumber, msg } from '../i18n/catalogue';

/**
 * The server's length limits on what members type, in characters as the server counts them
 * (code points: an emoji is one). tests/web/length-limits.test.ts keeps them equal to the schemas.
 */
export const LIMITS = {
  title: 200,
  body: 100_000,
  comment: 10_000,
  hideReason: 1000,
  commentHideReason: 500,
  reportComment: 2000,
  statement: 2000,
  adoptionNote: 500,
  requestTitle: 200,
  requestBody: 10_000,
  judgeComment: 2000,
  resolveNote: 1000,
  templateName: 60,
  templateTitle: 200,
  templateDescription: 300,
  templateBody: 20_000,
} as const;

/** How many characters `text` holds past `max` (0 when within). */
export function charactersOver(text: string, max: number): number {
  // Code points never outnumber UTF-16 units: a text this short is within without counting.
  if (text.length <= max) return 0;
  let n = 0;
  for (const _ of text) n++;
  return Math.max(0, n - max);
}

/**
 * Fields never cut what is typed or pasted into them: `maxlength` cut a pasted tip at 100,000
 * characters without a word, and the cut tip was published. A field over its limit shows this
 * notice (the limit and how much to take out), and its form does not send until it is within.
 */
export function lengthNotice(text: string, max: number) {
  const over = charactersOver(text, max);
  return over ? html`<p class="error" role="alert">${msg('form.tooLong', { max: formatNumber(max), over: formatNumber(over) })}</p>` : nothing;
}
