import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, expectNothingLeaked, sitemapPaths, test } from './fixtures.ts';

const paths = [...sitemapPaths(), '/a-page-that-does-not-exist/'];

/**
 * Pages made from one template (an area page, an area's campaign page) differ only in their data, so
 * axe runs on a few of each: the first, the longest name, one with no known provider, one in Wales
 * (posters.spec.ts adds the sheets of areas with unusual contact details). Every page,
 * the rest of each template included, gets the reflow and text-spacing checks and the privacy checks;
 * the HTML of every page is validated in the unit tests.
 */
const templated = /^\/(areas|rj-week)\/[a-z-]+\/$/;
const representatives = new Set(
  ['merseyside', 'dorset', 'london', 'south-wales'].flatMap((slug) => [`/areas/${slug}/`, `/rj-week/${slug}/`]),
);
const withAxe = (path: string) => !templated.test(path) || representatives.has(path);
const rest = paths.filter((path) => !withAxe(path));

/**
 * WCAG 1.4.12 text spacing: the largest spacing a reader may set, which must lose nothing. Set through
 * the CSSOM, as a reader's bookmarklet does (the CSP allows no injected style sheet); `on` false undoes it.
 */
async function textSpacing(page: Page, on: boolean): Promise<void> {
  await page.evaluate((apply) => {
    const set = { 'line-height': '1.5', 'letter-spacing': '0.12em', 'word-spacing': '0.16em' };
    for (const element of document.querySelectorAll<HTMLElement>('body, body *')) {
      for (const [property, value] of Object.entries(set)) {
        if (apply) element.style.setProperty(property, value, 'important');
        else element.style.removeProperty(property);
      }
      if (element.tagName === 'P') {
        if (apply) element.style.setProperty('margin-bottom', '2em', 'important');
        else element.style.removeProperty('margin-bottom');
      }
    }
  }, on);
}

/** What every page must do at 320 px: the exit link in view, no sideways scroll with or without wider text spacing. */
async function expectFits(page: Page, path: string): Promise<void> {
  await expect(page.getByRole('link', { name: 'Emergency: Exit this page' }), path).toBeVisible();
  await expectNoHorizontalScroll(page);
  await textSpacing(page, true);
  await expectNoHorizontalScroll(page);
  await textSpacing(page, false);
}

test.describe('every page', () => {
  for (const path of paths.filter(withAxe)) {
    test(`${path} is accessible at 320 and 1280 pixels, reflows with wider text spacing, and keeps everything private`, async ({ page, privacy }) => {
      await page.setViewportSize({ width: 320, height: 720 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(path.includes('does-not-exist') ? 404 : 200);
      await expectFits(page, path);
      await expectNoAxeViolations(page, `at 320px on ${path}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectNoAxeViolations(page, `at 1280px on ${path}`);
      await expectNothingLeaked(page, privacy);
    });
  }

  // The rest of the templated pages, a batch to a test: each loads, fits 320 px and keeps everything private.
  const batch = 12;
  for (let start = 0; start < rest.length; start += batch) {
    const some = rest.slice(start, start + batch);
    test(`${some[0]} to ${some.at(-1)} (${some.length} pages from the area templates) reflow with wider text spacing and keep everything private`, async ({ page, privacy }) => {
      await page.setViewportSize({ width: 320, height: 720 });
      for (const path of some) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectFits(page, path);
      }
      await expectNothingLeaked(page, privacy);
    });
  }
});

test('the sitemap lists the information pages and every area', () => {
  const all = sitemapPaths();
  expect(all).toContain('/');
  expect(all).toContain('/could-it-work-for-me/');
  expect(all.filter((path) => /^\/areas\/[a-z-]+\/$/.test(path))).toHaveLength(43);
});

test('the quick exit stays in view, uncovered, while the page scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/could-it-work-for-me/');
  await page.mouse.wheel(0, 3000);
  const exit = page.getByRole('link', { name: 'Emergency: Exit this page' });
  await expect(exit).toBeInViewport();
  const box = await exit.boundingBox();
  if (!box) throw new Error('no exit button box');
  const topmost = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.textContent?.trim(),
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(topmost).toContain('Exit this page');
});

test('every response carries the security headers', async ({ request }) => {
  for (const path of ['/', '/areas/merseyside/', '/data/finder.json', '/favicon.svg', '/nowhere/']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("object-src 'none'");
    expect(headers['content-security-policy'], path).toContain("base-uri 'none'");
    expect(headers['content-security-policy'], path).not.toContain('unsafe-inline');
    expect(headers['strict-transport-security'], path).toMatch(/max-age=(\d{8,})/);
    expect(Number(/max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '')?.[1])).toBeGreaterThanOrEqual(31536000);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['permissions-policy'], path).toContain('geolocation=()');
    expect(headers['set-cookie'], path).toBeUndefined();
  }
});
