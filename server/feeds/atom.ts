/**
 * A small Atom 1.0 (RFC 4287) writer that stays well-formed XML for any stored text: every
 * string passes through xmlText() (characters XML 1.0 forbids are dropped: C0 controls other
 * than tab and newlines, lone surrogates, U+FFFE/U+FFFF) and is then escaped for where it goes,
 * element text or a double-quoted attribute. The `feed` package it replaces left `<` in
 * attribute values and U+FFFE in text, which strict XML parsers and some readers refuse.
 */

// Everything outside XML 1.0's Char production; with the u flag a lone surrogate is one code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML cannot carry at all (not even as references). */
export const xmlText = (s: string): string => s.replace(NOT_XML_CHAR, '');

// A carriage return is kept as a reference: a parser would turn a literal one into a newline.
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Element content. `>` is escaped too, so `]]>` can never appear. */
export const escapeText = (s: string): string => xmlText(s).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]);
/** A double-quoted attribute value; whitespace is kept as references (not normalized away). */
export const escapeAttr = (s: string): string => xmlText(s).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c]);

export interface AtomPerson { name: string; uri?: string }
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date;
  author: AtomPerson;
  /** Plain text. */
  summary?: string;
  /** HTML, carried escaped (type="html"). */
  content?: string;
  categories?: { term: string; label?: string }[];
}
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  self: string;
  alternate: string;
  updated: Date;
  author: AtomPerson;
  language?: string;
  generator?: string;
  entries: AtomEntry[];
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeText(text)}</${name}>`;
const person = (tag: string, p: AtomPerson) => `<${tag}>${el('name', p.name)}${p.uri ? el('uri', p.uri) : ''}</${tag}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}"${type ? ` type="${escapeAttr(type)}"` : ''} href="${escapeAttr(href)}"/>`;

function entry(e: AtomEntry): string {
  return [
    '  <entry>',
    `    ${el('id', e.id)}`,
    `    ${el('title', e.title, ' type="text"')}`,
    `    ${link('alternate', e.link, 'text/html')}`,
    `    ${el('updated', e.updated.toISOString())}`,
    e.published ? `    ${el('published', e.published.toISOString())}` : '',
    `    ${person('author', e.author)}`,
    e.summary !== undefined ? `    ${el('summary', e.summary, ' type="text"')}` : '',
    e.content !== undefined ? `    ${el('content', e.content, ' type="html"')}` : '',
    ...(e.categories ?? []).map((c) =>
      `    <category term="${escapeAttr(c.term)}"${c.label !== undefined ? ` label="${escapeAttr(c.label)}"` : ''}/>`),
    '  </entry>',
  ].filter(Boolean).join('\n');
}

export function atomDocument(f: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${f.language ? ` xml:lang="${escapeAttr(f.language)}"` : ''}>`,
    `  ${el('id', f.id)}`,
    `  ${el('title', f.title, ' type="text"')}`,
    f.subtitle !== undefined ? `  ${el('subtitle', f.subtitle, ' type="text"')}` : '',
    `  ${el('updated', f.updated.toISOString())}`,
    `  ${link('self', f.self, 'application/atom+xml')}`,
    `  ${link('alternate', f.alternate, 'text/html')}`,
    `  ${person('author', f.author)}`,
    f.generator ? `  ${el('generator', f.generator)}` : '',
    ...f.entries.map(entry),
    '</feed>',
    '',
  ].filter((line, i, all) => line !== '' || i === all.length - 1).join('\n');
}
