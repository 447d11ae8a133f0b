/**
 * How someone heard about us, carried from a campaign link to the chat as `?from=`: the chat turns it
 * into the referral's "how did you hear about us" answer, and nothing is stored on the way. A module
 * of its own, so the site script can import the list without the campaign's words.
 */
export const campaignCodes = ['poster', 'leaflet', 'social-media', 'rj-week'] as const;
export type CampaignCode = (typeof campaignCodes)[number];

export function isCampaignCode(value: string | null): value is CampaignCode {
  return (campaignCodes as readonly (string | null)[]).includes(value);
}
