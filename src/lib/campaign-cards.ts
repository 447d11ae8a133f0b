import type { Area } from '../schemas/area.ts';
import { campaign } from './campaign.ts';
import { upcomingRjWeek, rjWeekWords } from './rj-week.ts';
import type { ShareCard } from './share-card.ts';
import { siteName } from './site.ts';
import { fill } from './words.ts';

/**
 * Which share cards the site has, and what each says. Pages and the image endpoint both call these,
 * so a page's `og:image:alt` always matches its picture. Dates are those of the week that is on or
 * next when the site is built.
 */

/** The moment this build started: every page and picture of one build speaks of the same week. */
export const builtAt = new Date();

export const shareCardPath = (name: string): string => `/share/${name}.png`;
export const homeCardName = 'home';
export const campaignCardName = 'rj-week';
export const areaCardName = (area: Pick<Area, 'slug'>): string => `rj-week-${area.slug}`;

const footer = (site: URL | string): string => `${siteName} · ${new URL(site).host}`;
const weekValues = (now: Date) => rjWeekWords(upcomingRjWeek(now));

/** The home page's card, from the home page's own title and description. */
export function homeCard(site: URL | string, title: string, description: string): ShareCard {
  return {
    kicker: campaign.shareCards.homeKicker,
    title,
    subtitle: description,
    footer: footer(site),
  };
}

export function campaignCard(site: URL | string, now = builtAt): ShareCard {
  const words = campaign.shareCards.campaign;
  const values = weekValues(now);
  return {
    kicker: fill(words.kicker, values),
    title: words.title,
    subtitle: words.subtitle,
    footer: footer(site),
  };
}

export function areaCard(site: URL | string, area: Pick<Area, 'name'>, now = builtAt): ShareCard {
  const words = campaign.shareCards.area;
  const values = { ...weekValues(now), area: area.name };
  return {
    kicker: fill(words.kicker, values),
    title: fill(words.title, values),
    subtitle: fill(words.subtitle, values),
    footer: footer(site),
  };
}
