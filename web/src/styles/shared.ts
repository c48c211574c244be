import { css } from 'lit';

/**
 * How a table cell breaks its text. Japanese may break between any two characters, so a table wider
 * than the screen squeezed its columns to one character a line (教/え/て/…) instead of scrolling
 * sideways in its box. A cell breaks between phrases (Chromium's auto-phrase; elsewhere between
 * characters) and keeps room for a few characters. App tables (`.scroll` below) and tables in tips
 * (markdown.ts) both use it.
 */
export const tableCellBreaks = css`min-width: 4.5em; word-break: auto-phrase;`;

/** Building blocks every page uses: headings, buttons, form fields, cards, messages. */
export const sharedStyles = css`
  :host { display: block; }
  *, *::before, *::after { box-sizing: border-box; }
  a { color: var(--kotsu-primary); }
  a:hover { color: var(--kotsu-primary-dark); }
  :focus-visible { outline: 3px solid var(--kotsu-focus, #b35c00); outline-offset: 2px; }
  h1 { font-size: 1.5rem; line-height: 1.4; margin: 0 0 1rem; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 0.75rem; }
  .card { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1rem 1.25rem; }
  .muted { color: var(--kotsu-muted); font-size: 0.875rem; }
  .btn {
    display: inline-flex; align-items: center; gap: 0.35rem; min-height: 40px; padding: 0.4rem 1rem;
    border-radius: var(--kotsu-radius); border: 1px solid var(--kotsu-primary); background: var(--kotsu-primary);
    color: #fff; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none;
  }
  .btn:hover { background: var(--kotsu-primary-dark); color: #fff; }
  .btn[disabled] { opacity: 0.6; cursor: progress; }
  .btn.secondary { background: var(--kotsu-surface); color: var(--kotsu-primary); }
  .btn.secondary:hover { background: #e8f0fa; }
  .btn.danger { background: var(--kotsu-surface); color: var(--kotsu-danger); border-color: var(--kotsu-danger); }
  label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  /* Every field one types or picks a value in (e-mail, date, an input without a type…), not only
     the kinds listed when a page first needed them: what is not a box, button or file picker. */
  input:not([type='checkbox'], [type='radio'], [type='file'], [type='hidden'], [type='range'], [type='color'], [type='submit'], [type='button'], [type='reset'], [type='image']),
  textarea, select {
    width: 100%; font: inherit; padding: 0.5rem 0.65rem; border: 1px solid #8a93a3; border-radius: 6px;
    background: #fff; color: var(--kotsu-text);
  }
  textarea { font-family: var(--kotsu-mono); line-height: 1.6; resize: vertical; }
  .error { color: var(--kotsu-danger); background: #fdecea; border: 1px solid #f3b8b3; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
  .notice { background: #fff7e0; border: 1px solid #e6c66e; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
  .tag {
    display: inline-block; padding: 0.05rem 0.6rem; border-radius: 999px; background: #e6eef8; color: #0a4a8a;
    font-size: 0.8125rem; text-decoration: none; line-height: 1.7;
  }
  .tag:hover { background: #d3e2f4; }
  .tags { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; padding: 0; margin: 0.25rem 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  /*
   * A wide table that scrolls sideways on a phone. Positioned, so that what is positioned inside it
   * (a visually hidden label in a cell) is clipped by it too: otherwise such a label sits past the
   * screen's edge and the whole page scrolls sideways (award results at 360 px: 558 px wide).
   */
  .scroll { overflow-x: auto; position: relative; }
  /* Cells keep room for a few characters and buttons their whole label: the table scrolls instead. */
  .scroll :is(th, td) { ${tableCellBreaks} }
  .scroll .btn { white-space: nowrap; }
`;
