import { afterAll, describe, expect, test } from 'vitest';
// What Pagefind is handed for a page (src/search/pagefind-input.ts): the page without the parts
// Pagefind cannot read. Checked with Pagefind itself: the trimmed pages must give the same index,
// byte for byte, as the whole pages, also for the cases where Pagefind does read outside the body.
import * as pagefind from 'pagefind';
import { withBigramBlocks } from '../../src/search/bigram-blocks';
import { pagefindInput, withoutUnreadParts } from '../../src/search/pagefind-input';
import { sitePage } from './search-fixture-pages';

afterAll(() => pagefind.close());

describe('withoutUnreadParts', () => {
  test('leaves out the head (but its title), header, menus, scripts and footer; keeps the body as it is', () => {
    const page = sitePage({
      lang: 'en',
      title: 'Annual summary',
      body: '<h1>Annual summary</h1><p>Teams.</p>',
    });
    const trimmed = withoutUnreadParts(page);
    expect(trimmed.length).toBeLessThan(page.length / 2);
    const body = /<article[\s\S]*<\/article>/.exec(page)?.[0] ?? '';
    expect(body).not.toBe('');
    expect(trimmed).toContain(body);
    expect(trimmed).toContain('<html lang="en">');
    expect(trimmed).toContain('<title>Annual summary · Yearbook</title>');
    for (const gone of ['<meta', '<script', '<nav', '<footer', 'site-header', 'Menu'])
      expect(trimmed).not.toContain(gone);
  });

  test('keeps whole what Pagefind reads outside the body: h1, img, title, data-pagefind-* attributes', () => {
    const page = sitePage({
      lang: 'en',
      title: 'T',
      header: '<div><h1>Site <b>name</b></h1><img src="/logo.png" alt="Logo"><span>x</span></div>',
      beforeBody:
        '<aside data-pagefind-meta="section">Units</aside><p data-pagefind-ignore>skip</p>',
      body: '<p>Text.</p>',
    });
    const trimmed = withoutUnreadParts(page);
    expect(trimmed).toContain('<h1>Site <b>name</b></h1><img src="/logo.png" alt="Logo">');
    expect(trimmed).not.toContain('<span>x</span>');
    expect(trimmed).toContain('<aside data-pagefind-meta="section">Units</aside>');
    expect(trimmed).not.toContain('skip');
  });

  test('gives a page whose tree is not well formed whole, and one without a body as it is', () => {
    const unclosed = sitePage({ lang: 'en', title: 'T', header: '<p>a<p>b', body: '<p>Text.</p>' });
    expect(withoutUnreadParts(unclosed)).toBe(unclosed);
    const noBody = '<html lang="en"><head><title>T</title></head><body><p>x</p></body></html>';
    expect(withoutUnreadParts(noBody)).toBe(noBody);
  });

  test('adds the bigram blocks to Chinese pages only, as indexing whole pages did', () => {
    const zh = sitePage({ lang: 'zh-CN', title: '班组', body: '<h1>班组建设</h1><p>组员轮值</p>' });
    expect(pagefindInput(zh)).toEqual({
      content: withoutUnreadParts(withBigramBlocks(zh)),
      body: true,
    });
    const en = sitePage({ lang: 'en', title: 'Teams', body: '<h1>Teams</h1><p>班组</p>' });
    expect(pagefindInput(en)).toEqual({ content: withoutUnreadParts(en), body: true });
    const bodiless =
      '<html lang="en"><head><title>T</title></head><body><p>data-pagefind-body</p></body></html>';
    expect(pagefindInput(bodiless)).toEqual({ content: bodiless, body: false });
  });
});

/** The files of an index made from these pages (sorted by path), with the given preparation. */
async function indexFiles(pages: Array<[string, string]>, prepare: (html: string) => string) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  for (const [sourcePath, html] of pages) {
    const added = await index.addHTMLFile({ sourcePath, content: prepare(html) });
    expect(added.errors).toEqual([]);
  }
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return files
    .map(({ path, content }) => [path, Buffer.from(content).toString('base64')])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
}

describe('Pagefind makes the same index from the trimmed pages as from the whole ones', () => {
  const whole = (html: string) =>
    /<html[^>]*\blang="zh/i.test(html) ? withBigramBlocks(html) : html;
  const cases: Array<[string, string]> = [
    [
      '2016/index.html',
      sitePage({
        lang: 'zh-CN',
        title: '2016年年度总结',
        body:
          '<h1>年度总结</h1><h2 id="basics">一、基本做法</h2><p id="unit-plant">铝合金厂组员轮值。</p>' +
          '<img src="/a.webp" alt="图"><div data-pagefind-ignore>目录</div>' +
          '<span data-pagefind-filter="year">2016</span><span data-pagefind-meta="kind">report</span>',
      }),
    ],
    [
      'en/2016/index.html',
      sitePage({
        lang: 'en',
        title: 'Annual summary 2016',
        body: '<h1>Annual summary</h1><h2 id="basics">Basic practice</h2><p>Teams rotate duties.</p>',
      }),
    ],
    // No h1 in the body: the first h1 before it (in the header) is the title, and the header's
    // image after it is the result's image.
    [
      'en/gallery/photos/a/index.html',
      sitePage({
        lang: 'en',
        title: 'Photo',
        header: '<a href="/"><h1>Yearbook</h1></a><img src="/logo.png" alt="Logo">',
        body: '<p>A photo of the <em>plant</em>.</p>',
      }),
    ],
    // No h1 at all: the <title> is the result's title. Ids outside the body, filters before it.
    [
      'en/units/x/index.html',
      sitePage({
        lang: 'en',
        title: 'Unit X',
        header: '<nav id="menu"><a id="home" href="/">Home</a></nav>',
        beforeBody: '<div data-pagefind-filter="kind">unit</div><p id="intro">Outside</p>',
        body: '<h2 id="says">What the report says</h2><p>Unit X did well.</p>',
        afterBody: '<section id="more"><h2>More</h2></section>',
      }),
    ],
    // Two bodies on one page.
    [
      'units/y/index.html',
      sitePage({
        lang: 'zh-CN',
        title: '单位',
        body: '<h2 id="a">做法</h2><p>班组建设</p>',
        afterBody:
          '<aside data-pagefind-body><p id="b">第二段正文</p></aside><footer>页脚</footer>',
      }),
    ],
  ];

  test('byte for byte, for report, unit and photo pages and the cases Pagefind reads outside the body', async () => {
    const input = (html: string) => pagefindInput(html).content;
    for (const [, html] of cases) expect(input(html).length).toBeLessThan(whole(html).length);
    const expected = await indexFiles(cases, whole);
    const actual = await indexFiles(cases, input);
    expect(actual.map(([path]) => path)).toEqual(expected.map(([path]) => path));
    expect(actual).toEqual(expected);
  });
});
