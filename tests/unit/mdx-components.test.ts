// The MDX components editors may use (src/components/mdx/): one folder, the same names as the content
// model and its allow-list, and the year's context reaching them as a prop (no page-wide state).
import { existsSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import { mdxComponentNames, mdxComponents, type MdxContext } from '../../src/components/mdx';
import Metric from '../../src/components/mdx/Metric.astro';
import ReportQuote from '../../src/components/mdx/ReportQuote.astro';
import UnitLink from '../../src/components/mdx/UnitLink.astro';
import { pageLocals } from '../../src/i18n/page-locals';
import { allowedComponents } from '../../src/model/mdx-allowlist';
import { contentModel } from '../../src/model/registry';
import { RenderError } from '../../src/utils/render-errors';

const context: MdxContext = {
  figureYear: 2009,
  unitYear: { year: 2009, units: { hotel: '平果铝宾馆' } },
  figures: {
    '2007': { 'teams.excellentRate': { value: '65.74', text: '66%', bare: '66' } },
    '2009': { 'teams.excellentRate': { value: '71.43', text: '71%', bare: '71' } },
  },
  reportTitles: { '2007': '2007年班组建设总结' },
  contentFiles: [],
};

describe('the MDX components editors may use', () => {
  test('are the content model’s and the allow-list’s, each a file of src/components/mdx/', () => {
    for (const collection of ['reports', 'units'] as const) {
      expect([...mdxComponentNames[collection]].sort()).toEqual(
        [...contentModel[collection].components].sort(),
      );
    }
    const all = new Set(Object.values(mdxComponentNames).flat());
    expect([...all].sort()).toEqual(Object.keys(allowedComponents).sort());
    for (const name of all) expect(existsSync(`src/components/mdx/${name}.astro`)).toBe(true);
  });

  test('each collection’s map gives every component the text’s context as a prop', () => {
    const map = mdxComponents('units', context);
    expect(Object.keys(map).sort()).toEqual([...mdxComponentNames.units].sort());
    const vnode = map.Metric({ id: 'teams.excellentRate' }) as { props: Record<string, unknown> };
    expect(vnode.props).toMatchObject({ id: 'teams.excellentRate', context });
  });
});

describe('the year reaches them through props', () => {
  const render = async (
    component: Parameters<AstroContainer['renderToString']>[0],
    props: Record<string, unknown>,
  ) =>
    (await AstroContainer.create()).renderToString(component, {
      props,
      locals: pageLocals('zh-cn'),
    });

  test('<Metric> shows the text’s year, or the year it names', async () => {
    expect(await render(Metric, { id: 'teams.excellentRate', context })).toBe(
      '<data class="metric" value="71.43">71%</data>',
    );
    expect(
      await render(Metric, { id: 'teams.excellentRate', year: 2007, bare: true, context }),
    ).toBe('<data class="metric" value="65.74">66</data>');
  });

  test('<Metric> of a year with no figures file, or an id it does not declare, says so', async () => {
    await expect(
      render(Metric, { id: 'teams.excellentRate', year: 2008, context }),
    ).rejects.toThrow(/no src\/content\/metrics\/2008\.yaml/);
    await expect(render(Metric, { id: 'teams.excelent', context })).rejects.toThrow(RenderError);
  });

  test('<UnitLink> links into the text’s year, or to the unit’s history on a page of many years', async () => {
    expect(await render(UnitLink, { unit: 'hotel', context })).toContain(
      'href="/2009/units/hotel/"',
    );
    expect(
      await render(UnitLink, { unit: 'hotel', context: { ...context, unitYear: undefined } }),
    ).toContain('href="/units/hotel/"');
    await expect(render(UnitLink, { unit: 'motel', context })).rejects.toThrow(
      /src\/content\/units\/zh-cn\/2009\/motel\.mdx/,
    );
  });

  test('<ReportQuote> names the report it quotes', async () => {
    const html = await render(ReportQuote, { year: 2007, unit: 'hotel', context });
    expect(html).toContain('2007年班组建设总结');
    expect(html).toContain('href="/2007/#unit-hotel"');
  });
});
