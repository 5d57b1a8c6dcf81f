// The year switcher rendered through Astro's Container API, with the links pages give it.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import YearSwitcher from '../../src/components/YearSwitcher.astro';
import { pageLocals } from '../../src/i18n/page-locals';
import { yearLinks } from '../../src/utils/year-links';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const years = [2009, 2008, 2007];

describe('YearSwitcher', () => {
  test('a nav named by its visible label, plain links newest first, the page’s year current', async () => {
    const html = await container.renderToString(YearSwitcher, {
      props: { links: yearLinks({ kind: 'report', years }, 2008, years) },
      locals: pageLocals('zh-cn'),
    });
    expect(html).toMatch(/<nav class="year-switcher" aria-labelledby="year-switcher-label"/);
    expect(html).toMatch(/id="year-switcher-label"[^>]*>\s*年度\s*</);
    const links = [...html.matchAll(/<a href="([^"]+)"( aria-current="page")?[^>]*>([^<]+)/g)].map(
      ([, href, current, text]) => ({ href, current: !!current, text: text?.trim() }),
    );
    expect(links).toEqual([
      { href: '/2009/', current: false, text: '2009年' },
      { href: '/2008/', current: true, text: '2008年' },
      { href: '/2007/', current: false, text: '2007年' },
    ]);
    expect(html).not.toContain('<script');
  });

  test('in English, a year without the same kind of page says where its link goes', async () => {
    const html = await container.renderToString(YearSwitcher, {
      props: { links: yearLinks({ kind: 'unit', slug: 'hotel', years: [2007] }, 2007, years) },
      locals: pageLocals('en'),
    });
    expect(html).toContain('href="/en/2009/"');
    expect(html).toContain('href="/en/2007/units/hotel/"');
    expect(html.match(/that year’s summary/g)).toHaveLength(2);
  });

  test('a site of one year shows nothing', async () => {
    const html = await container.renderToString(YearSwitcher, {
      props: { links: yearLinks({ kind: 'report', years: [2007] }, 2007, [2007]) },
      locals: pageLocals('zh-cn'),
    });
    expect(html).not.toContain('year-switcher');
  });
});
