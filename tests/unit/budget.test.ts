import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * Byte budgets for the built site (run after `npm run build`): information pages ship no framework
 * JavaScript, only the quick-exit script (≤ 2 KB compressed), and their HTML + CSS fits the first
 * round trip (≤ 14 KB compressed).
 */
const dist = 'dist';
const KB = 1024;
const gz = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;

type Page = { path: string; html: string; scripts: string[]; styles: string[] };

function builtPages(): Page[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(join(dist, file), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter(([, attributes]) => !/type="application\/json"/.test(attributes ?? ''))
        .map(([, attributes, body]) => {
          const src = /src="([^"]+)"/.exec(attributes ?? '')?.[1];
          return src ? readFileSync(join(dist, src), 'utf8') : (body ?? '');
        });
      const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(([, href]) => readFileSync(join(dist, href ?? ''), 'utf8'));
      return { path: `/${file.replace(/index\.html$/, '').replace(/\.html$/, '')}`, html, scripts, styles };
    });
}

const pages = existsSync(dist) ? builtPages() : [];
const isChat = (page: Page) => page.path.startsWith('/talk-it-through/');
const isFinder = (page: Page) => page.path === '/find-your-area/';
const quickExit = (script: string) => script.includes('data-quick-exit');

describe('the byte budget of information pages', () => {
  it('has pages to measure (build first)', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('ship no framework JavaScript: only the quick-exit script, at most 2 KB compressed', () => {
    for (const page of pages.filter((candidate) => !isChat(candidate) && !isFinder(candidate))) {
      expect(page.html, page.path).not.toContain('<astro-island');
      expect(page.scripts.length, `${page.path}: scripts`).toBe(1);
      expect(quickExit(page.scripts[0] ?? ''), `${page.path}: the one script is the quick exit`).toBe(true);
      expect(gz(page.scripts[0] ?? ''), `${page.path}: quick-exit bytes`).toBeLessThanOrEqual(2 * KB);
    }
  });

  it('keep HTML and CSS within 14 KB compressed', () => {
    for (const page of pages.filter((candidate) => !isChat(candidate))) {
      const bytes = gz(page.html) + page.styles.reduce((total, css) => total + gz(css), 0);
      expect(bytes, `${page.path}: HTML + CSS compressed`).toBeLessThanOrEqual(14 * KB);
    }
  });

  it('load the finder table only on the finder page, with a small script and no framework', () => {
    for (const page of pages.filter((candidate) => !isFinder(candidate) && !isChat(candidate))) {
      expect(page.html, page.path).not.toContain('/data/finder.json');
      expect(page.scripts.join(''), page.path).not.toContain('/data/finder.json');
    }
    const finder = pages.find(isFinder);
    const finderScripts = finder?.scripts.filter((script) => !quickExit(script)) ?? [];
    expect(finderScripts).toHaveLength(1);
    expect(finderScripts[0]).toContain('/data/finder.json');
    expect(gz(finderScripts[0] ?? '')).toBeLessThanOrEqual(4 * KB);
    expect(finder?.html).not.toContain('<astro-island');
  });
});

/** Every script a page loads: its own script tags, its island's component and renderer, and all they import. */
function pageJavaScript(html: string): { name: string; code: string }[] {
  const seen = new Map<string, string>();
  const queue = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(([, src]) => src ?? ''),
    ...[...html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map(([, src]) => src ?? ''),
  ].filter(Boolean);
  while (queue.length) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    const code = readFileSync(join(dist, url), 'utf8');
    seen.set(url, code);
    for (const [, imported] of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      queue.push(new URL(imported ?? '', `http://site${url}`).pathname);
    }
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map(([, code], i) => ({ name: `inline ${i}`, code: code ?? '' }));
  return [...[...seen].map(([name, code]) => ({ name, code })), ...inline];
}

describe('the byte budget of the chat page', () => {
  const html = existsSync(join(dist, 'talk-it-through/index.html')) ? readFileSync(join(dist, 'talk-it-through/index.html'), 'utf8') : '';
  const scripts = html ? pageJavaScript(html) : [];
  const brotli = scripts.reduce((total, script) => total + brotliCompressSync(script.code).length, 0);
  const gzip = scripts.reduce((total, script) => total + gz(script.code), 0);

  it('ships at most 100 KB of compressed JavaScript in total (as browsers receive it: brotli)', () => {
    expect(scripts.length).toBeGreaterThan(2);
    // Modern browsers get brotli from Netlify and from npm start; gzip is printed for comparison.
    console.log(`chat page JavaScript: ${scripts.length} scripts, ${brotli} B brotli, ${gzip} B gzip`);
    expect(brotli).toBeLessThanOrEqual(100 * KB);
  });

  it('ships no full zod and no zod locales to the browser, only zod/mini', () => {
    for (const script of scripts) {
      expect(script.code, script.name).not.toContain('Invalid input: expected');
      expect(script.code, script.name).not.toContain('toJSONSchema');
    }
  });
});
