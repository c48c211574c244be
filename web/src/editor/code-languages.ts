/**
 * The code languages staff write about, as the editor's picker offers them and as a code block's
 * label names them. `fence` is what the toolbar writes after ``` (a name the server's highlighter
 * knows: server/markdown/highlight.ts); `aliases` are other names people type for the same thing.
 */
export interface CodeLanguage {
  fence: string;
  label: string;
  aliases: readonly string[];
}

export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { fence: 'vba', label: 'VBA', aliases: ['vbscript', 'vbs', 'excel-vba', 'macro'] },
  { fence: 'excel', label: 'Excel 数式', aliases: ['xls', 'xlsx', 'formula', '数式'] },
  { fence: 'powershell', label: 'PowerShell', aliases: ['ps', 'ps1', 'pwsh'] },
  { fence: 'python', label: 'Python', aliases: ['py'] },
  { fence: 'sql', label: 'SQL', aliases: ['access', 'sqlite'] },
  { fence: 'bat', label: 'バッチ (cmd)', aliases: ['dos', 'cmd', 'batch'] },
  { fence: 'javascript', label: 'JavaScript', aliases: ['js', 'gas', 'jsx'] },
  { fence: 'vb', label: 'VB.NET', aliases: ['vbnet', 'vb.net'] },
  { fence: 'csv', label: 'CSV', aliases: ['tsv'] },
  { fence: 'json', label: 'JSON', aliases: [] },
  { fence: 'xml', label: 'XML / HTML', aliases: ['html', 'xhtml', 'svg'] },
  { fence: 'bash', label: 'シェル', aliases: ['sh', 'shell', 'zsh', 'console'] },
  { fence: 'text', label: 'テキスト', aliases: ['plaintext', 'txt'] },
];

const byName = new Map<string, CodeLanguage>();
for (const l of CODE_LANGUAGES) for (const n of [l.fence, ...l.aliases]) byName.set(n.toLowerCase(), l);

/** The label of a fence's language as written (`vba`, `数式`, `PS1`…); an unknown one as typed. */
export function languageLabel(fence: string): string {
  return byName.get(fence.toLowerCase())?.label ?? fence;
}
