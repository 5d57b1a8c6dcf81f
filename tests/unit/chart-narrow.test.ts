// The narrow (phone) layout of the build-time charts: drawn for a tall frame about as wide as a
// phone's text column, with every text at a legible size, for any Chart.js configuration.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  minFontAttribute,
  narrowChartConfig,
  narrowLayout,
  renderChart,
} from '../../src/figures/charts/render';
import { yearCharts } from '../../src/figures/charts/year-charts';
import { metricsSchema } from '../../src/figures/schema';
import { yearFigures } from '../../src/figures/compute';

const figures = yearFigures(
  metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8'))),
);
const smallestFont = (svg: string) =>
  Number(new RegExp(`${minFontAttribute}="([\\d.]+)"`).exec(svg)?.[1]);

describe.each(['zh-cn', 'en'] as const)('%s charts', (locale) => {
  const charts = yearCharts(figures, locale);
  test.each(charts.map((chart) => [chart.id, chart] as const))(
    '%s has a narrow variant with large text',
    async (_id, chart) => {
      const { narrow } = chart;
      expect(narrow.size.width).toBe(narrowLayout.width);
      expect(narrow.size.height).toBeGreaterThan(narrow.size.width / 2);
      expect(narrow.svg).toContain(`viewBox="0 0 ${narrow.size.width} ${narrow.size.height}"`);
      expect(narrow.svg).not.toMatch(/<text\b/);
      expect(smallestFont(narrow.svg)).toBeGreaterThanOrEqual(narrowLayout.minFontSize);
      // The page layout records its own smallest text too, and keeps it as configured.
      expect(smallestFont(chart.svg)).toBeGreaterThan(0);
      const png = await sharp(Buffer.from(narrow.svg)).png().toBuffer();
      if (process.env['CHART_PREVIEW']) {
        mkdirSync(process.env['CHART_PREVIEW'], { recursive: true });
        writeFileSync(`${process.env['CHART_PREVIEW']}/${chart.id}.${locale}.png`, png);
        writeFileSync(
          `${process.env['CHART_PREVIEW']}/${chart.id}.${locale}.wide.png`,
          await sharp(Buffer.from(chart.svg)).png().toBuffer(),
        );
      }
      expect((await sharp(png).metadata()).width).toBe(narrow.size.width);
    },
  );
});

describe('narrowChartConfig', () => {
  const wide = { width: 720, height: 260 };
  test('moves a horizontal bar chart’s category labels above its bars and gives each a band', () => {
    const { config, size } = narrowChartConfig(
      {
        type: 'bar',
        data: { labels: ['a', 'b', 'c', 'd'], datasets: [{ data: [1, 2, 3, 4] }] },
        options: { indexAxis: 'y', scales: { x: { ticks: { maxTicksLimit: 8 } }, y: {} } },
      },
      wide,
    );
    expect(size).toEqual({ width: narrowLayout.width, height: 4 * narrowLayout.bandHeight + 60 });
    expect(config.options?.scales?.['y']?.ticks?.display).toBe(false);
    expect(config.options?.scales?.['x']?.ticks).toMatchObject({
      maxTicksLimit: narrowLayout.maxTicks,
    });
    expect(config.plugins?.map((plugin) => plugin.id)).toContain('nianjianLabelsAboveBars');
  });

  test('keeps a vertical chart vertical, taller than wide-ish, with unrotated category labels', () => {
    const { config, size } = narrowChartConfig(
      {
        type: 'bar',
        data: { labels: ['2007', '2008', '2009'], datasets: [{ data: [1, 2, 3] }] },
        options: { scales: { x: {}, y: {} } },
      },
      wide,
    );
    expect(size.width).toBe(narrowLayout.width);
    expect(config.options?.scales?.['x']?.ticks).toMatchObject({ maxRotation: 0, autoSkip: true });
    expect(config.options?.scales?.['y']?.ticks).toMatchObject({
      maxTicksLimit: narrowLayout.maxTicks,
    });
  });

  test('raises every text drawn below the minimum, plugins’ included', () => {
    const tiny = {
      id: 'tiny',
      afterDraw(chart: { ctx: CanvasRenderingContext2D }) {
        chart.ctx.font = '9px sans-serif';
        chart.ctx.fillText('tiny', 10, 10);
      },
    };
    const { svg, narrow } = renderChart(
      {
        type: 'bar',
        data: { labels: ['a'], datasets: [{ data: [1] }] },
        options: { indexAxis: 'y', scales: { x: {}, y: {} } },
        plugins: [tiny],
      },
      wide,
    );
    expect(smallestFont(svg)).toBe(9);
    expect(smallestFont(narrow.svg)).toBe(narrowLayout.minFontSize);
  });
});
