// @ts-check
// The reader's text size (issue 25): standard or large, chosen with the header's control and kept
// on the device. The choice is applied by a tiny inline script in <head>, before the page is
// painted, so a large-text reader never sees the page jump; without script the page stays standard.

/** The text sizes a reader can choose. */
export const textSizes = /** @type {const} */ (['standard', 'large']);

/** @typedef {(typeof textSizes)[number]} TextSize */

/** Where the device keeps the choice (localStorage). */
export const textSizeStorageKey = 'nianjian:text-size';

/**
 * The script that runs in <head>: reads the saved size and puts it on <html data-text-size>, which
 * the style sheet and the control read. Private browsing may refuse localStorage: then standard.
 * Its SHA-256 goes into the page's CSP (src/text-size/TextSizeHead.astro), so it must stay exactly this text.
 */
export const applySavedTextSizeScript =
  `(function(){var s='standard';try{if(localStorage.getItem('${textSizeStorageKey}')==='large')s='large'}` +
  `catch(e){}document.documentElement.setAttribute('data-text-size',s)})();`;
