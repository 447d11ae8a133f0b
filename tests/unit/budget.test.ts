import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lazyChunks, pageScripts, pageStyles } from '../support/page-assets.ts';
import { dist } from '../support/built.ts';

/**
 * Byte budgets for the built site (run after `npm run build`): information pages ship no framework
 * JavaScript, only the quick-exit script (≤ 2 KB compressed), and their HTML + CSS fits the first
 * round trip (≤ 14 KB compressed).
 */
const KB = 1024;
const gz = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;

type Page = { path: string; html: string; scripts: string[]; styles: string[] };

function builtPages(): Page[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(join(dist, file), 'utf8');
      return {
        path: `/${file.replace(/index\.html$/, '').replace(/\.html$/, '')}`,
        html,
        scripts: pageScripts(dist, html).map((script) => script.code),
        styles: pageStyles(dist, html).map((style) => style.code),
      };
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
    expect(finderScripts.some((script) => script.includes('/data/finder.json'))).toBe(true);
    expect(finderScripts.reduce((total, script) => total + gz(script), 0)).toBeLessThanOrEqual(4 * KB);
    expect(finder?.html).not.toContain('<astro-island');
  });
});

describe('the byte budget of the chat page', () => {
  const html = existsSync(join(dist, 'talk-it-through/index.html')) ? readFileSync(join(dist, 'talk-it-through/index.html'), 'utf8') : '';
  const scripts = html ? pageScripts(dist, html) : [];
  const gzip = scripts.reduce((total, script) => total + gz(script.code), 0);
  const brotli = scripts.reduce((total, script) => total + brotliCompressSync(script.code).length, 0);
  const later = lazyChunks(scripts);

  it('ships at most 100 KB of compressed JavaScript (gzip) up to the first interaction', () => {
    expect(scripts.length).toBeGreaterThan(2);
    console.log(`chat page JavaScript at first interaction: ${scripts.length} scripts, ${gzip} B gzip, ${brotli} B brotli`);
    expect(gzip).toBeLessThanOrEqual(100 * KB);
  });

  it('loads the questions and sending just after the page, and the whole conversation stays within 110 KB compressed', () => {
    expect(later).toHaveLength(1);
    const phases = readFileSync(join(dist, later[0] ?? ''), 'utf8');
    // The question chart and the send chart are in the later file, not in what the page loads first.
    expect(phases).toContain('id:`questions`');
    expect(phases).toContain('id:`send`');
    for (const script of scripts) expect(script.code, script.name).not.toContain('id:`questions`');
    console.log(`questions and sending, loaded just after the page: ${gz(phases)} B gzip; whole conversation ${gzip + gz(phases)} B gzip`);
    expect(gzip + gz(phases)).toBeLessThanOrEqual(110 * KB);
  });

  it('ships no validation library to the browser: the answer rules are plain functions', () => {
    const phases = later[0] ? readFileSync(join(dist, later[0]), 'utf8') : '';
    for (const code of [...scripts.map((script) => script.code), phases]) {
      expect(code).not.toContain('ZodMini');
      expect(code).not.toContain('_zod');
      expect(code).not.toContain('Invalid input: expected');
    }
  });
});
