// The kinds of page the site has, recognised by path: what budgets and Lighthouse sample.

/** @type {Array<[kind: string, pattern: RegExp]>} */
export const pageKinds = [
  ['home', /^\/(en\/)?$/],
  ['report', /^\/(en\/)?\d{4}\/$/],
  ['unit', /^\/(en\/)?\d{4}\/units\/[^/]+\/$/],
  ['gallery', /^\/(en\/)?gallery\/$/],
  ['album', /^\/(en\/)?gallery\/(?!photos\/)[^/]+\/$/],
  ['photo', /^\/(en\/)?gallery\/photos\/[^/]+\/$/],
  ['search', /^\/(en\/)?search\/$/],
  ['glossary', /^\/(en\/)?glossary\/$/],
  ['years', /^\/(en\/)?years\/$/],
  ['figures', /^\/(en\/)?figures\/$/],
  ['accessibility', /^\/(en\/)?accessibility\/$/],
];
