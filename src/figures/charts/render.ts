import { createCanvas, SvgExportFlag, type SKRSContext2D } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  LinearScale,
  type Chart as ChartInstance,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
} from 'chart.js';
import { optimize } from 'svgo';
import { CHART_FONT, registerChartFonts } from './fonts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface ChartSize {
  width: number;
  height: number;
}

/** One chart drawn twice: as laid out for a page column, and for a phone held upright. */
export interface RenderedChart {
  svg: string;
  size: ChartSize;
  narrow: { svg: string; size: ChartSize };
}

/**
 * The narrow layout's frame and text. The frame is about as wide as a phone's text column (286 CSS
 * px at 360 px, 246 at 320), so the SVG is drawn at nearly 1:1 and every text of at least
 * {@link narrowLayout.minFontSize} px reads at 12 CSS px or more at 320 px and up.
 */
export const narrowLayout = {
  width: 300,
  minFontSize: 15,
  /** Height given to each category of a horizontal bar chart: its label line and its bar. */
  bandHeight: 80,
  barThickness: 24,
  maxTicks: 3,
} as const;

/** Attribute on the SVG root giving the smallest font size (px, in SVG units) it was drawn with. */
export const minFontAttribute = 'data-min-font-size';

const fontSizePattern = /(\d+(?:\.\d+)?)px/;

/** Where a text was drawn, in canvas pixels. */
interface TextBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The context property holding every text drawn so far (see {@link watchFonts}). */
const drawnText = Symbol('drawnText');

function textBox(ctx: SKRSContext2D, text: string, x: number, y: number): TextBox {
  const metrics = ctx.measureText(text);
  // Chart.js draws tick labels at (0, 0) of a translated context: map the box to the canvas.
  const matrix = ctx.getTransform();
  const corners = [
    [x - metrics.actualBoundingBoxLeft, y - metrics.actualBoundingBoxAscent],
    [x + metrics.actualBoundingBoxRight, y + metrics.actualBoundingBoxDescent],
    [x - metrics.actualBoundingBoxLeft, y + metrics.actualBoundingBoxDescent],
    [x + metrics.actualBoundingBoxRight, y - metrics.actualBoundingBoxAscent],
  ].map(
    ([px = 0, py = 0]) =>
      [matrix.a * px + matrix.c * py + matrix.e, matrix.b * px + matrix.d * py + matrix.f] as const,
  );
  const xs = corners.map(([px]) => px);
  const ys = corners.map(([, py]) => py);
  return {
    left: Math.min(...xs),
    right: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
  };
}

const overlaps = (a: TextBox, b: TextBox) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Records the smallest font any text is drawn with and, for the narrow layout, raises every font
 * below `minFontSize` to it. It works on the canvas context, so it covers the scales and every
 * plugin of any configuration alike (plugins set `ctx.font` themselves).
 */
function watchFonts(ctx: SKRSContext2D, minFontSize: number): { smallest: () => number } {
  const boxes: TextBox[] = [];
  Object.defineProperty(ctx, drawnText, { value: boxes });
  const prototype = Object.getPrototypeOf(ctx) as object;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'font');
  if (!descriptor?.get || !descriptor.set)
    throw new Error('The canvas context has no font accessor: @napi-rs/canvas changed.');
  const { get, set } = descriptor;
  Object.defineProperty(ctx, 'font', {
    configurable: true,
    get: () => get.call(ctx) as string,
    set: (font: string) => {
      const size = Number(fontSizePattern.exec(font)?.[1] ?? minFontSize);
      set.call(ctx, size < minFontSize ? font.replace(fontSizePattern, `${minFontSize}px`) : font);
    },
  });
  let smallest = Number.POSITIVE_INFINITY;
  for (const method of ['fillText', 'strokeText'] as const) {
    const draw = ctx[method].bind(ctx);
    ctx[method] = (text: string, x: number, y: number, maxWidth?: number) => {
      if (text.trim() !== '') {
        const size = Number(fontSizePattern.exec(ctx.font)?.[1] ?? Number.NaN);
        smallest = Math.min(smallest, size);
        boxes.push(textBox(ctx, text, x, y));
      }
      draw(text, x, y, maxWidth);
    };
  }
  return { smallest: () => smallest };
}

/**
 * Draws a Chart.js configuration on a Node SVG canvas and returns a standalone SVG file, with all
 * text converted to outlines (SVG `<text>` would depend on the reader's fonts and drops digits
 * with CJK). svgo then rounds the outlines to 0.1 px, which cuts the size by about five times.
 * The root carries {@link minFontAttribute}: outlines keep no font size, and tests need it.
 */
export function renderChartSvg<T extends ChartType>(
  config: ChartConfiguration<T>,
  size: ChartSize,
  minFontSize = 0,
): string {
  registerChartFonts();
  // The flags are an enum, not a bit set: only one can be passed.
  const canvas = createCanvas(size.width, size.height, SvgExportFlag.ConvertTextToPaths);
  const fonts = watchFonts(canvas.getContext('2d'), minFontSize);
  Chart.defaults.font.family = CHART_FONT;
  const chart = new Chart(
    canvas as unknown as HTMLCanvasElement,
    {
      ...config,
      platform: BasicPlatform,
      options: {
        ...config.options,
        animation: false,
        responsive: false,
        devicePixelRatio: 1,
        events: [],
      },
    } as ChartConfiguration<T>,
  );
  // With animation off, the constructor has already drawn the chart once: no second draw().
  const svg = canvas.getContent().toString('utf8');
  chart.destroy();
  const smallest = fonts.smallest();
  const attributes = `${svg.includes('viewBox') ? '' : ` viewBox="0 0 ${size.width} ${size.height}"`}${
    Number.isFinite(smallest) ? ` ${minFontAttribute}="${smallest}"` : ''
  }`;
  return optimize(svg.replace('<svg', `<svg${attributes}`), {
    multipass: true,
    floatPrecision: 1,
    // Keep each bar its own shape with its own fill: merged or grouped bars could not be
    // counted, styled or tested one by one.
    plugins: [
      {
        name: 'preset-default',
        params: { overrides: { mergePaths: false, moveElemsAttrsToGroup: false } },
      },
    ],
  }).data;
}

type AnyChartConfig = ChartConfiguration<ChartType>;
type ScaleOptions = Record<string, unknown> & {
  ticks?: Record<string, unknown>;
  grid?: Record<string, unknown>;
};

/** Draws each category's label above its bar, left-aligned: the narrow layout has no room beside. */
function labelsAboveBars(color: unknown, fontSize: number): Plugin {
  return {
    id: 'nianjianLabelsAboveBars',
    afterDatasetsDraw(chart: ChartInstance) {
      const { ctx, chartArea } = chart;
      const labels = chart.data.labels ?? [];
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = `400 ${fontSize}px ${chart.options.font?.family ?? 'sans-serif'}`;
      ctx.fillStyle = typeof color === 'string' ? color : '#1f2a33';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      // Text the configuration's own plugins drew (a target's label above its bar, say): a
      // category label that would cover one moves up above it instead.
      const drawn = (
        (ctx as unknown as Record<symbol, TextBox[] | undefined>)[drawnText] ?? []
      ).slice();
      labels.forEach((label, index) => {
        const scale = chart.scales[meta.iScale?.id ?? 'y'];
        if (!scale) return;
        const center = scale.getPixelForValue(index);
        const text = Array.isArray(label) ? label.join(' ') : String(label);
        // A quarter band above the centre clears the bar and any outline drawn around it.
        let y = center - narrowLayout.bandHeight / 4 - 2;
        for (let tries = 0; tries < 3; tries += 1) {
          const box = textBox(ctx as unknown as SKRSContext2D, text, chartArea.left, y);
          const hit = drawn.find((other) => overlaps(box, other));
          if (!hit) break;
          y = hit.top - 3;
        }
        ctx.fillText(text, chartArea.left, y);
      });
      ctx.restore();
    },
  };
}

/**
 * The narrow variant of any chart configuration, laid out for a tall, narrow frame:
 * - horizontal bars keep their orientation, but each category's label moves above its bar so the
 *   bars get the whole width, and each category gets a fixed band, so the frame grows with them;
 * - vertical bars and lines keep theirs, with unrotated, auto-skipped category labels;
 * - every value axis shows at most {@link narrowLayout.maxTicks} ticks (the bars carry values);
 * - every text is drawn at {@link narrowLayout.minFontSize} px or more (see {@link watchFonts}).
 * The configuration's own plugins (value labels, target marks…) are kept as they are.
 */
export function narrowChartConfig<T extends ChartType>(
  config: ChartConfiguration<T>,
  wide: ChartSize,
): { config: ChartConfiguration<T>; size: ChartSize } {
  const source = config as unknown as AnyChartConfig;
  const options = (source.options ?? {}) as Record<string, unknown> & {
    indexAxis?: string;
    scales?: Record<string, ScaleOptions>;
  };
  const horizontal = options.indexAxis === 'y';
  const categoryAxis = horizontal ? 'y' : 'x';
  const scales: Record<string, ScaleOptions> = {};
  for (const [id, scale] of Object.entries(options.scales ?? {})) {
    const isCategory = (scale['axis'] ?? id.charAt(0)) === categoryAxis;
    const ticks = scale.ticks ?? {};
    if (isCategory && horizontal) {
      scales[id] = {
        ...scale,
        ticks: { ...ticks, display: false },
        grid: { ...scale.grid, display: false },
      };
    } else if (isCategory) {
      scales[id] = { ...scale, ticks: { ...ticks, autoSkip: true, maxRotation: 0 } };
    } else {
      const limit =
        typeof ticks['maxTicksLimit'] === 'number'
          ? Math.min(ticks['maxTicksLimit'], narrowLayout.maxTicks)
          : narrowLayout.maxTicks;
      scales[id] = { ...scale, ticks: { ...ticks, maxTicksLimit: limit } };
    }
  }
  const categories = source.data.labels?.length ?? 0;
  if (!horizontal || categories === 0) {
    const height = Math.round(narrowLayout.width * Math.max(0.75, wide.height / wide.width) * 1.6);
    return {
      config: { ...source, options: { ...options, scales } } as unknown as ChartConfiguration<T>,
      size: { width: narrowLayout.width, height },
    };
  }
  // Room above the first bar for a moved label, and on the right for labels centred on a mark
  // near the end of the scale (a 95% target).
  const padding = { top: 24, right: 40, bottom: 4, left: 4 };
  const categoryTicks =
    scales[Object.keys(scales).find((id) => (scales[id]?.['axis'] ?? id.charAt(0)) === 'y') ?? 'y']
      ?.ticks;
  return {
    config: {
      ...source,
      data: {
        ...source.data,
        // A fixed thickness in a fixed band leaves each label its own line above its bar.
        datasets: source.data.datasets.map((dataset) => ({
          ...dataset,
          barThickness: narrowLayout.barThickness,
        })),
      },
      options: { ...options, layout: { padding }, scales },
      plugins: [
        ...(source.plugins ?? []),
        labelsAboveBars(categoryTicks?.['color'], narrowLayout.minFontSize),
      ],
    } as unknown as ChartConfiguration<T>,
    // The top padding and the value axis below the bars take about 60 px.
    size: { width: narrowLayout.width, height: categories * narrowLayout.bandHeight + 60 },
  };
}

/** A chart in its page layout and in its narrow layout for phones (see {@link narrowChartConfig}). */
export function renderChart<T extends ChartType>(
  config: ChartConfiguration<T>,
  size: ChartSize,
): RenderedChart {
  const narrow = narrowChartConfig(config, size);
  return {
    svg: renderChartSvg(config, size),
    size,
    narrow: {
      svg: renderChartSvg(narrow.config, narrow.size, narrowLayout.minFontSize),
      size: narrow.size,
    },
  };
}
