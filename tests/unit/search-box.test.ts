// The header's search box through Astro's Container API: a plain, labelled GET form per locale.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import { pageLocals } from '../../src/i18n/page-locals';
import SearchBox from '../../src/search/SearchBox.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('SearchBox', () => {
  test('is a labelled GET form to the Chinese search page', async () => {
    const html = await container.renderToString(SearchBox, { locals: pageLocals('zh-cn') });
    expect(html).toMatch(
      /<form[^>]*role="search"[^>]*aria-label="站内搜索"[^>]*action="\/search\/"[^>]*method="get"/,
    );
    expect(html).toMatch(/<label[^>]*for="header-search-q"[^>]*>站内搜索<\/label>/);
    expect(html).toMatch(/<input[^>]*id="header-search-q"[^>]*type="search"[^>]*name="q"/);
    expect(html).toContain('>搜索</span>');
    expect(html).not.toContain('<script');
  });
  test('goes to the English search page in English', async () => {
    const html = await container.renderToString(SearchBox, { locals: pageLocals('en') });
    expect(html).toMatch(/action="\/en\/search\/"/);
    expect(html).toContain('aria-label="Site search"');
  });
});
