import { campaign } from './campaign.ts';

/** A plain link that shares a page on another site. Nothing reaches that site until it is clicked. */
export type ShareLink = { label: string; href: string };

const enc = encodeURIComponent;

/**
 * Share links for a page. Links to social sites carry `from=social-media`, the email link
 * `from=rj-week`, so a referral that follows can say how the person heard about us.
 */
export function shareLinks(pageUrl: string, text: string): ShareLink[] {
  const social = withFrom(pageUrl, 'social-media');
  const words = campaign.share;
  return [
    { label: words.facebook, href: `https://www.facebook.com/sharer/sharer.php?u=${enc(social)}` },
    {
      label: words.x,
      href: `https://twitter.com/intent/tweet?text=${enc(text)}&url=${enc(social)}`,
    },
    { label: words.whatsapp, href: `https://wa.me/?text=${enc(`${text} ${social}`)}` },
    {
      label: words.email,
      href: `mailto:?subject=${enc(words.emailSubject)}&body=${enc(`${text}\n\n${withFrom(pageUrl, 'rj-week')}`)}`,
    },
  ];
}

/** The address with `?from=<code>` set. */
export function withFrom(pageUrl: string, code: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('from', code);
  return url.href;
}
