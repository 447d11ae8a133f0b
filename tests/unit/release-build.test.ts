import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The build `npm test` makes is a production build with a public address (scripts/build-for-tests.mjs),
 * as Netlify makes it: nothing in it may point at this machine.
 */
const dist = process.env.DIST_DIR ?? 'dist';
const files = existsSync(dist) ? readdirSync(dist, { recursive: true }).map(String).filter((file) => /\.(html|xml|json|txt|js|css|webmanifest|svg)$|_headers$/.test(file)) : [];
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];

describe('the production build npm test makes', () => {
  const home = existsSync(join(dist, 'index.html')) ? read('index.html') : '';
  const origin = canonical(home) ? new URL(canonical(home)!).origin : '';

  it('names the public https:// address it was built for', () => {
    expect(origin).toMatch(/^https:\/\/(?!localhost)[a-z0-9.-]+$/);
  });

  it('has no localhost, 127.0.0.1 or port 4321 anywhere: pages, sitemap, data, scripts, headers', () => {
    expect(files.length).toBeGreaterThan(150);
    const offenders = files.filter((file) => /localhost|127\.0\.0\.1|:4321\b/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('gives every page its canonical address, share card and sitemap entry at that address', () => {
    const pages = files.filter((file) => file.endsWith('.html'));
    for (const file of pages) {
      const html = read(file);
      for (const [, url] of html.matchAll(/<(?:link rel="canonical"|meta property="og:(?:url|image)"|meta name="twitter:image") (?:href|content)="([^"]+)"/g)) expect(url?.startsWith(`${origin}/`), `${file}: ${url}`).toBe(true);
    }
    const sitemaps = files.filter((file) => /^sitemap.*\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) for (const [, url] of read(file).matchAll(/<loc>([^<]+)<\/loc>/g)) expect(url?.startsWith(`${origin}/`), url).toBe(true);
  });
});
