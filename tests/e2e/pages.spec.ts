import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, expectNothingLeaked, sitemapPaths, test } from './fixtures.ts';

const paths = [...sitemapPaths(), '/a-page-that-does-not-exist/'];

/**
 * Pages made from one template (an area page, an area's campaign page) differ only in their data, so
 * axe at 1280 px runs on a few of each: the first, one with a long name, one with no known provider.
 * Every page gets axe at 320 px, the reflow and text-spacing checks, and the privacy checks.
 */
const templated = /^\/(areas|rj-week)\/[a-z-]+\/$/;
const representatives = new Set(['merseyside', 'dorset', 'london', 'south-wales'].flatMap((slug) => [`/areas/${slug}/`, `/rj-week/${slug}/`]));
const wideAxe = (path: string) => !templated.test(path) || representatives.has(path);

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

test.describe('every page', () => {
  for (const path of paths) {
    test(`${path} is accessible at 320${wideAxe(path) ? ' and 1280' : ''} pixels, reflows with wider text spacing, and keeps everything private`, async ({ page, privacy }) => {
      await page.setViewportSize({ width: 320, height: 720 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(path.includes('does-not-exist') ? 404 : 200);
      await expect(page.getByRole('link', { name: 'Emergency: Exit this page' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, `at 320px on ${path}`);
      await textSpacing(page, true);
      await expectNoHorizontalScroll(page);
      await textSpacing(page, false);
      if (wideAxe(path)) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await expectNoAxeViolations(page, `at 1280px on ${path}`);
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
