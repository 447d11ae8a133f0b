import { expect, expectNoAxeViolations, expectNothingLeaked, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function search(page: Page, postcode: string): Promise<void> {
  await page.getByLabel('Postcode').fill(postcode);
  await page.getByRole('button', { name: 'Find my area' }).click();
}

test.describe('finding your area', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/find-your-area/');
  });

  test('L1 8JQ is in Merseyside, and focus moves to the answer', async ({ page, privacy }) => {
    await search(page, 'L1 8JQ');
    const answer = page.getByRole('heading', { name: 'Your area is Merseyside' });
    await expect(answer).toBeFocused();
    await page.getByRole('link', { name: 'Restorative justice in Merseyside' }).click();
    await expect(page).toHaveURL(/\/areas\/merseyside\/$/);
    await expectNothingLeaked(page, privacy);
  });

  test('GL50 1PX is in Gloucestershire and B15 2TT in the West Midlands', async ({ page }) => {
    await search(page, 'GL50 1PX');
    await expect(page.getByRole('heading', { name: 'Your area is Gloucestershire' })).toBeVisible();
    await search(page, 'B15 2TT');
    await expect(page.getByRole('heading', { name: 'Your area is West Midlands' })).toBeVisible();
  });

  test('CH1 offers a choice of Cheshire or North Wales', async ({ page, privacy }) => {
    await search(page, 'ch1');
    await expect(page.getByRole('heading', { name: 'Postcode district CH1 is in more than one area' })).toBeFocused();
    await expect(page.getByRole('link', { name: /Restorative justice in Cheshire \(most of CH1\)/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Restorative justice in North Wales \(part of CH1\)/ })).toBeVisible();
    await expectNoAxeViolations(page, 'with a choice shown');
    await expectNothingLeaked(page, privacy);
  });

  test('EH1 1YZ is outside England and Wales, with where to go instead', async ({ page }) => {
    await search(page, 'EH1 1YZ');
    await expect(page.getByRole('heading', { name: 'EH1 is in Scotland' })).toBeVisible();
    await expect(page.getByText('This site covers England and Wales only.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Victim Support Scotland' })).toBeVisible();
  });

  test('nonsense gets a clear message linked to the field', async ({ page }) => {
    await search(page, 'hello there');
    const input = page.getByLabel('Postcode');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(/Enter a real postcode, like L1 8JQ/);
    await expect(input).toBeFocused();
    await expectNoAxeViolations(page, 'with an error shown');
  });

  test('a council name finds its area as you type', async ({ page }) => {
    await page.getByLabel('Council name').fill('Sheff');
    await expect(page.getByRole('link', { name: 'Sheffield: South Yorkshire' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('1 council matches');
  });
});
