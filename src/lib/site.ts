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

type Env = Record<string, string | undefined>;

/**
 * The site's public address, used for canonical links, the sitemap, share cards, poster QR codes,
 * ready-made posts and the published JSON Schema's `$id`: SITE_URL; else Netlify's URL (which Netlify
 * sets on every build); else http://localhost:4321 for development. `from` names where it came from,
 * so an error can name the setting.
 */
export function siteAddress(env: Env): { url: string; from: 'SITE_URL' | 'URL' | 'default' } {
  const siteUrl = env.SITE_URL?.trim();
  if (siteUrl) return { url: siteUrl, from: 'SITE_URL' };
  const netlifyUrl = env.URL?.trim();
  if (netlifyUrl) return { url: netlifyUrl, from: 'URL' };
  return { url: 'http://localhost:4321', from: 'default' };
}

/**
 * A production build: Netlify's CONTEXT=production, or NODE_ENV=production as it was when the build
 * started. (Astro sets NODE_ENV=production itself before it reads its configuration, for every build and
 * check, so `npm run build` passes on the caller's own NODE_ENV as BUILD_NODE_ENV; the configuration
 * reads that when it is there.)
 */
export function isProductionBuild(env: Env): boolean {
  const nodeEnv = 'BUILD_NODE_ENV' in env ? env.BUILD_NODE_ENV : env.NODE_ENV;
  return env.CONTEXT === 'production' || nodeEnv === 'production';
}

/** Whether an address can be the public address of a live site: https://, and not this machine. */
export function isPublicHttps(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const local =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    /^127(\.\d{1,3}){3}$/.test(host);
  return url.protocol === 'https:' && !local;
}

/**
 * The site address a build uses, or the one line that stops it: an address that is not a web address
 * at all, or, in production, one that is not the public https:// address (a build made with the
 * default would put localhost into every QR code, canonical link and share card).
 */
export function buildSiteAddress(env: Env): { ok: true; url: string } | { ok: false; problem: string } {
  const { url, from } = siteAddress(env);
  const setting = from === 'default' ? 'SITE_URL' : from;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http');
  } catch {
    return { ok: false, problem: `Cannot build: ${setting} must be a web address such as https://rj.example.org (it is "${url}")` };
  }
  if (isProductionBuild(env) && !isPublicHttps(url)) {
    const now = from === 'default' ? 'it is not set' : `${setting} is "${url}"`;
    return {
      ok: false,
      problem: `Cannot build for production: set SITE_URL to the site's public https:// address (Netlify sets URL; ${now})`,
    };
  }
  return { ok: true, url: new URL(url).origin };
}
