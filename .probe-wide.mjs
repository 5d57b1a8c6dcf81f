import { launchChromium } from './src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from './src/integrations/pdf-edition/static-server.mjs';
import { setBrowserTextSize, applyTextSpacing } from './scripts/lib/text-measure.mjs';
const [dir, ...specs] = process.argv.slice(2);
const server = await serveStatic(dir);
const browser = await launchChromium();
for (const spec of specs) {
  const [path, width] = spec.split(',');
  const context = await browser.newContext({ viewport: { width: Number(width), height: 740 } });
  const page = await context.newPage();
  await setBrowserTextSize(page, 200);
  await page.goto(new URL(path.slice(1), server.url).href, { waitUntil: 'load' });
  await applyTextSpacing(page);
  console.log(spec, await page.evaluate(() => {
    const vw = document.documentElement.clientWidth; const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 0.5 && (el.parentElement?.getBoundingClientRect().right ?? 0) <= vw + 0.5 && !el.closest('.table-scroll'))
        out.push(`${el.tagName} ${el.className} w=${Math.round(r.width)} right=${Math.round(r.right)} parent=${el.parentElement.tagName}.${el.parentElement.className} ${getComputedStyle(el).display} :: ${el.textContent.trim().slice(0, 60)}`);
    }
    return out;
  }));
  await context.close();
}
await browser.close(); await server.close();
