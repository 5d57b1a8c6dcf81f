// What a phone reader gets from a page, measured in Chromium: sideways overflow, the smallest text
// of every chart as drawn on screen, and tap targets too small to hit. Used by
// tests/e2e/phone.test.ts and `node scripts/phone-report.mjs` (the before/after table of issue 16).

/**
 * @typedef {object} ChartText
 * @property {string} src the SVG file the browser picked (`currentSrc`)
 * @property {number} renderedWidth CSS px
 * @property {number} intrinsicWidth the SVG's viewBox width
 * @property {number} scale rendered ÷ intrinsic width
 * @property {number | null} fontPx smallest font size the chart was drawn with × rendered/intrinsic width: CSS px
 * @property {number} glyphPx height of the smallest run of glyph outlines as rendered: CSS px
 */

/**
 * @typedef {object} PhoneMeasure
 * @property {number} overflow CSS px the page is wider than the viewport (0: no sideways scrolling)
 * @property {string[]} wideElements the elements sticking out past the viewport's right edge
 * @property {ChartText[]} charts
 * @property {Array<{ element: string, width: number, height: number }>} smallTargets non-inline
 *   links and controls under 24 × 24 CSS px without the spacing that 2.5.8 (WCAG 2.2) accepts instead
 */

/**
 * Measures the page open in `page` (a Playwright Page whose viewport is already set).
 * Chart text is converted to outlines, so it has no font size left in the DOM. Two measures:
 * `fontPx` scales the font size the SVG records on its root (`data-min-font-size`, written while it
 * was drawn) by the ratio the browser scales the picture by: the CSS px size the reader sees, as
 * if it were live text. `glyphPx` measures what is on screen: each text run is one outline path,
 * and the shortest run's bounding box (cap or digit height, about 0.7 of the font size for Latin
 * and digits, 0.9 for Chinese) times the same ratio.
 * @param {import('playwright-core').Page} page
 * @param {{ charts?: boolean }} [options] `charts: false` skips the charts (their list is then empty):
 *   fetching and laying out each SVG is the slow part, and a layout check has no use for it
 * @returns {Promise<PhoneMeasure>}
 */
export async function measurePhone(page, { charts: measureCharts = true } = {}) {
  // Lazy images load when scrolled into view: load them all before measuring.
  await page.evaluate(async () => {
    for (const image of document.querySelectorAll('img[loading="lazy"]')) image.loading = 'eager';
    await Promise.all(
      [...document.images].map((image) =>
        image.complete ? undefined : image.decode().catch(() => undefined),
      ),
    );
  });
  return page.evaluate(async (measureCharts) => {
    const describe = (/** @type {Element} */ element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}` +
      `${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    const viewport = document.documentElement.clientWidth;
    const overflow = Math.max(0, document.documentElement.scrollWidth - viewport);
    const wideElements = [];
    if (overflow > 0) {
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        // Only the outermost culprits: an element inside a scrolling container is not one.
        if (
          box.right > viewport + 0.5 &&
          !(
            element.parentElement &&
            element.parentElement.getBoundingClientRect().right > viewport + 0.5
          )
        ) {
          wideElements.push(`${describe(element)} (${Math.round(box.right - viewport)} px)`);
        }
      }
    }

    const charts = [];
    for (const image of measureCharts ? document.querySelectorAll('figure.chart img') : []) {
      const src = image.currentSrc || image.src;
      const text = await (await fetch(src)).text();
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      const viewBox = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
      const intrinsicWidth = viewBox[2] || Number(svg.getAttribute('width'));
      const renderedWidth = image.getBoundingClientRect().width;
      const scale = renderedWidth / intrinsicWidth;
      const recorded = Number(svg.getAttribute('data-min-font-size'));
      // Lay the SVG out (hidden) to measure its outlines: runs of text are the filled paths with curves.
      const host = document.createElement('div');
      host.style.cssText = 'position:absolute;left:-10000px;top:0;visibility:hidden';
      host.append(document.importNode(svg, true));
      document.body.append(host);
      // A run of text may be split into several paths (one per font subset, as for Chinese
      // punctuation): paths on one line with less than a space between them are one run.
      const boxes = [...host.querySelectorAll('path')]
        .filter(
          (path) =>
            path.getAttribute('fill') !== 'none' && /[qcQC]/.test(path.getAttribute('d') ?? ''),
        )
        .map((path) => path.getBBox())
        .map((box) => ({
          left: box.x,
          right: box.x + box.width,
          top: box.y,
          bottom: box.y + box.height,
        }))
        .sort((a, b) => a.left - b.left);
      const runs = [];
      for (const box of boxes) {
        const run = runs.find(
          (other) => box.left - other.right < 6 && box.top < other.bottom && other.top < box.bottom,
        );
        if (run)
          Object.assign(run, {
            right: Math.max(run.right, box.right),
            top: Math.min(run.top, box.top),
            bottom: Math.max(run.bottom, box.bottom),
          });
        else runs.push({ ...box });
      }
      const shortest = Math.min(...runs.map((run) => run.bottom - run.top));
      host.remove();
      charts.push({
        src: new URL(src).pathname,
        renderedWidth: Math.round(renderedWidth),
        intrinsicWidth,
        scale: Math.round(scale * 100) / 100,
        fontPx: recorded ? Math.round(recorded * scale * 10) / 10 : null,
        glyphPx: Math.round(shortest * scale * 10) / 10,
      });
    }

    // Links and controls, except links inside running text (2.5.8's "inline" exception).
    const smallTargets = [];
    const targets = [];
    for (const element of document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]',
    )) {
      const style = getComputedStyle(element);
      if (
        style.display === 'none' ||
        style.visibility === 'hidden' ||
        element.closest('[hidden], .search-visually-hidden, .skip-link')
      )
        continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const block = element.parentElement?.closest(
        'p, li, dd, td, th, figcaption, blockquote, h1, h2, h3, h4, span, small, cite',
      );
      const inline =
        style.display === 'inline' &&
        block &&
        (block.textContent ?? '').trim().length > (element.textContent ?? '').trim().length;
      if (inline) continue;
      if (box.width < 23.5 || box.height < 23.5) smallTargets.push({ element, box });
      targets.push({ element, box });
    }
    // 2.5.8's spacing exception: an undersized target passes if a 24 px circle on its centre
    // touches no other target (and no other undersized target's circle).
    const centre = (box) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    const distanceToBox = (point, box) =>
      Math.hypot(
        Math.max(box.left - point.x, 0, point.x - box.right),
        Math.max(box.top - point.y, 0, point.y - box.bottom),
      );
    const crowded = smallTargets.filter((small) => {
      const point = centre(small.box);
      return targets.some((other) => {
        if (
          other.element === small.element ||
          other.element.contains(small.element) ||
          small.element.contains(other.element)
        )
          return false;
        const isSmall = smallTargets.some((candidate) => candidate.element === other.element);
        return isSmall
          ? Math.hypot(point.x - centre(other.box).x, point.y - centre(other.box).y) < 24
          : distanceToBox(point, other.box) < 12;
      });
    });
    return {
      overflow,
      wideElements: wideElements.slice(0, 5),
      charts,
      smallTargets: crowded.map(({ element, box }) => ({
        element: describe(element),
        width: Math.round(box.width),
        height: Math.round(box.height),
      })),
    };
  }, measureCharts);
}
