import { css } from 'lit';
import { tableCellBreaks } from './shared';

/** Looks of rendered tips and previews, including highlight.js token classes (local, no CDN). */
export const markdownStyles = css`
  .md { word-wrap: break-word; overflow-wrap: anywhere; }
  .md h1, .md h2, .md h3, .md h4 { line-height: 1.4; margin: 1.4em 0 0.6em; }
  .md h1 { font-size: 1.4rem; } .md h2 { font-size: 1.25rem; border-bottom: 1px solid var(--kotsu-border); padding-bottom: 0.2em; }
  .md h3 { font-size: 1.1rem; }
  .md p, .md ul, .md ol, .md blockquote, .md pre, .md .table-wrap { margin: 0 0 1em; }
  .md img { max-width: 100%; height: auto; border: 1px solid var(--kotsu-border); border-radius: 4px; }
  .md blockquote { border-left: 4px solid var(--kotsu-border); padding: 0 1em; color: var(--kotsu-muted); margin-left: 0; }
  .md code { font-family: var(--kotsu-mono); font-size: 0.9em; background: #eef1f5; padding: 0.1em 0.35em; border-radius: 4px; }
  .md pre { background: #f6f8fa; border: 1px solid var(--kotsu-border); border-radius: 6px; padding: 0.8em 1em; overflow-x: auto; }
  .md pre code { background: none; padding: 0; font-size: 0.875rem; }
  .md .table-wrap { overflow-x: auto; }
  /* A wide table or long code line scrolls inside its box; the box itself never asks its
     container (a grid or flex item such as a comment) for more width than there is. */
  .md .table-wrap, .md pre { contain: inline-size; }
  .md table { border-collapse: collapse; min-width: 50%; }
  /* Cells wrap only between words or phrases, never inside a short word, and keep room for a few
     characters: a wide table scrolls in its wrapper instead of squeezing its cells (shared.ts). */
  .md th, .md td { border: 1px solid var(--kotsu-border); padding: 0.35em 0.7em; text-align: left; overflow-wrap: normal; ${tableCellBreaks} }
  .md th { background: #eef1f5; }
  .md a { color: var(--kotsu-primary); }
  /* Task lists (server/markdown/task-lists.ts): the box stands where the bullet was. */
  .md .task-list-item { list-style: none; }
  .md .task-list-item-label { font-weight: inherit; display: inline; margin: 0; }
  .md .contains-task-list { padding-left: 1.5em; }
  .md .task-list-item-checkbox { margin: 0 0.4em 0 -1.4em; vertical-align: middle; width: 1em; height: 1em; }
  .hljs-comment, .hljs-quote { color: #55606e; font-style: italic; }
  .hljs-keyword, .hljs-selector-tag, .hljs-built_in, .hljs-type { color: #8b1e8a; }
  .hljs-string, .hljs-attr, .hljs-regexp { color: #2a6320; }
  .hljs-number, .hljs-literal, .hljs-symbol { color: #8a4600; }
  .hljs-title, .hljs-function, .hljs-section { color: #174f95; }
  .hljs-variable, .hljs-template-variable, .hljs-name { color: #a3151f; }
  .hljs-meta { color: #5a3d87; }
`;
