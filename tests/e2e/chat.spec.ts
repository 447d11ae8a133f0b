import { exitOrigin, expect, expectNoAxeViolations, expectNothingLeaked, test } from './fixtures.ts';
import { chat, choose, details, expectEmails, fullCheck, openChat, screen, smtpRefuse, typeAnswer, uniqueName } from './chat-helpers.ts';

const merseysideInbox = 'rjmerseyside@restorativesolutions.org.uk';
const sendButton = { name: 'Send my referral to Restorative Solutions' };

test.describe('the guided conversation', () => {
  test('a full self-referral in Merseyside arrives at its inbox with the safety answers at the top', async ({ page, privacy }) => {
    const name = uniqueName('Self');
    await openChat(page);
    await page.getByRole('link', { name: 'Ask for a referral' }).click();
    await screen(page, { postcode: 'L1 8JQ' });
    await expect(page.getByText('In Merseyside, restorative justice is provided by Restorative Solutions.')).toBeVisible();
    await page.getByRole('button', { name: 'Send a referral' }).click();
    await details(page, { name, phoneSafety: ['It is safe to call me', 'It is safe to leave a voicemail'] });
    await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeFocused();
    await page.getByRole('button', sendButton).click();
    const reference = (await page.locator('.reference').textContent({ timeout: 15_000 })) ?? '';
    expect(reference).toMatch(/^RJ-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();

    const [mail] = await expectEmails(name, 1);
    expect(mail?.to && 'text' in mail.to ? mail.to.text.toLowerCase() : '').toBe(merseysideInbox);
    expect(mail?.subject).toBe(`Restorative justice referral — Merseyside — ref ${reference}`);
    const text = mail?.text ?? '';
    const safety = text.slice(text.indexOf('Safety first'), text.indexOf('Their answers:'));
    expect(text.indexOf('Safety first')).toBeLessThan(text.indexOf('Their answers:'));
    expect(safety).toContain('Call 07700 900123');
    expect(safety).toContain('Leave a voicemail');
    expect(safety).toContain('Best times to call: Weekdays after 10am');
    expect(safety).toMatch(/Not safe, so do not:[\s\S]*send a text message/);
    expect(mail?.replyTo).toBeUndefined();
    await expectNothingLeaked(page, privacy);
  });

  test('a tap before the page is ready is not lost: the first choices are real links', async ({ page }) => {
    // Hold the chat's script back, so the page is still plain server-rendered HTML when tapped.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/Chat\.[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/talk-it-through/', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
    await expect(chat(page).getByText('What would you like to do?')).toBeVisible();
    await page.getByRole('link', { name: 'Check whether it could work for me' }).click();
    await expect(page).toHaveURL(/\?start=check$/);
    release();
    await expect(chat(page).getByRole('button', { name: 'Me: I was harmed' })).toBeVisible();
    // Once the choice is taken, it is taken out of the address.
    await expect(page).toHaveURL(/\/talk-it-through\/$/);
  });

  test('an emergency at the first question: help now shows 999 and text relay, then returns to the question', async ({ page, privacy }) => {
    await openChat(page);
    await page.getByRole('button', { name: 'I need help now' }).click();
    const help = page.getByRole('region', { name: 'Help now' });
    await expect(help.getByRole('heading', { name: 'Help now' })).toBeFocused();
    await expect(help.getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
    await expect(help.getByText(/Relay UK on 18000/)).toBeVisible();
    await expect(help.getByText(/call 101/)).toBeVisible();
    await expect(help.getByRole('link', { name: '08 08 16 89 111' })).toBeVisible();
    await help.getByRole('button', { name: 'Back to the conversation' }).click();
    await expect(page.getByRole('link', { name: 'Find out about restorative justice' })).toBeFocused();
    await expectNothingLeaked(page, privacy);
  });

  test('an area without an online referral inbox ends with its contacts and sends nothing', async ({ page, privacy }) => {
    await openChat(page);
    await page.getByRole('link', { name: 'Ask for a referral' }).click();
    await screen(page, { postcode: 'B15 2TT' });
    await expect(page.getByText('Remedi does not take referrals through this website yet.', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send a referral' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'More about restorative justice in West Midlands' })).toBeVisible();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    expect(requests).not.toContain('/api/referral');
    await expectNothingLeaked(page, privacy);
  });

  test('a domestic-abuse case shows specialist help and arrives flagged', async ({ page }) => {
    const name = uniqueName('Abuse');
    await openChat(page);
    await page.getByRole('link', { name: 'Ask for a referral' }).click();
    await screen(page, { postcode: 'L1', harm: 'Domestic abuse' });
    await expect(page.getByText(/specially trained facilitators/)).toBeVisible();
    await expect(page.getByText('National Domestic Abuse Helpline (run by Refuge)')).toBeVisible();
    await page.getByRole('button', { name: 'Send a referral' }).click();
    await details(page, { name });
    await page.getByRole('button', sendButton).click();
    await expect(page.locator('.reference')).toBeVisible({ timeout: 15_000 });
    const [mail] = await expectEmails(name, 1);
    const text = mail?.text ?? '';
    expect(text).toContain('SENSITIVE CASE: Domestic abuse. A specialist facilitator is needed.');
    expect(text.indexOf('SENSITIVE CASE')).toBeLessThan(text.indexOf('Their answers:'));
  });

  test('when the person responsible was under 18, it explains the Youth Offending Team and still refers, flagged', async ({ page }) => {
    const name = uniqueName('Youth');
    await openChat(page);
    await page.getByRole('link', { name: 'Ask for a referral' }).click();
    await screen(page, { postcode: 'L1 8JQ', responsibleUnder18: 'Yes' });
    await expect(page.getByText(/Youth Offending Team may be the one to offer restorative justice/)).toBeVisible();
    await page.getByRole('button', { name: 'Send a referral' }).click();
    await details(page, { name });
    await page.getByRole('button', sendButton).click();
    await expect(page.locator('.reference')).toBeVisible({ timeout: 15_000 });
    const [mail] = await expectEmails(name, 1);
    expect(mail?.text).toContain('The person responsible was under 18 at the time: the Youth Offending Team may need to be involved.');
  });

  test('when the person asking is under 18, it speaks to them, suggests a trusted adult and Childline', async ({ page }) => {
    await openChat(page);
    await page.getByRole('link', { name: 'Check whether it could work for me' }).click();
    await screen(page, { asker: 'Me: I was harmed', postcode: 'L1 8JQ', askerUnder18: 'Yes' });
    await expect(page.getByText(/parent, carer or another adult you trust/)).toBeVisible();
    await expect(page.getByText(/Childline for free, any time, on 0800 1111/)).toBeVisible();
  });

  test('"not possible yet" explains why, what would change it, and still shows the service', async ({ page, privacy }) => {
    await openChat(page);
    await page.getByRole('link', { name: 'Check whether it could work for me' }).click();
    await screen(page, { postcode: 'GL50 1PX', admitted: 'No, they deny it' });
    await expect(page.getByText(/Restorative justice is not possible yet/)).toBeVisible();
    await expect(page.getByText(/If they admit it, or a court finds them guilty, you can ask again/)).toBeVisible();
    await expect(page.getByText('In Gloucestershire, restorative justice is provided by', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send a referral' })).toHaveCount(0);
    await expectNothingLeaked(page, privacy);
  });

  test('with SMTP down, it keeps the answers, offers the provider’s contacts, and one retry sends exactly one email', async ({ page }) => {
    const name = uniqueName('Retry');
    await smtpRefuse(name, true);
    await openChat(page);
    await page.getByRole('link', { name: 'Ask for a referral' }).click();
    await screen(page, { postcode: 'L1 8JQ' });
    await page.getByRole('button', { name: 'Send a referral' }).click();
    await details(page, { name });
    await page.getByRole('button', sendButton).click();
    await expect(page.getByText(/could not be sent just now/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('link', { name: '07377 800254' })).toBeVisible();
    await expect(chat(page).locator('.summary-value', { hasText: name })).toBeVisible();
    await fullCheck(page, 'the failed state');
    await smtpRefuse(name, false);
    await page.getByRole('button', { name: 'Try sending again' }).click();
    await expect(page.locator('.reference')).toBeVisible({ timeout: 15_000 });
    await expectEmails(name, 1);
  });

  test('Change from check your answers goes to that question and comes back', async ({ page }) => {
    const name = uniqueName('Change');
    await openChat(page);
    await page.getByRole('link', { name: 'Ask for a referral' }).click();
    await screen(page, { postcode: 'L1 8JQ' });
    await page.getByRole('button', { name: 'Send a referral' }).click();
    await details(page, { name });
    await page.getByRole('button', { name: 'Change what happened' }).click();
    await choose(page, 'Robbery');
    await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
    await expect(page.locator('.summary-list')).toContainText('Robbery');
    await page.getByRole('button', { name: 'Change your message' }).click();
    await expect(chat(page).getByLabel('Your message (optional)')).toHaveValue('I would like to ask why.');
    await typeAnswer(page, 'Your message (optional)', 'Please call me after ten.');
    await page.getByRole('button', sendButton).click();
    await expect(page.locator('.reference')).toBeVisible({ timeout: 15_000 });
    const [mail] = await expectEmails(name, 1);
    expect(mail?.text).toContain('What kind of harm: Robbery');
    expect(mail?.text).toContain('Their message: Please call me after ten.');
  });

  test('the whole journey works by keyboard alone, and focus always lands on the new question', async ({ page }) => {
    const name = uniqueName('Keys');
    await openChat(page);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? (document.activeElement as HTMLInputElement | null)?.name ?? '');
    for (let i = 0; i < 40 && (await focused()) !== 'Ask for a referral'; i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    /** Moves through the buttons of a question with Tab until `label` has focus, then presses it. */
    const pick = async (label: string) => {
      // Wait for the step to appear (an outcome loads the area first), then Tab to the button.
      await chat(page).getByRole('button', { name: label, exact: true }).waitFor();
      for (let i = 0; i < 20 && (await focused()) !== label; i += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe(label);
      await page.keyboard.press('Enter');
    };
    const type = async (text: string) => {
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
    const tickFocused = async (label: string) => {
      for (let i = 0; i < 10 && !(await page.evaluate((wanted) => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === wanted, label)); i += 1) await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    };
    const submitWithContinue = async () => pick('Continue');
    await pick('Me: I was harmed');
    await type('L1 8JQ');
    for (const answer of ['Burglary or theft', 'Yes', 'Yes', 'Yes, they admitted it', 'They have been sentenced', 'No', 'No']) await pick(answer);
    await pick('Send a referral');
    await type(name);
    await tickFocused('Phone');
    await submitWithContinue();
    await type('07700 900123');
    await tickFocused('It is safe to send me a text');
    await submitWithContinue();
    await pick('Skip this question');
    await type('');
    await pick('No');
    await pick('Skip this question');
    await tickFocused('A phone or video call');
    await submitWithContinue();
    await pick('Skip this question');
    await pick('Skip this question');
    await pick('A leaflet');
    await tickFocused('I agree to share my answers with Restorative Solutions');
    await submitWithContinue();
    await pick('Send my referral to Restorative Solutions');
    await expect(page.locator('.reference')).toBeVisible({ timeout: 15_000 });
    const [mail] = await expectEmails(name, 1);
    expect(mail?.text).toContain('Text 07700 900123');
    expect(mail?.text).toContain('How they heard about us: A leaflet');
  });

  test('a screen-reader user hears the answer echoed and the new question, once each', async ({ page }) => {
    await openChat(page);
    await page.getByRole('link', { name: 'Check whether it could work for me' }).click();
    await expect(page.getByRole('button', { name: 'Me: I was harmed' })).toBeFocused();
    // What the live log region announces: the text of each line added to it, in order.
    await page.evaluate(() => {
      const log = document.querySelector('[role="log"]');
      const heard: string[] = [];
      Object.assign(window, { heard });
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) heard.push((node.textContent ?? '').trim());
      }).observe(log as Node, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Me: I was harmed' }).click();
    await expect(chat(page).getByLabel('Postcode')).toBeFocused();
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard).toEqual([
      'You said: Me: I was harmed',
      'Restorative Justice Guide said: Where do you live? Type your postcode, or just the first part of it, like L1. It stays on your device.',
    ]);
    await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible();
  });

  test('the quick exit from the middle of the chat leaves no way Back to the answers', async ({ page, privacy }) => {
    void privacy;
    await page.goto('/');
    await page.getByRole('link', { name: 'Talk it through' }).first().click();
    await page.locator('astro-island:not([ssr])').waitFor();
    await page.getByRole('link', { name: 'Check whether it could work for me' }).click();
    await choose(page, 'Me: I was harmed');
    await typeAnswer(page, 'Postcode', 'L1 8JQ', undefined, 'Find my area');
    await choose(page, 'Hate crime');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(`${exitOrigin}/weather`);
    await page.goBack();
    expect(page.url()).not.toContain('/talk-it-through/');
    await expect(page.getByText('Hate crime')).toHaveCount(0);
  });

  test('arriving from a poster carries the campaign code into the referral, with no cookie or storage', async ({ page, privacy }) => {
    const name = uniqueName('Poster');
    await page.goto('/areas/merseyside/?from=poster');
    // The "Talk it through" button in the page (not the menu's), which carries the campaign code.
    await page.locator('a[data-carry-from]').click();
    await page.locator('astro-island:not([ssr])').waitFor();
    await page.getByRole('link', { name: 'Ask for a referral' }).click();
    await screen(page, {});
    await page.getByRole('button', { name: 'Send a referral' }).click();
    await details(page, { name, heardFromKnown: true });
    await page.getByRole('button', sendButton).click();
    await expect(page.locator('.reference')).toBeVisible({ timeout: 15_000 });
    const [mail] = await expectEmails(name, 1);
    expect(mail?.text).toContain('How they heard about us: A poster');
    await expectNothingLeaked(page, privacy);
  });
});

test.describe('every state of the conversation is accessible', () => {
  for (const width of [320, 1280]) {
    test(`at ${width} pixels: axe finds nothing, nothing scrolls sideways, focus never lands in the log`, async ({ page, privacy }) => {
      // axe runs on every state of a whole conversation (about 60 times): longer than one journey.
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height: 800 });
      await openChat(page);
      await fullCheck(page, 'the start');
      await page.getByRole('link', { name: 'Find out about restorative justice' }).click();
      await choose(page, 'Passing messages (shuttle)', fullCheck);
      await fullCheck(page, 'a topic');
      await page.getByRole('button', { name: 'Back to the menu' }).click();
      await page.getByRole('button', { name: 'I need help now' }).click();
      await fullCheck(page, 'help now');
      await page.getByRole('button', { name: 'Back to the conversation' }).click();
      await page.getByRole('link', { name: 'Ask for a referral' }).click();
      await choose(page, 'Me: I was harmed', fullCheck);
      await typeAnswer(page, 'Postcode', 'nonsense', fullCheck, 'Find my area');
      await fullCheck(page, 'a postcode error');
      await typeAnswer(page, 'Postcode', 'CH1', fullCheck, 'Find my area');
      await choose(page, 'Cheshire', fullCheck);
      await screenRest(page);
      await fullCheck(page, 'the outcome');
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await choose(page, 'No', fullCheck);
      await page.getByRole('button', { name: 'Back to the menu' }).click();
      await page.getByRole('link', { name: 'Find my local service' }).click();
      // The area from before is offered first; the person chooses another one from the list.
      await choose(page, 'No, somewhere else', fullCheck);
      await chat(page).getByRole('button', { name: 'Choose from a list' }).click();
      await fullCheck(page, 'the list of areas');
      await chat(page).getByLabel('Your area').selectOption('E23000004');
      await chat(page).getByRole('button', { name: 'Continue' }).click();
      await fullCheck(page, 'a local service');
      await page.getByRole('button', { name: 'Ask for a referral' }).click();
      await screen(page, {}, fullCheck);
      await page.getByRole('button', { name: 'Send a referral' }).click();
      await typeAnswer(page, 'Name to use', '', fullCheck);
      await fullCheck(page, 'a name error');
      await details(page, { name: uniqueName('Axe') }, fullCheck);
      await fullCheck(page, 'check your answers');
      await page.getByRole('button', sendButton).click();
      await expect(page.locator('.reference')).toBeVisible({ timeout: 15_000 });
      await fullCheck(page, 'sent');
      await expectNothingLeaked(page, privacy);
    });
  }
});

async function screenRest(page: import('@playwright/test').Page): Promise<void> {
  for (const answer of ['Violence or assault', 'Yes', 'Yes', 'Yes, a court found them guilty', 'They are in prison or on probation', 'No']) await choose(page, answer, fullCheck);
  await choose(page, 'No', fullCheck);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form sends the same referral, keeps answers when something is missing, and confirms with a page', async ({ page }) => {
    const name = uniqueName('Form');
    const response = await page.goto('/talk-it-through/');
    // (Chromium does not show <noscript> when Playwright turns scripts off, so read the page itself.)
    expect(await response?.text()).toContain('<noscript><p class="panel">This step-by-step conversation needs JavaScript');
    await page.getByText('Use a form instead').click();
    const form = page.locator('form.referral-form');
    const group = (legend: string) => form.getByRole('group', { name: legend });
    await group('Who are you asking for?').getByLabel('Me: I was harmed').check();
    await form.getByLabel('Your area').selectOption('E23000004');
    await group('What kind of harm was it? Choose the closest.').getByLabel('Damage to property').check();
    await form.getByLabel('Name to use').fill(name);
    await form.getByRole('button', { name: 'Check my answers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(form.getByLabel('Name to use')).toHaveValue(name);
    await expect(form.getByLabel('Your area')).toHaveValue('E23000004');
    await expect(page.getByRole('link', { name: 'Choose whether it was reported to the police' })).toBeVisible();

    await answerTheRest(form);
    await checkThenSend(page);
    const reference = /RJ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec((await page.locator('main').textContent()) ?? '')?.[0];
    expect(reference).toBeTruthy();
    await expect(page.getByRole('link', { name: 'Emergency: Exit this page' })).toBeVisible();
    const [mail] = await expectEmails(name, 1);
    expect(mail?.subject).toContain(reference ?? 'missing');

    // Sending exactly the same answers again gets the same reference and sends nothing new.
    await page.goto('/talk-it-through/');
    await page.getByText('Use a form instead').click();
    await group('Who are you asking for?').getByLabel('Me: I was harmed').check();
    await form.getByLabel('Your area').selectOption('E23000004');
    await group('What kind of harm was it? Choose the closest.').getByLabel('Damage to property').check();
    await form.getByLabel('Name to use').fill(name);
    await answerTheRest(form);
    await checkThenSend(page);
    expect(await page.locator('main').textContent()).toContain(reference);
    await expectEmails(name, 1);
  });

});

test.describe('the form for people without JavaScript', () => {
  test('passes axe, empty and with problems listed (the function’s own page)', async ({ page }) => {
    await page.goto('/talk-it-through/');
    await page.getByText('Use a form instead').click();
    await expectNoAxeViolations(page, 'the form');
    await page.locator('form.referral-form').getByRole('button', { name: 'Check my answers' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expectNoAxeViolations(page, 'the problem page');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoAxeViolations(page, 'the problem page at 320px');
  });
});

/**
 * The form's answers are complete: the function shows them to check, with a token, and only a post
 * from that page sends (after the time trap's minimum, which a person always takes to read it).
 */
async function checkThenSend(page: import('@playwright/test').Page): Promise<void> {
  await page.locator('form.referral-form').getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers, then send' })).toBeVisible();
  await page.waitForTimeout(600);
  await page.locator('form.referral-form').getByRole('button', { name: 'Send my referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
}

async function answerTheRest(form: import('@playwright/test').Locator): Promise<void> {
  const group = (legend: string) => form.getByRole('group', { name: legend });
  await group('Was it reported to the police?').getByLabel('Yes', { exact: true }).check();
  await group('Do you know who was responsible?').getByLabel('Yes', { exact: true }).check();
  await group('Has the person responsible admitted it, or been found guilty?').getByLabel('Yes, they admitted it').check();
  await group('Where is the case now?').getByLabel('They have been sentenced').check();
  await group('Was the person responsible under 18 when it happened?').getByLabel('No', { exact: true }).check();
  await group('Are you under 18?').getByLabel('No', { exact: true }).check();
  await form.getByLabel('Phone number (optional)').fill('07700 900123');
  await form.getByLabel('It is safe to call me').check();
  await form.getByLabel('Writing letters').check();
  await form.getByLabel('I agree to share my answers with the restorative justice service for my area').check();
}
