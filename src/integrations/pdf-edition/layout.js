// The PDF edition's layout script, run in the print page after Paged.js (served beside it by the
// PDF step's server, same origin, so the site's own CSP `script-src 'self'` allows both; nothing
// is lifted). It defines window.nianjianPdf; the PDF step calls its two steps with a time limit each.
(() => {
  const { Polisher, Previewer } = /** @type {any} */ (window).Paged;

  // Paged.js puts the page rules it generates into <style> elements, which the site's CSP
  // (style-src 'self' plus hashes) rightly refuses. Constructed style sheets are not inline
  // styles, so the same rules go in through document.adoptedStyleSheets instead.
  const adopt = (/** @type {string} */ text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return {
      sheet,
      remove: () =>
        (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)),
    };
  };
  Polisher.prototype.insert = function (/** @type {string} */ text) {
    const inserted = adopt(text);
    this.inserted.push(inserted);
    return inserted;
  };
  const setup = Polisher.prototype.setup;
  Polisher.prototype.setup = function () {
    setup.call(this);
    this.styleEl.remove();
    const { sheet, remove } = adopt('');
    this.styleEl = { remove };
    this.styleSheet = sheet;
    return sheet;
  };

  /** @type {any} */ (window).nianjianPdf = {
    /**
     * Every image loaded (print images are eager: a lazy one never loads in a page nobody scrolls)
     * and the fonts ready.
     */
    async images() {
      const images = [...document.images];
      for (const image of images) image.loading = 'eager';
      const broken = [];
      await Promise.all(
        images.map((image) =>
          image.decode().catch(() => {
            if (!image.complete || image.naturalWidth === 0)
              broken.push(image.currentSrc || image.src);
          }),
        ),
      );
      await document.fonts.ready;
      return broken;
    },
    /** Lays the document out into pages; returns the page count. */
    async layout() {
      const flow = await new Previewer().preview();
      return flow.total;
    },
  };
})();
