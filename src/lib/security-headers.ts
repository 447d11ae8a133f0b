/**
 * The security headers that every response carries: pages, assets and the referral function, in
 * production (Netlify `_headers`, written at build time) and on the local server. One list, so the
 * local server and production cannot drift apart.
 */

/** Headers for every response, whatever its type. */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  // Nothing about this site may follow a person to the next site, including the quick-exit target.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=(), interest-cohort=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Directives that a `<meta>` CSP cannot carry (frame-ancestors) or that we want on every page
 * whatever Astro emits. Astro's per-page meta supplies script-src and style-src with hashes.
 */
export const headerOnlyCspDirectives: readonly string[] = [
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
];

/** A CSP directive Astro accepts in `security.csp.directives`. */
type Directive = `${'default-src' | 'img-src' | 'font-src' | 'connect-src' | 'manifest-src' | 'worker-src'} ${string}`;

/** Directives every page's CSP starts from (also given to Astro, so the meta tag carries them). */
export const pageCspDirectives: readonly Directive[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'none'",
];

/** The CSP for responses that are not HTML pages (JSON, images, scripts, styles). */
export const nonPageCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Builds a page's header CSP from the policy Astro put in its `<meta>` tag, adding the header-only
 * directives. A directive already present in the meta policy is kept as it is.
 */
export function pageCspFromMeta(metaPolicy: string): string {
  const directives = metaPolicy
    .split(';')
    .map((directive) => directive.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const names = new Set(directives.map((directive) => directive.split(' ')[0]));
  for (const directive of headerOnlyCspDirectives) {
    if (!names.has(directive.split(' ')[0])) directives.push(directive);
  }
  return directives.join('; ');
}
