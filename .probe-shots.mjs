import { launchChromium } from './src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from './src/integrations/pdf-edition/static-server.mjs';
const [dir, ...specs] = process.argv.slice(2);
const server = await serveStatic(dir);
const browser = await launchChromium();
for (const spec of specs) {
  const [path, width, mode, full] = spec.split(',');
  const context = await browser.newContext({ viewport: { width: Number(width), height: 740 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (mode === 'large') await page.addInitScript(() => localStorage.setItem('nianjian:text-size', 'large'));
  if (mode === '200') { const s = await context.newCDPSession(page); await s.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } }); }
  await page.goto(new URL(path.slice(1), server.url).href, { waitUntil: 'load' });
  const header = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
  const name = `${path.replace(/\//g, '_')}-${width}-${mode}.png`;
  await page.screenshot({ path: `/tmp/lt-shots/${name}`, fullPage: full === 'full' });
  console.log(name, 'header', header);
  await context.close();
}
await browser.close(); await server.close();
