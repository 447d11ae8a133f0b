import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * What axe cannot see: forced colours, 400% zoom in the chat, and what a screen reader hears when a
 * postcode is wrong.
 */
async function openChat(page: Page): Promise<void> {
  await page.goto('/talk-it-through/');
  await page.locator('astro-island:not([ssr])').waitFor();
}

/** The chat's own panel (the page also holds the no-JavaScript form). */
const chat = (page: Page) => page.locator('section.chat');

/** Answers whatever the chat asks with its first choice (a postcode in Merseyside; "Sam" in a text box). */
async function answerAnything(page: Page): Promise<void> {
  const panel = chat(page);
  const postcode = panel.getByLabel('Postcode or council', { exact: true });
  if (await postcode.isVisible().catch(() => false)) {
    await postcode.fill('L1 8JQ');
    await postcode.press('Enter');
  } else if (await panel.locator('.chat-choices button').first().isVisible().catch(() => false)) {
    await panel.locator('.chat-choices button').first().click();
  } else if (await panel.locator('input[type=checkbox]').first().isVisible().catch(() => false)) {
    await panel.locator('input[type=checkbox]').first().check();
    await panel.getByRole('button', { name: 'Continue', exact: true }).click();
  } else if (await panel.locator('input[type=text], textarea').first().isVisible().catch(() => false)) {
    await panel.locator('input[type=text], textarea').first().fill('Sam');
    await panel.getByRole('button', { name: 'Continue', exact: true }).click();
  } else {
    throw new Error('no question to answer');
  }
}

test.describe('forced colours (Windows contrast themes)', () => {
  for (const path of ['/', '/areas/merseyside/', '/talk-it-through/', '/get-help/']) {
    test(`${path}: the exit button and every button keep a visible boundary`, async ({ page }) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.setViewportSize({ width: 320, height: 720 });
      await page.goto(path);
      const boundaries = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.exit-button, .help-button, .button, button')]
          .filter((element) => element.getClientRects().length > 0)
          .map((element) => {
            const style = getComputedStyle(element);
            const border = style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1;
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
            return { control: element.textContent?.trim().slice(0, 40) ?? element.className, visible: border || outline };
          }),
      );
      expect(boundaries.length).toBeGreaterThan(0);
      expect(boundaries.filter((entry) => !entry.visible)).toEqual([]);
      expect(boundaries.find((entry) => /Exit this page/.test(entry.control))?.visible).toBe(true);
    });
  }
});

test.describe('the chat at 400% zoom (320 × 256 CSS pixels)', () => {
  test('after each of 10 answers, the focused question is fully below the sticky bar', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 256 });
    await openChat(page);
    await chat(page).getByText('Ask for a referral', { exact: true }).first().click();
    let answers = 0;
    for (let turn = 0; answers < 10 && turn < 20; turn += 1) {
      await expect(chat(page).locator('.chat-choices button, input, textarea').first()).toBeVisible();
      const botLines = chat(page).locator('.chat-line--bot');
      const before = await botLines.count();
      const lastBefore = await botLines.last().getAttribute('id');
      await answerAnything(page);
      answers += 1;
      // Wait for the new question in the log (the answer echoed, then the bot's next line) ...
      await expect.poll(async () => (await botLines.count()) > before || (await botLines.last().getAttribute('id')) !== lastBefore).toBe(true);
      // ... and for the focus to land on it (the island focuses it in the frame after the log is updated).
      await expect.poll(() => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() =>
        resolve(Boolean(document.activeElement?.closest('section.chat')) && !document.activeElement?.closest('[role="log"]'))))))).toBe(true);
      const placement = await page.evaluate(() => {
        const bar = document.querySelector('.exit-bar')?.getBoundingClientRect();
        const focused = document.activeElement?.getBoundingClientRect();
        return { barBottom: bar?.bottom ?? 0, top: focused?.top ?? -1, bottom: focused?.bottom ?? -1, height: window.innerHeight, label: document.activeElement?.textContent?.trim().slice(0, 40) };
      });
      expect(placement.top, `answer ${answers}: "${placement.label}" starts under the bar`).toBeGreaterThanOrEqual(placement.barBottom - 0.5);
      expect(placement.bottom, `answer ${answers}: "${placement.label}" ends on screen`).toBeLessThanOrEqual(placement.height + 0.5);
    }
    expect(answers).toBe(10);
  });
});

test.describe('the chat’s place question', () => {
  test('an empty and an unknown postcode are announced in the live region, and what was typed is kept', async ({ page }) => {
    await openChat(page);
    await chat(page).getByText('Ask for a referral', { exact: true }).first().click();
    // To the place question.
    for (let turn = 0; turn < 6; turn += 1) {
      if (await chat(page).getByLabel('Postcode or council', { exact: true }).isVisible().catch(() => false)) break;
      await answerAnything(page);
    }
    const box = chat(page).getByLabel('Postcode or council', { exact: true });
    const status = chat(page).locator('[role="status"]');
    await box.fill('');
    await chat(page).getByRole('button', { name: 'Find my area', exact: true }).click();
    await expect(status).not.toHaveText('');
    const empty = await status.textContent();
    await box.fill('ZZ99 9ZZ');
    await chat(page).getByRole('button', { name: 'Find my area', exact: true }).click();
    await expect(status).not.toHaveText(empty ?? '');
    await expect(status).not.toHaveText('');
    await expect(box).toHaveValue('ZZ99 9ZZ');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toBeFocused();
  });
});
