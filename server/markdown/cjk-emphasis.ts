import type MarkdownIt from 'markdown-it';

/**
 * Emphasis next to Japanese punctuation. CommonMark decides whether `**` opens or closes from the
 * characters around it, written for languages that put spaces between words: a run after
 * punctuation must be followed by a space or punctuation to close. Japanese has no spaces, so
 * 「**「重要」**です」, 「**【注意】**必ず保存」 and 「これは**「必須」**項目です」 showed their asterisks
 * instead of bold. As the CJK-friendly amendment to CommonMark proposes, a CJK character next to
 * the run counts as the space would: a run after punctuation closes before a CJK character, and a
 * run before punctuation opens after one. Text without CJK characters is read as before.
 */
export function cjkEmphasisPlugin(md: MarkdownIt): void {
  const { isWhiteSpace, isMdAsciiPunct, isPunctChar } = md.utils;
  const isPunct = (c: number) => isMdAsciiPunct(c) || isPunctChar(String.fromCodePoint(c));

  class CjkFriendlyState extends md.inline.State {
    override scanDelims(start: number, canSplitWord: boolean) {
      const src = this.src;
      const marker = src.charCodeAt(start);
      let pos = start;
      while (pos < this.posMax && src.charCodeAt(pos) === marker) pos++;
      // The line's start and end count as spaces.
      const last = start === 0 ? 0x20 : codePointBefore(src, start);
      const next = pos < this.posMax ? src.codePointAt(pos)! : 0x20;
      const lastSpace = isWhiteSpace(last);
      const nextSpace = isWhiteSpace(next);
      const lastPunct = isPunct(last);
      const nextPunct = isPunct(next);
      const leftFlanking = !nextSpace && (!nextPunct || lastSpace || lastPunct || isCjk(last));
      const rightFlanking = !lastSpace && (!lastPunct || nextSpace || nextPunct || isCjk(next));
      return {
        can_open: leftFlanking && (canSplitWord || !rightFlanking || lastPunct),
        can_close: rightFlanking && (canSplitWord || !leftFlanking || nextPunct),
        length: pos - start,
      };
    }
  }
  md.inline.State = CjkFriendlyState;
}

function codePointBefore(s: string, i: number): number {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  }
  return low;
}

/** Han, kana, Hangul, CJK and full-width punctuation and forms. */
function isCjk(c: number): boolean {
  return (c >= 0x1100 && c <= 0x11ff) || (c >= 0x2e80 && c <= 0x2fff) || (c >= 0x3001 && c <= 0x9fff)
    || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)
    || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x1b000 && c <= 0x1b16f)
    || (c >= 0x20000 && c <= 0x3ffff);
}
