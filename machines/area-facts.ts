/**
 * What the conversation needs to know about an area, from our own area data (content/areas/): its
 * provider and contacts, whether it takes online referrals, and its local notes. The site builds these
 * into /data/areas.json; the island loads them for the charts.
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
  /** Whether this site can send a referral to the provider (the area has a referral inbox). */
  acceptsReferrals: boolean;
  commissioner: { name: string; website?: { url: string; label: string } };
  notes: string[];
};
