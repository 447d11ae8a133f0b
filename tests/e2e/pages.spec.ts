import { expect, expectNoAxeViolations, expectNoHorizontalScroll, expectNothingLeaked, sitemapPaths, test } from './fixtures.ts';

const paths = [...sitemapPaths(), '/a-page-that-does-not-exist/'];

test.describe('every page', () => {
  for (const path of paths) {
    test(`${path} is accessible at 320 and 1280 pixels and keeps everything private`, async ({ page, privacy }) => {
      await page.setViewportSize({ width: 320, height: 720 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(path.includes('does-not-exist') ? 404 : 200);
      await expect(page.getByRole('link', { name: 'Emergency: Exit this page' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, `at 320px on ${path}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectNoAxeViolations(page, `at 1280px on ${path}`);
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
