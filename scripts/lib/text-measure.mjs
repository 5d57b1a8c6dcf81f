// Large text in Chromium (issue 25): how a reader who turned the text size up sees a page. Used by
// tests/e2e/large-text.test.ts and `node scripts/large-text-report.mjs` (the before/after table).

/**
 * The browser's text size setting, as Chrome's Settings › Appearance › Font size sets it: the
 * default ("medium") font size every `rem` and `em` is measured from. 200% is 32 px. It changes
 * the root font size only, never the page zoom, as Android's and WeChat's font scaling do for a
 * page that sizes its text in rem. Must be set before the page loads.
 * @param {import('playwright-core').Page} page
 * @param {number} percent
 */
export async function setBrowserTextSize(page, percent) {
  const session = await page.context().newCDPSession(page);
  await session.send('Page.setFontSizes', {
    fontSizes: {
      standard: Math.round(16 * (percent / 100)),
      fixed: Math.round(13 * (percent / 100)),
    },
  });
}

/**
 * WCAG 2.2 1.4.12 Text Spacing, as its test bookmarklet applies it: line height 1.5 × the font
 * size, paragraphs 2 × apart, letters 0.12 × and words 0.16 × the font size apart.
 */
export const textSpacingCss = `
*, *::before, *::after {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
`;

/**
 * Applies `textSpacingCss` to the page as it stands. A constructed style sheet, as a reader's
 * extension would add it: the site's CSP refuses an inline <style>, rightly.
 * @param {import('playwright-core').Page} page
 */
export async function applyTextSpacing(page) {
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, textSpacingCss);
}

/**
 * @typedef {object} TextMeasure
 * @property {string[]} clipped elements whose text is cut off by their own box (overflow hidden or clip)
 * @property {string[]} overlaps pairs of visible text runs that cover each other
 */

/**
 * Measures the page open in `page`: text cut off by a box that hides its overflow, and text drawn
 * over other text (each text node's line boxes against every other's). Sideways scrolling is
 * measurePhone()'s (./phone-measure.mjs).
 * Visually hidden text (screen-reader labels) and text in closed menus or dialogs is not drawn, so
 * it is left out.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<TextMeasure>}
 */
export function measureText(page) {
  return page.evaluate(() => {
    const describe = (/** @type {Element} */ element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}` +
      `${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    /** Drawn on screen: not hidden, not a 1 px screen-reader label, not inside a closed element. */
    const shown = (/** @type {Element} */ element) => {
      if (element.closest('[hidden], .search-visually-hidden, .skip-link, [aria-hidden="true"]'))
        return false;
      if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true }))
        return false;
      const box = element.getBoundingClientRect();
      return box.width > 2 && box.height > 2;
    };

    const clipped = [];
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      const hides = (/** @type {string} */ value) => value === 'hidden' || value === 'clip';
      if (!hides(style.overflowX) && !hides(style.overflowY) && style.textOverflow !== 'ellipsis')
        continue;
      if (!shown(element) || !(element.textContent ?? '').trim()) continue;
      const wide = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const tall = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (wide || tall)
        clipped.push(`${describe(element)} “${(element.textContent ?? '').trim().slice(0, 30)}”`);
    }

    const runs = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || !shown(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width < 2 || rect.height < 2) continue;
        runs.push({ parent, text, rect });
      }
    }
    runs.sort((a, b) => a.rect.top - b.rect.top);
    const overlaps = [];
    for (let i = 0; i < runs.length && overlaps.length < 10; i++) {
      const a = runs[i];
      for (let j = i + 1; j < runs.length; j++) {
        const b = runs[j];
        if (b.rect.top >= a.rect.bottom) break;
        if (a.parent === b.parent) continue;
        // Line boxes of neighbouring lines may touch; text that covers a quarter of a line does not.
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (width > 2 && height > 0.25 * Math.min(a.rect.height, b.rect.height)) {
          overlaps.push(
            `${describe(a.parent)} “${a.text.slice(0, 20)}” × ${describe(b.parent)} “${b.text.slice(0, 20)}”`,
          );
        }
      }
    }
    return { clipped, overlaps };
  });
}
