import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Everything a page did that the privacy rules forbid: requests elsewhere and storage writes. */
export type PrivacyLog = { foreignRequests: string[] };

/** The neutral site the quick exit goes to, answered locally (there is no outside network). */
export const exitOrigin = 'https://www.bbc.co.uk';

// Runs in every page before its own scripts: records any attempt to store something in the browser.
function recordStorageWrites(): void {
  const writes: string[] = [];
  Object.defineProperty(window, '__storageWrites', { value: writes });
  for (const method of ['setItem', 'removeItem', 'clear'] as const) {
    const original = Storage.prototype[method];
    Storage.prototype[method] = function (this: Storage, ...args: never[]) {
      writes.push(`Storage.${method}`);
      return (original as (...a: never[]) => unknown).apply(this, args);
    } as never;
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    get() { return cookie?.get?.call(this); },
    set(value: string) { writes.push('document.cookie'); cookie?.set?.call(this, value); },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    writes.push('indexedDB.open');
    return open.apply(this, args);
  };
}

export const test = base.extend<{ privacy: PrivacyLog }>({
  privacy: async ({ context, baseURL }, use) => {
    const log: PrivacyLog = { foreignRequests: [] };
    const ownOrigin = new URL(baseURL ?? 'http://localhost').origin;
    await context.addInitScript(recordStorageWrites);
    await context.route(
      (url) => url.origin !== ownOrigin,
      async (route) => {
        const url = route.request().url();
        if (url.startsWith(exitOrigin)) {
          await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' });
          return;
        }
        log.foreignRequests.push(url);
        await route.abort();
      },
    );
    await use(log);
  },
});

export { expect };

/** Asserts the page kept every privacy rule: nothing sent elsewhere, nothing stored, no cookies. */
export async function expectNothingLeaked(page: Page, privacy: PrivacyLog): Promise<void> {
  expect(privacy.foreignRequests, 'requests to another origin').toEqual([]);
  const writes = await page.evaluate(() => (window as unknown as { __storageWrites?: string[] }).__storageWrites ?? []);
  expect(writes, 'writes to browser storage').toEqual([]);
  expect(await page.context().cookies(), 'cookies').toEqual([]);
}

/** Runs axe with the WCAG 2.2 AA rule sets and fails with a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, label = ''): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations ${label}`).toEqual([]);
}

/** Asserts nothing scrolls sideways: the page fits the viewport width. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

/** Every page address in the built sitemap. */
export function sitemapPaths(): string[] {
  const xml = readFileSync('dist/sitemap-0.xml', 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '/').pathname);
}

/** The number of pages in a PDF that Chromium printed. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** Each page's MediaBox in a printed PDF, in whole points ('0 0 595 842' is A4 portrait). */
export function pdfMediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((match) =>
    (match[1] ?? '')
      .trim()
      .split(/\s+/)
      .map((n) => Math.round(Number(n)))
      .join(' '),
  );
}
