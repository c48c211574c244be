/**
 * Markdown's marks typed with the Japanese input method on (issue: writers who type ＃ 見出し or
 * ｀｀｀ for a code block see the marks, not a heading or code): at the start of a line, outside code,
 * ＃ (one to six) before a space is a heading's #, and a space after # may be the ideographic one
 * (#　見出し); a fence of three or more ｀ is a fence of `, closed by one of ｀ too. Nothing else changes:
 * ＃ inside a line or without a space after it (＃タグ), code blocks' own lines, and text typed in
 * half-width as CommonMark reads it.
 */
const FENCE = /^( {0,3})(`{3,}|~{3,}|｀{3,})/u;
const HEADING = /^( {0,3})([#＃]{1,6})([ \u3000]|$)/u;

export function halfWidthMarks(source: string): string {
  if (!/[＃｀\u3000]/u.test(source)) return source;
  const lines = source.split('\n');
  /** The open fence's letter as typed and its length, or null outside one. */
  let open: { typed: string; length: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const typed = fence[2];
      const mark = typed[0] === '~' ? '~' : '`';
      const rest = line.slice(fence[0].length);
      // A closing fence: the open one's letter as typed (｀ closes what ｀ opened, ` what ` did), at
      // least as long, nothing after it.
      const closes = open !== null && open.typed === typed[0] && typed.length >= open.length && rest.trim() === '';
      if (open === null || closes) {
        lines[i] = fence[1] + mark.repeat(typed.length) + rest;
        open = open === null ? { typed: typed[0], length: typed.length } : null;
        continue;
      }
    }
    if (open !== null) continue;
    const heading = HEADING.exec(line);
    if (heading && (heading[2].includes('＃') || heading[3] === '\u3000')) {
      lines[i] = `${heading[1]}${'#'.repeat(heading[2].length)}${heading[3] === '' ? '' : ' '}${line.slice(heading[0].length)}`;
    }
  }
  return lines.join('\n');
}
