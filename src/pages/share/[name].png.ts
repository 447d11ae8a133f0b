import type { APIRoute, GetStaticPaths } from 'astro';
import { areas } from '../../lib/areas.ts';
import {
  areaCard,
  areaCardName,
  campaignCard,
  campaignCardName,
  homeCard,
  homeCardName,
} from '../../lib/campaign-cards.ts';
import { requirePage } from '../../lib/content.ts';
import { renderShareCard, type ShareCard } from '../../lib/share-card.ts';

/** /share/<name>.png: the share card of the home page, the campaign page and each area's campaign page. */
export const getStaticPaths = (async () => {
  const home = await requirePage('home');
  const names: { name: string; card: (site: URL) => ShareCard }[] = [
    { name: homeCardName, card: (site) => homeCard(site, home.data.title, home.data.description) },
    { name: campaignCardName, card: (site) => campaignCard(site) },
    ...areas.map((area) => ({
      name: areaCardName(area),
      card: (site: URL) => areaCard(site, area),
    })),
  ];
  return names.map(({ name, card }) => ({ params: { name }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: (site: URL) => ShareCard }> = ({ props, site, url }) => {
  const png = renderShareCard(props.card(site ?? url));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
