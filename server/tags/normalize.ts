import type { Reason, ReasonParams } from '../http/reasons';
import { foldName } from '../shared/fold';

export const TAG_MAX = 40;

export const TAGS_PER_POST = 10;

/** How tags match: `Excel`, `excel` and `ＥＸＣＥＬ` are one tag. */
export function normalizeTag(name: string): string {
  return foldName(name);
}

/** The spelling kept for display: trimmed, inner white space collapsed, otherwise as typed. */
export function displayTag(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}

/** Returns the cleaned, de-duplicated tags, or a message naming what is wrong. */
export type TagProblem = { problem: string; reason: Reason; params?: ReasonParams };

export function cleanTags(tags: readonly string[]): { tags: string[] } | TagProblem {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const name = displayTag(raw);
    const len = [...name].length;
    if (len < 1 || len > TAG_MAX) return { problem: `tags: each tag must be 1–${TAG_MAX} characters`, reason: 'tag_length', params: { max: TAG_MAX } };
    if (/[\p{Cc}\p{Cs}]/u.test(name)) return { problem: 'tags: control characters are not allowed', reason: 'tag_control_chars' };
    const norm = normalizeTag(name);
    if (seen.has(norm)) continue;
    seen.add(norm);
    out.push(name);
  }
  if (out.length > TAGS_PER_POST) return { problem: `tags: at most ${TAGS_PER_POST} tags`, reason: 'tag_limit', params: { max: TAGS_PER_POST } };
  return { tags: out };
}
