import { expect, test } from 'vitest';
import { highlightOrder, tableOfContents } from '../../src/model/report-outline';
import { pick, termIn } from '../../src/utils/bilingual';

test('highlightOrder lists highlighted units in source order', () => {
  const mdx =
    'Intro\n\n<Highlight unit="hotel">\n\ntext\n\n</Highlight>\n\n<Highlight  unit="hospital">\n\nmore\n\n</Highlight>';
  expect(highlightOrder(mdx)).toEqual(['hotel', 'hospital']);
  expect(highlightOrder('no highlights')).toEqual([]);
});

test('tableOfContents nests h3 under the preceding h2 and ignores deeper headings', () => {
  const toc = tableOfContents([
    { depth: 2, slug: 'basics', text: '一' },
    { depth: 2, slug: 'results', text: '二' },
    { depth: 3, slug: 'results-teams', text: '（一）' },
    { depth: 4, slug: 'deep', text: 'deep' },
    { depth: 3, slug: 'results-offices', text: '（二）' },
  ]);
  expect(toc.map((item) => [item.slug, item.children.map((child) => child.slug)])).toEqual([
    ['basics', []],
    ['results', ['results-teams', 'results-offices']],
  ]);
});

test('termIn shows a glossary term in the page’s language with its counterpart', () => {
  const term = {
    zh: '六常法',
    en: 'Six Constants method',
    explanation: { zh: '说明', en: 'Explanation' },
    items: [],
    related: [],
  };
  expect(termIn(term, 'zh-cn')).toEqual({
    name: '六常法',
    explanation: '说明',
    counterpart: 'Six Constants method',
  });
  expect(termIn(term, 'en')).toEqual({
    name: 'Six Constants method',
    explanation: 'Explanation',
    counterpart: '六常法',
  });
});

test('pick chooses the locale’s side of a bilingual text', () => {
  expect(pick({ zh: '常整顿', en: 'constant tidying' }, 'zh-cn')).toEqual({
    shown: '常整顿',
    counterpart: 'constant tidying',
  });
  expect(pick({ zh: '常整顿', en: 'constant tidying' }, 'en')).toEqual({
    shown: 'constant tidying',
    counterpart: '常整顿',
  });
});
