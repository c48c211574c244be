import { badRequest } from '../http/errors';

// Lone surrogates cannot be stored as UTF-8 and would come back changed; C0/C1 controls
// (other than tab and line breaks in multi-line text) only ever arrive by accident or attack.
const SINGLE_LINE_BAD = /[\p{Cs}\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const MULTI_LINE_BAD = /[\p{Cs}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** Throws a 400 naming the field when the text holds characters that are never accepted. */
export function checkText(field: string, value: string, opts: { multiline?: boolean } = {}): void {
  if ((opts.multiline ? MULTI_LINE_BAD : SINGLE_LINE_BAD).test(value)) {
    throw badRequest('invalid_text', `${field}: contains control characters or invalid Unicode`, { field });
  }
}

/** A single-line field that must not be blank once trimmed. */
export function requireNonBlank(field: string, value: string): void {
  checkText(field, value);
  if (value.trim() === '') throw badRequest('blank_field', `${field}: must not be blank`, { field });
}
