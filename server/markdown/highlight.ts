import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import dos from 'highlight.js/lib/languages/dos';
import excel from 'highlight.js/lib/languages/excel';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import powershell from 'highlight.js/lib/languages/powershell';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import vbnet from 'highlight.js/lib/languages/vbnet';
import vbscript from 'highlight.js/lib/languages/vbscript';
import xml from 'highlight.js/lib/languages/xml';
import type { LanguageFn } from 'highlight.js';

// highlight.js has no CSV grammar; quoted fields, separators and numbers are what readers need.
const csv: LanguageFn = () => ({
  name: 'CSV',
  aliases: ['tsv'],
  contains: [
    { scope: 'string', begin: '"', end: '"', contains: [{ begin: '""' }] },
    { scope: 'punctuation', begin: /[,\t]/ },
    { scope: 'number', begin: /(?<=^|,)-?\d+(?:\.\d+)?(?=,|$)/, relevance: 0 },
  ],
});

// Only the languages staff write about are bundled; each is registered with the names they type.
const languages: [string, LanguageFn, string[]][] = [
  ['vbnet', vbnet, ['vb', 'vb.net']],
  ['vbscript', vbscript, ['vba', 'vbs', 'excel-vba', 'macro']],
  ['excel', excel, ['xls', 'xlsx', 'formula', '数式']],
  ['powershell', powershell, ['ps', 'ps1', 'pwsh']],
  ['python', python, ['py']],
  ['sql', sql, ['access', 'sqlite']],
  ['javascript', javascript, ['js', 'gas', 'jsx']],
  ['typescript', typescript, ['ts']],
  ['bash', bash, ['sh', 'zsh']],
  ['shell', shell, ['console', 'shellsession']],
  ['dos', dos, ['bat', 'cmd', 'batch']],
  ['csv', csv, []],
  ['json', json, []],
  ['xml', xml, ['html', 'xhtml', 'svg']],
  ['css', css, []],
  ['ini', ini, ['toml', 'conf']],
  ['plaintext', plaintext, ['text', 'txt']],
];
for (const [name, fn, aliases] of languages) {
  hljs.registerLanguage(name, fn);
  hljs.registerAliases(aliases, { languageName: name });
}

/** Highlighted, HTML-escaped code, or null when the language is unknown (the caller escapes). */
export function highlight(code: string, lang: string): string | null {
  if (!lang || !hljs.getLanguage(lang)) return null;
  return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
}
