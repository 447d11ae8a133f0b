import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNothingLeaked,
  pdfMediaBoxes,
  pdfPageCount,
  test,
} from './fixtures.ts';

// Restorative Justice Week 2026 runs from Sunday 15 to Saturday 21 November (London time, GMT).
const during = new Date('2026-11-17T10:00:00Z');
const justBefore = new Date('2026-11-14T23:59:00Z');
const justAfter = new Date('2026-11-22T00:00:00Z');

const banner = (page: Page) =>
  page.getByRole('complementary', { name: 'Restorative Justice Week' });
const exitButton = (page: Page) => page.getByRole('link', { name: 'Emergency: Exit this page' });

async function openAt(page: Page, path: string, time: Date): Promise<void> {
  await page.clock.install({ time });
  await page.goto(path);
}

/** Asserts the quick exit is the topmost thing at its centre and at each of its corners. */
async function expectExitUncovered(page: Page, label: string): Promise<void> {
  const box = await exitButton(page).boundingBox();
  if (!box) throw new Error('no exit button box');
  const points = [
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    { x: box.x + 2, y: box.y + 2 },
    { x: box.x + box.width - 2, y: box.y + 2 },
    { x: box.x + 2, y: box.y + box.height - 2 },
    { x: box.x + box.width - 2, y: box.y + box.height - 2 },
  ];
  for (const point of points) {
    const onTop = await page.evaluate(
      ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('.exit-button')),
      point,
    );
    expect(onTop, `${label}: the exit button is on top at ${point.x},${point.y}`).toBe(true);
  }
}

test.describe('the Restorative Justice Week banner', () => {
  test('shows during the week, with a link to the campaign page', async ({ page, privacy }) => {
    await openAt(page, '/', during);
    await expect(banner(page)).toBeVisible();
    await expect(
      banner(page).getByRole('link', { name: 'Find out how restorative justice could help you' }),
    ).toHaveAttribute('href', '/rj-week/');
    await expectNothingLeaked(page, privacy);
  });

  test('does not show on the Saturday before the week, at 23:59', async ({ page }) => {
    await openAt(page, '/', justBefore);
    await expect(page.locator('[data-rj-week-banner]')).toBeHidden();
  });

  test('does not show once the week has ended, from Sunday 00:00', async ({ page }) => {
    await openAt(page, '/', justAfter);
    await expect(page.locator('[data-rj-week-banner]')).toBeHidden();
  });

  for (const width of [320, 1280]) {
    test(`never covers the quick exit at ${width} pixels, before or after scrolling`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 640 });
      await openAt(page, '/could-it-work-for-me/', during);
      await expect(banner(page)).toBeVisible();
      const bar = await page.locator('.exit-bar').boundingBox();
      const shown = await banner(page).boundingBox();
      if (!bar || !shown) throw new Error('no boxes');
      // In the normal flow, below the exit bar and the header: the two boxes do not meet.
      expect(shown.y, 'banner top').toBeGreaterThanOrEqual(bar.y + bar.height);
      expect(await banner(page).evaluate((element) => getComputedStyle(element).position)).toBe(
        'static',
      );
      for (const scroll of [0, 60, 200, 3000]) {
        await page.evaluate((y) => window.scrollTo(0, y), scroll);
        await expect(exitButton(page)).toBeInViewport();
        await expectExitUncovered(page, `scrolled ${scroll}px`);
        const exit = await exitButton(page).boundingBox();
        const now = await banner(page).boundingBox();
        if (!exit || !now) throw new Error('no boxes');
        const overlaps =
          now.y < exit.y + exit.height &&
          now.y + now.height > exit.y &&
          now.x < exit.x + exit.width &&
          now.x + now.width > exit.x;
        if (overlaps) {
          // Scrolled under the sticky bar: the exit button must still be the one on top (checked above).
          expect(
            scroll,
            'the banner only meets the exit button once scrolled under it',
          ).toBeGreaterThan(0);
        }
      }
    });
  }

  test('"Hide this message" hides it for this page only, and stores nothing', async ({
    page,
    privacy,
  }) => {
    await openAt(page, '/', during);
    await banner(page).getByRole('button', { name: 'Hide this message' }).click();
    await expect(page.locator('[data-rj-week-banner]')).toBeHidden();
    await expect(page.locator('#main-content')).toBeFocused();
    await page.getByRole('link', { name: 'Could it work for me?' }).first().click();
    await expect(page).toHaveURL(/\/could-it-work-for-me\/$/);
    await expect(banner(page)).toBeVisible();
    await expectNothingLeaked(page, privacy);
  });

  test('can be hidden with the keyboard alone', async ({ page }) => {
    await openAt(page, '/', during);
    const hide = banner(page).getByRole('button', { name: 'Hide this message' });
    for (
      let presses = 0;
      presses < 20 && !(await hide.evaluate((element) => element === document.activeElement));
      presses += 1
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(hide).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-rj-week-banner]')).toBeHidden();
  });

  test('is not shown on the campaign pages, which speak of the week themselves', async ({
    page,
  }) => {
    await openAt(page, '/rj-week/', during);
    await expect(page.locator('[data-rj-week-banner]')).toHaveCount(0);
    await expect(page.locator('[data-rj-week-dates]')).toHaveText(
      'Restorative Justice Week is on now. It runs from Sunday 15 November to Saturday 21 November 2026.',
    );
  });
});

test.describe('the campaign pages’ dates', () => {
  test('speak of next year’s week once this year’s has ended', async ({ page }) => {
    await openAt(page, '/rj-week/', justAfter);
    await expect(page.locator('[data-rj-week-dates]')).toHaveText(
      'The next Restorative Justice Week is from Sunday 21 November to Saturday 27 November 2027.',
    );
  });

  test('speak of this year’s week before it starts', async ({ page }) => {
    await openAt(page, '/rj-week/merseyside/', justBefore);
    await expect(page.locator('[data-rj-week-dates]')).toHaveText(
      'The next Restorative Justice Week is from Sunday 15 November to Saturday 21 November 2026.',
    );
  });
});

test.describe('campaign codes', () => {
  const chatLink = (page: Page) =>
    page.getByRole('link', { name: 'Talk it through' }).and(page.locator('[data-carry-from]'));

  test('arriving from a poster passes from=poster to the chat', async ({ page, privacy }) => {
    await page.goto('/areas/merseyside/?from=poster');
    await expect(chatLink(page)).toHaveAttribute(
      'href',
      '/talk-it-through/?area=E23000004&from=poster',
    );
    await expectNothingLeaked(page, privacy);
  });

  test('arriving from a leaflet passes from=leaflet to the chat', async ({ page }) => {
    await page.goto('/areas/cumbria/?from=leaflet');
    await expect(chatLink(page)).toHaveAttribute('href', /[?&]from=leaflet$/);
  });

  test('a code that is not a campaign code is not passed on', async ({ page }) => {
    await page.goto('/areas/merseyside/?from=somewhere-else');
    await expect(chatLink(page)).toHaveAttribute('href', '/talk-it-through/?area=E23000004');
  });

  test('campaign pages send people to the chat with from=rj-week', async ({ page }) => {
    await page.goto('/rj-week/merseyside/');
    await expect(chatLink(page)).toHaveAttribute(
      'href',
      '/talk-it-through/?area=E23000004&from=rj-week',
    );
  });

  test('a shared link’s from=social-media replaces from=rj-week', async ({ page }) => {
    await page.goto('/rj-week/?from=social-media');
    await expect(chatLink(page)).toHaveAttribute('href', '/talk-it-through/?from=social-media');
  });

  test('share links are plain links that carry from=social-media, and nothing is requested from those sites', async ({
    page,
    privacy,
  }) => {
    await page.goto('/rj-week/');
    const facebook = page.getByRole('link', { name: 'Share on Facebook' });
    await expect(facebook).toHaveAttribute(
      'href',
      /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=.*%2Frj-week%2F%3Ffrom%3Dsocial-media$/,
    );
    await expect(page.getByRole('link', { name: 'Share by email' })).toHaveAttribute(
      'href',
      /^mailto:\?subject=/,
    );
    await expectNothingLeaked(page, privacy);
  });
});

test.describe('local events', () => {
  // content/events/ holds no events (none has a public source yet), so this test serves the area page
  // with one event in the markup the event list renders, to check that the page hides it once ended.
  async function withEventEnding(page: Page, end: string): Promise<void> {
    await page.route('**/rj-week/merseyside/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<p data-no-events>/,
        `<ul class="card-list" data-events><li class="card" data-event-end="${end}"><h3>Test fixture event</h3></li></ul><p data-no-events hidden>`,
      );
      await route.fulfill({ response, body: html });
    });
  }

  test('an event shows until the minute it ends, London time', async ({ page }) => {
    await withEventEnding(page, '2026-11-17T12:00');
    await openAt(page, '/rj-week/merseyside/', new Date('2026-11-17T11:59:00Z'));
    await expect(page.getByRole('heading', { name: 'Test fixture event' })).toBeVisible();
    await expect(page.locator('[data-no-events]')).toBeHidden();
  });

  test('an event that has ended since the build is hidden, and the page says there are none', async ({
    page,
  }) => {
    await withEventEnding(page, '2026-11-17T12:00');
    await openAt(page, '/rj-week/merseyside/', new Date('2026-11-17T12:00:00Z'));
    await expect(page.getByRole('heading', { name: 'Test fixture event' })).toBeHidden();
    await expect(page.locator('[data-no-events]')).toBeVisible();
  });
});

// The campaign pages themselves are checked with every page (pages.spec.ts), and seven areas' posters
// and leaflets in posters.spec.ts; here, the sheets of two more areas (a force with no provider of its
// own, and the leaflet of an area whose provider works with a second, local service).
const sheets = [
  '/rj-week/city-of-london/poster/',
  '/rj-week/city-of-london/leaflet/',
  '/rj-week/north-yorkshire/leaflet/',
];

test.describe('accessibility of campaign pages, posters and leaflets', () => {
  for (const path of sheets) {
    test(`${path} is accessible at 320 and 1280 pixels, fits 320 pixels and keeps everything private`, async ({
      page,
      privacy,
    }) => {
      await page.setViewportSize({ width: 320, height: 720 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(exitButton(page)).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, `at 320px on ${path}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectNoAxeViolations(page, `at 1280px on ${path}`);
      await expectNothingLeaked(page, privacy);
    });
  }

  test('during the week, a page with the banner is accessible at 320 and 1280 pixels', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await openAt(page, '/', during);
    await expect(banner(page)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'at 320px with the banner');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, 'at 1280px with the banner');
  });
});

test.describe('printing', () => {
  for (const slug of ['merseyside', 'city-of-london', 'north-yorkshire', 'cheshire']) {
    test(`the ${slug} poster prints on one side of A4, and its leaflet on two sides of A5, without the site around them`, async ({
      page,
    }) => {
      await page.goto(`/rj-week/${slug}/poster/`);
      const poster = await page.pdf({ preferCSSPageSize: true });
      expect(pdfPageCount(poster)).toBe(1);
      expect(pdfMediaBoxes(poster)).toEqual(['0 0 595 842']);
      await page.emulateMedia({ media: 'print' });
      await expect(exitButton(page)).toBeHidden();
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(page.getByRole('heading', { name: 'Harmed by a crime?' })).toBeVisible();
      await page.goto(`/rj-week/${slug}/leaflet/`);
      const leaflet = await page.pdf({ preferCSSPageSize: true });
      expect(pdfPageCount(leaflet)).toBe(2);
      expect(pdfMediaBoxes(leaflet)).toEqual(['0 0 420 595', '0 0 420 595']);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the campaign page shows its dates and posts, and no banner', async ({ page }) => {
    await page.goto('/rj-week/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Restorative Justice Week' }),
    ).toBeVisible();
    await expect(page.locator('[data-rj-week-dates]')).toHaveText(
      /Restorative Justice Week .*from Sunday \d+ November to Saturday \d+ November \d{4}\./,
    );
    await expect(page.getByRole('textbox', { name: 'Post 1: what the week is' })).toHaveValue(
      /#RJWeek/,
    );
    await expect(page.getByRole('textbox', { name: 'Post 2: what a study found' })).toHaveValue(
      /\(Shapland et al\., 2007\)/,
    );
    await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Share on WhatsApp' })).toBeVisible();
  });

  test('pages show no banner, whatever the date', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-rj-week-banner]')).toBeHidden();
  });
});
