/** Site-wide settings. Words a practitioner may change live in content/; these are settings. */

export const siteName = 'Restorative Justice Guide';

/**
 * Where the quick exit goes: a neutral page that shows nothing personal. Set PUBLIC_QUICK_EXIT_URL
 * at build time to change it.
 */
export const quickExitUrl: string =
  import.meta.env?.PUBLIC_QUICK_EXIT_URL ||
  // The referral function runs in plain Node (no Vite): there the setting comes from the environment.
  (typeof process === 'undefined' ? undefined : process.env.PUBLIC_QUICK_EXIT_URL) ||
  'https://www.bbc.co.uk/weather';

/** The main menu, in the order it appears. */
export const mainNav: ReadonlyArray<{ href: string; label: string }> = [
  { href: '/what-is-restorative-justice/', label: 'What is it?' },
  { href: '/could-it-work-for-me/', label: 'Could it work for me?' },
  { href: '/find-your-area/', label: 'Find your area' },
  { href: '/talk-it-through/', label: 'Talk it through' },
  { href: '/get-help/', label: 'Get help now' },
];
