/**
 * Checks of a page as it is now that axe's serious/critical set does not make: every
 * `aria-controls` names an element that exists in its own tree (document or shadow root), no
 * two landmarks share a role and name, and scrollable regions can be reached by keyboard.
 */
import type { Page } from 'playwright-core';
import { axe } from './harness';

/** `aria-controls` pointing at nothing (also while a popup is closed — then it should be absent). */
export function ariaControlsProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const ids = el.getAttribute('aria-controls');
        if (ids !== null) {
          for (const id of ids.split(/\s+/).filter(Boolean)) {
            if (!root.getElementById(id)) problems.push(`<${el.tagName.toLowerCase()} aria-controls="${id}"> points at nothing`);
          }
          if (!ids.trim()) problems.push(`<${el.tagName.toLowerCase()} aria-controls=""> is empty`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return problems;
  });
}

/**
 * axe rules this project holds to whatever their impact: landmark names and keyboard-reachable
 * scrollers, in one axe run (each run injects axe and walks the whole page, shadow roots included).
 */
export async function landmarkAndScrollProblems(page: Page): Promise<string[]> {
  const rules = ['landmark-unique', 'landmark-no-duplicate-main', 'landmark-no-duplicate-banner', 'scrollable-region-focusable'];
  const result = await axe(page).withRules(rules).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The outermost elements that reach past the right edge of the viewport, to say what overflows. */
export function overflowCulprits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot | Element, inside: boolean) => {
      for (const el of Array.from(root.children)) {
        const b = el.getBoundingClientRect();
        const over = b.width > 0 && b.right > window.innerWidth + 0.5;
        if (over && !inside) found.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(b.right)})`);
        const clips = ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
        if (!clips) {
          if (el.shadowRoot) walk(el.shadowRoot, inside);
          walk(el, inside);
        }
      }
    };
    walk(document.documentElement, false);
    // Deepest last: the last few name the element that is too wide.
    return found.slice(-4);
  });
}

/**
 * Text squeezed to a character or two per line: Japanese text may break between any two
 * characters, so a table cell (or a button in one) as narrow as one character is allowed by the
 * browser, and a wide table squeezes such columns instead of scrolling (the audit log's 操作 at
 * 360 px read 教/え/て/リ/ク/…, one character a line). A text of four or more characters that takes
 * three lines or more at no more than two and a half characters a line is reported.
 */
export function squeezedTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) walk(el.shadowRoot);
        for (const node of Array.from(el.childNodes)) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const text = (node.textContent ?? '').trim();
          const chars = [...text].length;
          if (chars < 4) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 1).map((r) => Math.round(r.top))).size;
          if (lines >= 3 && chars / lines <= 2.5) found.push(`<${el.tagName.toLowerCase()}> "${text.slice(0, 16)}" in ${lines} lines`);
        }
      }
    };
    walk(document);
    return found.slice(0, 6);
  });
}
