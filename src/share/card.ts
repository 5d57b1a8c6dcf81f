// Share cards: the picture a chat app or social site shows for a link to the site (Open Graph
// `og:image`). Drawn at build time on the same Node canvas and with the same npm fonts as the
// charts, so every build machine makes the same PNG and no web service is involved.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { CHART_FONT, LATIN_FONT, registerChartFonts } from '../figures/charts/fonts';
import { shareCardSize, type ShareCardContent } from '../routes/share-cards';

const colours = {
  paper: '#ffffff',
  band: '#0a5a9c',
  ink: '#1f2a33',
  inkSoft: '#4a5660',
  rule: '#d9dde1',
  ground: '#f5f6f7',
};
const margin = 72;

/**
 * Splits text into the pieces a line may break between: each Han character or fullwidth mark on
 * its own, Latin words with their trailing space.
 */
export function breakable(text: string): string[] {
  return (
    text.match(
      /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]|[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+\s*|\s+/g,
    ) ?? []
  );
}

/**
 * Greedy line breaking of `text` to `maxWidth`, as measured by `measure`; at most `maxLines` lines
 * (the last ends in “…”).
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of breakable(text)) {
    if (line !== '' && measure((line + piece).trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.length > 1 && measure(`${last}…`) > maxWidth) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

function font(ctx: SKRSContext2D, size: number, weight: 400 | 700, latin: boolean) {
  ctx.font = `${weight} ${size}px ${latin ? `${LATIN_FONT}, ${CHART_FONT}` : CHART_FONT}`;
}

/** Draws a share card and returns it as a PNG. */
export function renderShareCard(content: ShareCardContent): Buffer {
  registerChartFonts();
  const { width, height } = shareCardSize;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const latin = content.latin ?? false;
  ctx.fillStyle = colours.ground;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = colours.band;
  ctx.fillRect(0, 0, width, 16);
  ctx.textBaseline = 'alphabetic';

  font(ctx, 30, 700, latin);
  ctx.fillStyle = colours.inkSoft;
  ctx.fillText(content.site, margin, 80);

  let y = 150;
  if (content.kicker) {
    font(ctx, 34, 400, latin);
    ctx.fillStyle = colours.band;
    ctx.fillText(content.kicker, margin, y);
    y += 66;
  }
  const titleSize = content.figures.length > 0 ? 50 : 64;
  font(ctx, titleSize, 700, latin);
  ctx.fillStyle = colours.ink;
  const maxLines = content.figures.length > 0 ? 3 : 4;
  for (const line of wrapText(
    content.title,
    width - 2 * margin,
    (text) => ctx.measureText(text).width,
    maxLines,
  )) {
    ctx.fillText(line, margin, y);
    y += Math.round(titleSize * 1.3);
  }

  if (content.figures.length > 0) {
    const top = height - 170;
    ctx.fillStyle = colours.rule;
    ctx.fillRect(margin, top - 28, width - 2 * margin, 2);
    const column = (width - 2 * margin) / content.figures.length;
    content.figures.forEach((figure, index) => {
      const x = margin + index * column;
      font(ctx, 64, 700, latin);
      ctx.fillStyle = colours.band;
      ctx.fillText(figure.value, x, top + 56);
      font(ctx, 28, 400, latin);
      ctx.fillStyle = colours.inkSoft;
      wrapText(figure.label, column - 24, (text) => ctx.measureText(text).width, 2).forEach(
        (line, lineIndex) => {
          ctx.fillText(line, x, top + 100 + lineIndex * 36);
        },
      );
    });
  }
  return canvas.toBuffer('image/png');
}
