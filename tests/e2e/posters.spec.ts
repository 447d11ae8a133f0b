import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNothingLeaked, pdfMediaBoxes, pdfPageCount, test } from './fixtures.ts';

/**
 * Posters (one side of A4) and leaflets (two sides of A5) as a printer gets them: the QR code's
 * printed size, the number of pages, and the sheet alone on the paper. On screen: accessible, with the
 * intro that says how to print it.
 */

/** A few areas: a provider with two numbers and an email, long area names, no provider, no phone. */
const areas = [
  { slug: 'merseyside', note: 'a provider with two phone numbers and an email address' },
  { slug: 'leicestershire', note: 'a long area name' },
  { slug: 'london', note: 'no provider' },
  { slug: 'cheshire', note: 'a provider with no contact details' },
  { slug: 'greater-manchester', note: 'a provider with a website but no phone' },
  { slug: 'dorset', note: 'the longest area name' },
  { slug: 'staffordshire', note: 'a long service name' },
];

const sheets = {
  poster: { pages: 1, mediaBox: '0 0 595 842', paper: 'A4' },
  leaflet: { pages: 2, mediaBox: '0 0 420 595', paper: 'both sides of A5' },
} as const;

/** 40 mm at 96 CSS pixels to the inch. */
const minQrPixels = (40 / 25.4) * 96;

const qrCode = (page: Page) => page.locator('.sheet__qr img');

for (const { slug, note } of areas) {
  for (const kind of ['poster', 'leaflet'] as const) {
    const path = `/rj-week/${slug}/${kind}/`;

    test.describe(`the ${slug} ${kind} (${note})`, () => {
      test('on screen: says how to print it, links back, and is accessible with nothing sent elsewhere', async ({
        page,
        privacy,
      }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByText(`Print this ${kind} on ${sheets[kind].paper} paper`)).toBeVisible();
        await expect(page.locator('main').getByRole('link').first()).toHaveAttribute('href', `/rj-week/${slug}/`);
        // The "In <area>, contact …" line is a heading under the sheet's own.
        await expect(page.getByRole('heading', { level: 2, name: 'Harmed by a crime?' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 3, name: /^In .+, contact / })).toBeVisible();
        // The QR code image is there, large enough to print sharply.
        const natural = await qrCode(page).evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0);
        expect(natural).toBeGreaterThanOrEqual(600);
        await expectNoAxeViolations(page, `on ${path}`);
        await expectNothingLeaked(page, privacy);
      });

      test(`in print: a QR code at least 40 mm wide, and ${sheets[kind].pages} page(s) with nothing but the sheet`, async ({
        page,
      }) => {
        await page.goto(path);
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('.site-header')).toBeHidden();
        await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
        const box = await qrCode(page).boundingBox();
        expect(box?.width ?? 0, 'QR code width in CSS px').toBeGreaterThanOrEqual(minQrPixels);
        expect(box?.height ?? 0, 'QR code height in CSS px').toBeGreaterThanOrEqual(minQrPixels);
        // The address under the code, for people who cannot scan: the area's page, no https:// or slash.
        const address = (await page.locator('.sheet__address strong').textContent()) ?? '';
        expect(address).toMatch(new RegExp(`^[^/:]+(:\\d+)?/areas/${slug}$`));
        expect(address).not.toMatch(/^(https?:|www\.)/);
        const addressBox = await page.locator('.sheet__address').boundingBox();
        expect(addressBox?.y ?? 0, 'the address is under the code').toBeGreaterThan((box?.y ?? 0) + (box?.height ?? 0) - 1);

        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        expect(pdfPageCount(pdf)).toBe(sheets[kind].pages);
        expect(pdfMediaBoxes(pdf)).toEqual(Array(sheets[kind].pages).fill(sheets[kind].mediaBox));
      });
    });
  }

  test(`the ${slug} printed address opens the area's page as typed, without the slash`, async ({ page }) => {
    const response = await page.goto(`/areas/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Restorative justice in');
  });
}
