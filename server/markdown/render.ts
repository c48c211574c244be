import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { cjkEmphasisPlugin } from './cjk-emphasis';
import { definitionsAreLinksPlugin } from './definitions';
import { halfWidthMarks } from './full-width-marks';
import { highlight } from './highlight';
import { linkifyEndPlugin } from './linkify-end';
import { fold } from '../shared/fold';
import { mentionsPlugin } from './mentions';
import { taskListsPlugin } from './task-lists';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);/i;

/** Links may be relative, anchors, or http(s)/mailto; data: only for raster images. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore these characters inside a scheme, so "java\tscript:" must be judged as "javascript:".
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (!scheme) return !/^[^/?#]*:/.test(compact);
  if (scheme === 'data') return SAFE_DATA_IMAGE.test(compact);
  return ALLOWED_SCHEMES.has(scheme);
}

const LANG_RE = /^[A-Za-z0-9_+.#-]{1,30}$|^[\p{L}\p{N}]{1,10}$/u;

function slugify(text: string): string {
  return fold(text).trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-')
    .slice(0, 80) || 'section';
}

function headingAnchors(md: MarkdownIt): void {
  md.core.ruler.push('heading_anchors', (state) => {
    const used = new Map<string, number>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'heading_open') continue;
      const inline = tokens[i + 1];
      const base = slugify(inline.children?.filter((t) => t.type === 'text' || t.type === 'code_inline')
        .map((t) => t.content).join('') ?? '');
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      tokens[i].attrSet('id', `h-${n ? `${base}-${n}` : base}`);
    }
  });
}

function linkAttributes(md: MarkdownIt): void {
  md.core.ruler.push('link_attributes', (state) => {
    const walk = (tokens: Token[]) => {
      for (const t of tokens) {
        if (t.children) walk(t.children);
        if (t.type === 'link_open') {
          const href = t.attrGet('href') ?? '';
          if (/^data:/i.test(href.trim())) {
            t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'href');
          } else if (/^(https?:)?\/\//i.test(href.trim())) {
            t.attrSet('target', '_blank');
            t.attrSet('rel', 'noopener noreferrer');
          }
        } else if (t.type === 'image') {
          t.attrSet('loading', 'lazy');
        }
      }
    };
    walk(state.tokens);
  });
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = isSafeUrl;
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    const safeLang = LANG_RE.test(lang) ? lang : '';
    const body = highlight(token.content, safeLang.toLowerCase()) ?? md.utils.escapeHtml(token.content);
    const cls = safeLang ? ` class="hljs language-${md.utils.escapeHtml(safeLang)}"` : ' class="hljs"';
    const label = safeLang ? ` data-lang="${md.utils.escapeHtml(safeLang)}"` : '';
    return `<pre${label}><code${cls}>${body}</code></pre>\n`;
  };
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  definitionsAreLinksPlugin(md);
  cjkEmphasisPlugin(md);
  linkifyEndPlugin(md);
  headingAnchors(md);
  mentionsPlugin(md);
  taskListsPlugin(md);
  linkAttributes(md);
  return md;
}

const md = createMarkdown();

/** The one renderer: tip pages, the editor preview and comments all go through it. */
export function renderMarkdown(source: string): string {
  return md.render(halfWidthMarks(source));
}
