import { exitOrigin, expect, test } from './fixtures.ts';

const exitLink = { name: 'Emergency: Exit this page' };

test.describe('the quick exit', () => {
  test('a click leaves at once, sends no referrer, and Back does not return to the page', async ({ page, privacy }) => {
    void privacy;
    let referer: string | undefined = 'not requested';
    await page.route(`${exitOrigin}/**`, async (route) => {
      referer = route.request().headers().referer;
      await route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' });
    });
    await page.goto('/');
    await page.getByRole('link', { name: 'Could it work for me?' }).first().click();
    await expect(page).toHaveURL(/\/could-it-work-for-me\/$/);
    await page.getByRole('link', exitLink).click();
    await expect(page).toHaveURL(`${exitOrigin}/weather`);
    expect(referer).toBeUndefined();
    await page.goBack();
    expect(page.url()).not.toContain('/could-it-work-for-me/');
  });

  test('the page is hidden the moment the exit starts, before the next site answers', async ({ page, privacy }) => {
    void privacy;
    const seen: { className: string; bodyDisplay: string }[] = [];
    await page.exposeFunction('reportExitState', (state: { className: string; bodyDisplay: string }) => seen.push(state));
    await page.goto('/how-it-works/');
    // Report the page's state the instant the exit starts, while the next page has not loaded.
    await page.evaluate(() => {
      new MutationObserver(() => {
        const report = (window as unknown as { reportExitState: (state: object) => void }).reportExitState;
        report({ className: document.documentElement.className, bodyDisplay: getComputedStyle(document.body).display });
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    });
    await page.getByRole('link', exitLink).click();
    await expect(page).toHaveURL(`${exitOrigin}/weather`);
    expect(seen[0]).toEqual({ className: 'is-exiting', bodyDisplay: 'none' });
  });

  test('pressing Shift three times leaves, announcing each press', async ({ page, privacy }) => {
    void privacy;
    await page.goto('/how-it-works/');
    const status = page.locator('[data-quick-exit-status]');
    await page.keyboard.press('Shift');
    await expect(status).toHaveText('Shift, press 2 more times to exit.');
    await page.keyboard.press('Shift');
    await expect(status).toHaveText('Shift, press 1 more time to exit.');
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(`${exitOrigin}/weather`);
    await page.goBack();
    expect(page.url()).not.toContain('/how-it-works/');
  });

  test('Shift used with another key does not count', async ({ page }) => {
    await page.goto('/how-it-works/');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+A');
    await expect(page).toHaveURL(/\/how-it-works\/$/);
    await expect(page.locator('[data-quick-exit-status]')).toHaveText('');
  });

  test('another key between presses starts the count again', async ({ page }) => {
    await page.goto('/how-it-works/');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift');
    await expect(page.locator('[data-quick-exit-status]')).toHaveText('Shift, press 2 more times to exit.');
    await expect(page).toHaveURL(/\/how-it-works\/$/);
  });

  test('the count expires after 5 seconds without a press', async ({ page }) => {
    await page.clock.install();
    await page.goto('/how-it-works/');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.clock.runFor(5_001);
    await expect(page.locator('[data-quick-exit-status]')).toHaveText('Exit this page expired.');
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(/\/how-it-works\/$/);
  });

  test('a keyboard user reaches it first with a skip link', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Tab');
    const skipExit = page.locator('a.skip-link[data-quick-exit]');
    await expect(skipExit).toBeFocused();
    await expect(skipExit).toBeVisible();
  });
});
