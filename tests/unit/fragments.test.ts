import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBuilt } from '../support/built.ts';

/**
 * Every internal link with a #fragment in the built site (run after `npm run build`) points at an id
 * that exists on its target page: `/about/#data-sources` needs id="data-sources" in about/index.html,
 * and `href="#x"` needs id="x" on the same page. A heading renamed in content/pages/ would otherwise
 * leave the footer's link (and any other) landing at the top of the page without a word.
 */
const dist = process.env.DIST_DIR ?? 'dist';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const decode = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#39|apos|#x([0-9a-f]+)|#(\d+));/gi, (whole, name: string, hex?: string, dec?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (entities[name.toLowerCase()] ?? whole),
  );

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) return htmlFiles(dir, path);
    return path.endsWith('.html') ? [path] : [];
  });
}

/** The address a built file is served at: about/index.html is /about/, 404.html is /404.html. */
const addressOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** The built file an address is served from, if any. */
function fileFor(pathname: string): string | undefined {
  const path = decodeURIComponent(pathname).replace(/^\//, '');
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
  return candidates.find((candidate) => existsSync(join(dist, candidate)) && statSync(join(dist, candidate)).isFile());
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const html = readFileSync(join(dist, file), 'utf8');
    ids = new Set<string>();
    for (const match of html.matchAll(/\sid="([^"]*)"/gi)) ids.add(decode(match[1] ?? ''));
    // <a name="…"> is a target too.
    for (const match of html.matchAll(/<a\s[^>]*?\bname="([^"]*)"/gi)) ids.add(decode(match[1] ?? ''));
    idCache.set(file, ids);
  }
  return ids;
}

/** The site's own origin, as the build wrote it into the home page's canonical link. */
function siteOrigin(): string {
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1];
  return canonical ? new URL(canonical).origin : 'http://localhost:4321';
}

type Broken = { page: string; href: string; problem: string };

function brokenFragments(): { checked: number; broken: Broken[] } {
  const origin = siteOrigin();
  const broken: Broken[] = [];
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const page = addressOf(file);
    const html = readFileSync(join(dist, file), 'utf8');
    for (const match of html.matchAll(/\shref="([^"]*#[^"]*)"/gi)) {
      const href = decode(match[1] ?? '');
      if (/^(mailto|tel|sms|javascript|data):/i.test(href)) continue;
      const url = new URL(href, `${origin}${page}`);
      if (url.origin !== origin) continue;
      const fragment = decodeURIComponent(url.hash.slice(1));
      // An empty fragment (and "#top", which the HTML standard defines) scrolls to the top of the page.
      if (fragment === '' || fragment.toLowerCase() === 'top') continue;
      checked += 1;
      const target = fileFor(url.pathname);
      if (!target) broken.push({ page, href, problem: `no page is built at ${url.pathname}` });
      else if (!idsIn(target).has(fragment)) broken.push({ page, href, problem: `${addressOf(target)} has no id="${fragment}"` });
    }
  }
  return { checked, broken };
}

describeBuilt('links to a part of a page', () => {
  const { checked, broken } = brokenFragments();

  it('finds the links it checks (the footer links to /about/#data-sources from every page)', () => {
    expect(checked).toBeGreaterThan(100);
  });

  it('the about page has the data sources section the footer points at', () => {
    expect(idsIn('about/index.html').has('data-sources')).toBe(true);
  });

  it('every internal #fragment link points at an id on its target page', () => {
    // Grouped by link, so one broken heading reads as one line, not 190.
    const byLink = new Map<string, string[]>();
    for (const item of broken) {
      const key = `${item.href}: ${item.problem}`;
      byLink.set(key, [...new Set([...(byLink.get(key) ?? []), item.page])]);
    }
    const report = [...byLink].map(([key, pages]) => `${key} (on ${pages.length} page${pages.length === 1 ? '' : 's'}, e.g. ${pages.slice(0, 3).join(', ')})`);
    expect(report).toEqual([]);
  });
});
