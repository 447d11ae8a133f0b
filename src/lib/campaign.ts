import words from '../../content/campaign/rj-week.json' with { type: 'json' };
import { areaPath } from './paths.ts';
import { campaignSchema, type Campaign, type CampaignPost } from '../schemas/campaign.ts';
import type { Area } from '../schemas/area.ts';
import type { Evidence } from '../schemas/evidence.ts';
import { parseContentFile } from './validation.ts';
import { fill } from './words.ts';

/** The campaign's words, checked against their schema when the site is built. */
export const campaign: Campaign = parseContentFile(
  campaignSchema,
  'campaign',
  'content/campaign/rj-week.json',
  words,
);

export const rjWeekPath = '/rj-week/';

export const areaCampaignPath = (area: Pick<Area, 'slug'>): string => `/rj-week/${area.slug}/`;
export const posterPath = (area: Pick<Area, 'slug'>): string => `/rj-week/${area.slug}/poster/`;
export const leafletPath = (area: Pick<Area, 'slug'>): string => `/rj-week/${area.slug}/leaflet/`;

/** The printed sheets, and the QR code image each one carries. */
export const printKinds = ['poster', 'leaflet'] as const;
export type PrintKind = (typeof printKinds)[number];
export const qrPath = (area: Pick<Area, 'slug'>, kind: PrintKind): string =>
  `/rj-week/${area.slug}/qr-${kind}.png`;

/** Where a QR code leads: the area's page, with the campaign code of the sheet it is printed on. */
export function qrTarget(site: URL | string, area: Pick<Area, 'slug'>, kind: PrintKind): string {
  return new URL(`${areaPath(area)}?from=${kind}`, site).href;
}

/** The chat, from a campaign page: `from=rj-week`, which a `?from=` on arrival replaces. */
export function campaignChatHref(area?: Pick<Area, 'code'>): string {
  return area
    ? `/talk-it-through/?area=${area.code}&from=rj-week`
    : '/talk-it-through/?from=rj-week';
}

/** Posts with their placeholders filled in, each `{evidence}` becoming the figure's short form. */
export function fillPosts(
  posts: readonly CampaignPost[],
  values: Record<string, string>,
  evidence: readonly Evidence[],
): { label: string; text: string }[] {
  return posts.map((post) => {
    const figure = post.evidence ? evidence.find((item) => item.id === post.evidence) : undefined;
    if (post.evidence && !figure)
      throw new Error(`content/campaign/rj-week.json: no evidence with id "${post.evidence}"`);
    const all = figure ? { ...values, evidence: figure.short } : values;
    return { label: fill(post.label, all), text: fill(post.text, all) };
  });
}
