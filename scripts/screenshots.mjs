// Screenshots of the built site for the README: `npm run build && npm run screenshots`.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from '../src/integrations/pdf-edition/static-server.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const shots = [
  { name: 'home.zh-CN', path: '' },
  { name: 'home.en', path: 'en/' },
  { name: 'report.zh-CN', path: '2007/' },
  { name: 'report.en', path: 'en/2007/' },
];
const viewports = [
  { suffix: 'mobile', width: 390, height: 844 },
  { suffix: 'desktop', width: 1280, height: 900 },
];

await mkdir(out, { recursive: true });
const server = await serveStatic(root);
const browser = await launchChromium();
try {
  for (const viewport of viewports) {
    const page = await browser.newPage({
      viewport: { width: viewport.width, height: viewport.height },
    });
    for (const shot of shots) {
      await page.goto(server.url + shot.path);
      const file = `${out}${shot.name}.${viewport.suffix}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
