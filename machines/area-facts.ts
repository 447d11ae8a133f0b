import type { RouteKind } from '../referral/route.ts';
import type { ServicePolicy } from '../referral/rules.ts';

/**
 * What the conversation needs to know about an area, from our own area data (content/areas/): its
 * provider and contacts, the route a referral takes from there, what the service has said about whom
 * it works with, and its local notes. The site builds these into /data/areas.json; the island loads
 * them for the charts.
 */
export type AreaFacts = {
  code: string;
  name: string;
  slug: string;
  provider: {
    name: string;
    service?: string;
    phones: { number: string; label: string }[];
    emails: { address: string; label: string }[];
    website?: { url: string; label: string };
    selfReferral?: { url: string; label: string };
  } | null;
  /** Where a referral from here goes: the local provider, the national safety net, or nowhere (contact them directly). */
  route: RouteKind;
  /** Who receives a referral from here: the provider, or the national service (empty for `direct`). */
  recipient: string;
  policy: ServicePolicy;
  commissioner: { name: string; website?: { url: string; label: string } };
  notes: string[];
};
