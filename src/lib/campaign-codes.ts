/**
 * How someone heard about us, carried from a campaign link to the chat as `?from=`: the chat turns it
 * into the referral's "how did you hear about us" answer, and nothing is stored on the way. A module
 * of its own, so the site script can import the list without the campaign's words.
 *
 * The chat has the same list in referral/vocabulary.ts. It is written twice on purpose: a module both
 * the site script and the chat imported would become a chunk of its own, and the quick exit would wait
 * for a second file (tests/unit/rj-week.test.ts checks the script imports nothing). The two lists are
 * checked to be the same in tests/referral/words.test.ts.
 */
export const campaignCodes = ['poster', 'leaflet', 'social-media', 'rj-week'] as const;
export type CampaignCode = (typeof campaignCodes)[number];

export function isCampaignCode(value: string | null): value is CampaignCode {
  return (campaignCodes as readonly (string | null)[]).includes(value);
}
