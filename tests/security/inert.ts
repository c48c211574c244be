import { Parser } from 'htmlparser2';

const ALLOWED_TAGS = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'em', 'strong', 's', 'del', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'span',
  'mark', 'sup', 'sub', 'kbd',
]);
const ALLOWED_ATTRS: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'target', 'rel', 'class']),
  img: new Set(['src', 'alt', 'title', 'loading']),
  '*': new Set(['id', 'class', 'data-lang', 'start', 'style']),
};
const SAFE_DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp)[;,]/;

/** What a browser would take as the scheme: it drops ASCII whitespace and controls inside it. */
function scheme(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1] ?? null;
}

/**
 * Problems that would make this HTML active if inserted into a page: tags and attributes
 * outside what the renderer may produce, event handlers, script-capable URLs, inline styles
 * beyond table alignment. An empty list means inert.
 */
export function activeParts(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}>`);
      for (const [attr, value] of Object.entries(attrs)) {
        if (attr.startsWith('on')) problems.push(`event handler ${attr} on <${name}>`);
        else if (!ALLOWED_ATTRS[name]?.has(attr) && !ALLOWED_ATTRS['*'].has(attr)) problems.push(`attribute ${attr} on <${name}>`);
        if (attr === 'style' && !/^text-align:(left|right|center)$/.test(value)) problems.push(`style "${value}"`);
        if (attr === 'href' || attr === 'src') {
          const s = scheme(value);
          if (s && !['http', 'https', 'mailto'].includes(s) && !(s === 'data' && attr === 'src' && SAFE_DATA_IMAGE.test(value.toLowerCase()))) {
            problems.push(`${attr}="${value.slice(0, 60)}" on <${name}>`);
          }
        }
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return problems;
}
