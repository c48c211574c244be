/**
 * The one text fold for what people type as names (user names, tags, template names, award
 * categories, import headers): full-width and half-width forms and letter case stop mattering
 * (NFKC, then lower case), so `ＥＸＣＥＬ`, `Excel` and `excel` compare equal. Search has its own,
 * richer normalization (server/search/normalize.ts), which starts with the same fold.
 */
export const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** A name as compared: folded, inner white space collapsed to one space, trimmed. */
export const foldName = (text: string): string => fold(text).replace(/\s+/gu, ' ').trim();
