import { isCampaignCode } from '../lib/campaign-codes.ts';

/**
 * When the page was opened from a campaign (`?from=poster`, `leaflet`, `social-media` or `rj-week`),
 * passes the code on to the chat through the links marked `data-carry-from`. The chat reads it from
 * its own address: no cookie or storage carries it.
 */
export function carryFrom(search: string): void {
  const from = new URLSearchParams(search).get('from');
  if (!isCampaignCode(from)) return;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-carry-from]')) {
    const url = new URL(link.href);
    url.searchParams.set('from', from);
    link.href = url.pathname + url.search + url.hash;
  }
}
