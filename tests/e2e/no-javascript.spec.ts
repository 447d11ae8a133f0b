import { expect, sitemapPaths, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });

test.describe('without JavaScript', () => {
  test('every page shows its content and the quick exit link', async ({ page }) => {
    for (const path of sitemapPaths()) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
      const exit = page.getByRole('link', { name: 'Emergency: Exit this page' });
      await expect(exit, path).toBeVisible();
      await expect(exit, path).toHaveAttribute('href', 'https://www.bbc.co.uk/weather');
    }
  });

  test('the finder page lists every area, and hides the search it cannot run', async ({ page }) => {
    await page.goto('/find-your-area/');
    await expect(page.getByLabel('Postcode')).toBeHidden();
    const list = page.locator('.area-list');
    await expect(list.getByRole('link')).toHaveCount(43);
    await list.getByRole('link', { name: 'Merseyside' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Restorative justice in Merseyside');
  });

  test('the areas page lists every area by region', async ({ page }) => {
    await page.goto('/areas/');
    await expect(page.locator('.area-list').getByRole('link')).toHaveCount(43);
    await expect(page.getByRole('heading', { name: 'Wales', level: 2 })).toBeVisible();
  });
});
