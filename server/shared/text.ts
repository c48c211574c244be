import { badRequest } from '../http/errors';

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). They
 * reorder the text after them, so what a reader sees differs from what is stored: a title
 * `請求書\u202Exslx.exe` shows as `請求書exe.xlsx`, and a formula or macro in a code block shows
 * other code than the one copied ("Trojan Source"). Japanese, English and even Arabic or Hebrew
 * text display rightly without them; the marks (LRM, RLM, ALM) are still accepted.
 */
const BIDI = '\\u202a-\\u202e\\u2066-\\u2069';

/**
 * Characters that draw nothing: format characters (zero-width space and joiners, word joiner,
 * BOM, soft hyphen, bidi marks, tag characters), the combining grapheme joiner, variation
 * selectors, and the fillers fonts draw blank (Hangul fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;

/** Whether a text shows nothing at all: only white space and characters that draw nothing. */
export const isBlank = (value: string): boolean => value.replace(INVISIBLE, '').trim() === '';

// Lone surrogates cannot be stored as UTF-8 and would come back changed; C0/C1 controls
// (other than tab and line breaks in multi-line text) only ever arrive by accident or attack;
// bidi controls show other text than is stored (above).
const SINGLE_LINE_BAD = new RegExp(`[\\p{Cs}\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI}]`, 'u');
const MULTI_LINE_BAD = new RegExp(`[\\p{Cs}\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f${BIDI}]`, 'u');

/** Whether the text holds characters that are never accepted (the rule checkText applies; the staff CSV's too). */
export const hasRefusedChars = (value: string, multiline = false): boolean => (multiline ? MULTI_LINE_BAD : SINGLE_LINE_BAD).test(value);

const CONTROLS = new RegExp(`[\\p{Cc}\\p{Cs}${BIDI}]`, 'gu');
/** The text without controls, lone surrogates and bidi controls: for values taken, not refused (a proxy's profile headers). */
export const withoutControls = (value: string): string => value.replace(CONTROLS, '');

/** Throws a 400 naming the field when the text holds characters that are never accepted. */
export function checkText(field: string, value: string, opts: { multiline?: boolean } = {}): void {
  if (hasRefusedChars(value, opts.multiline)) {
    throw badRequest('invalid_text', `${field}: contains control characters (C0/C1, bidi overrides) or invalid Unicode`, { field });
  }
}

/** A single-line field that must not be blank: white space and characters that draw nothing (zero-width, fillers) are blank. */
export function requireNonBlank(field: string, value: string): void {
  checkText(field, value);
  if (isBlank(value)) throw badRequest('blank_field', `${field}: must not be blank`, { field });
}
