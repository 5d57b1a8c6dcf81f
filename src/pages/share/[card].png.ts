// Share cards as PNG files, drawn at build time (src/share/card.ts): one per report year and
// language for the home and report pages, and one per language for every other page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, reportYears } from '../../data/site';
import { locales } from '../../i18n/locales';
import { renderShareCard } from '../../share/card';
import { shareCardPath, siteCard, yearCard, type ShareCardContent } from '../../routes/share-cards';
import { withCacheKeys } from '../../routes/cache-key';

/** `/share/2007.zh-CN.png` → `2007.zh-CN` (the route's parameter). */
const cardParam = (path: string) => path.slice('/share/'.length, -'.png'.length);

export const getStaticPaths = withCacheKeys(async () => {
  const years = reportYears(await loadSite());
  const cards: Array<{ params: { card: string }; props: { content: ShareCardContent } }> = [];
  for (const locale of locales) {
    cards.push({
      params: { card: cardParam(shareCardPath(locale)) },
      props: { content: siteCard(locale) },
    });
    for (const year of years) {
      cards.push({
        params: { card: cardParam(shareCardPath(locale, year)) },
        props: { content: await yearCard(year, locale) },
      });
    }
  }
  return cards;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ content: ShareCardContent }> = ({ props }) =>
  new Response(new Uint8Array(renderShareCard(props.content)), {
    headers: { 'content-type': 'image/png' },
  });
