import type { Browser, Locator, Page } from '@playwright/test';
import { exitOrigin, expect, expectNothingLeaked, test } from './fixtures.ts';
import {
  aboutYou,
  chat,
  ChatDriver,
  expectEmails,
  expectNoAxeViolationsIn,
  fullCheck,
  lastQuestions,
  noCheck,
  openChat,
  personResponsible,
  recipientOf,
  refusedCount,
  safetyBlock,
  say,
  smtpRefuse,
  theEmail,
  uniqueName,
  whatHappened,
  type Asked,
} from './chat-helpers.ts';
import { merseysideInbox, nationalInbox } from '../fixtures/referrals.ts';

const merseyside = { inbox: merseysideInbox, recipient: 'Restorative Solutions', number: '07377 800254' };
const hampshireInbox = 'hiow@restorativesolutions.org.uk';
const national = { inbox: nationalInbox, recipient: 'Why me?' };

/** Records how many answers and taps a journey took, in the test report. */
function count(c: ChatDriver, route: string): void {
  test.info().annotations.push({ type: 'answers', description: `${route}: ${c.answers} answers, ${c.taps} taps, ${c.typed} boxes typed in` });
}

/** A person harmed in Merseyside whose burglary was reported, with a person responsible found, up to what the answers mean. */
async function typicalScreening(c: ChatDriver): Promise<string[]> {
  await c.menu('Ask for a referral');
  await aboutYou(c);
  await c.place('area', 'L1 8JQ');
  await whatHappened(c);
  await personResponsible(c);
  return c.outcome();
}

/** What a step or a page shows: a question with its options, a box's label, or a box to tick. */
type Shown = { question?: string; options: string[]; labels: string[]; agreements: string[] };

/** What the no-JavaScript form shows on a page, in order (lists of areas left out: the chat finds the area from a postcode). */
async function formShows(form: Locator): Promise<Shown[]> {
  return form.evaluate((element) => {
    const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const out: { options: string[]; labels: string[]; agreements: string[]; question?: string }[] = [];
    for (const node of element.querySelectorAll('fieldset, .form-group > label, .form-group > .checkbox label')) {
      if (node.tagName === 'FIELDSET') out.push({ question: text(node.querySelector('legend') as Element), options: [...node.querySelectorAll('label')].map(text), labels: [], agreements: [] });
      else if (node.closest('.checkbox')) out.push({ options: [], labels: [], agreements: [text(node)] });
      else if (!(element.querySelector(`#${node.getAttribute('for')}`) instanceof HTMLSelectElement)) out.push({ options: [], labels: [text(node)], agreements: [] });
    }
    return out;
  });
}

/** The same, from what the chat recorded (the box for a postcode left out). */
function chatShowed(asked: Asked[]): Shown[] {
  return asked.flatMap((step): Shown[] => [
    ...(step.options.length > 0 ? [{ question: step.prompt, options: step.options, labels: [], agreements: [] }] : []),
    ...step.labels.filter((label) => label !== 'Postcode or council').map((label) => ({ options: [], labels: [label], agreements: [] })),
    ...step.agreements.map((label) => ({ options: [], labels: [], agreements: [label] })),
  ]);
}

/** The form's answers, by question id and value: what the chat answers in the test without JavaScript. */
const formAnswers: Record<string, string | string[]> = {
  asker: 'person-harmed',
  askerAge: '18-or-over',
  area: 'E23000004',
  happenedHere: 'yes',
  harm: 'criminal-damage',
  when: 'past-year',
  reported: 'yes',
  responsibleKnown: 'yes',
  relationship: 'neighbour',
  accepts: 'yes',
  stage: 'sentenced',
  responsibleUnder18: 'no',
  safetyNow: ['none'],
  contactWays: ['call'],
  phone: '07700 900123',
  callTimes: 'Mornings',
  mayName: 'yes',
  language: 'english',
  addMore: 'skip',
  consent: 'yes',
};

/** Answers the questions on a form page from `answers` (by id), leaving out any in `leave`. */
async function answerFormPage(form: Locator, answers: Record<string, string | string[]>, leave: string[] = []): Promise<void> {
  const onPage = await form.locator('[name]:not([type=hidden])').evaluateAll((nodes) =>
    nodes.map((node) => [node.getAttribute('name') ?? '', node instanceof HTMLSelectElement ? 'select' : (node as HTMLInputElement).type] as const),
  );
  const kinds = new Map(onPage);
  for (const [id, value] of Object.entries(answers)) {
    const kind = kinds.get(id);
    if (!kind || leave.includes(id)) continue;
    if (kind === 'select') await form.locator(`[name="${id}"]`).selectOption(String(value));
    else if (kind === 'radio' || kind === 'checkbox') for (const item of [value].flat()) await form.locator(`[name="${id}"][value="${item}"]`).check();
    else await form.locator(`[name="${id}"]`).fill(String(value));
  }
}

async function withoutScripts(browser: Browser, baseURL: string | undefined): Promise<{ context: Awaited<ReturnType<Browser['newContext']>>; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

/**
 * Runs axe on what a page without scripts shows. Axe needs scripts, so the page's HTML is shown in a
 * page that has them (from the same site, so its stylesheet loads), and checked there.
 */
async function axeWithoutScripts(withScripts: Page, page: Page, label: string): Promise<void> {
  const html = await page.content();
  const address = `/form-snapshot-${Math.random().toString(36).slice(2)}`;
  await withScripts.route(`**${address}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await withScripts.setViewportSize(page.viewportSize() ?? { width: 1280, height: 800 });
  await withScripts.goto(address);
  await expectNoAxeViolationsIn(withScripts, label);
}

// The longest tests come first, so that the two workers finish at about the same time.
test.describe('every state of the conversation is accessible', () => {
  for (const width of [320, 1280]) {
    test(`at ${width} pixels: axe finds nothing, nothing scrolls sideways, focus never lands in the log`, async ({ page, privacy }) => {
      // About 25 runs of axe: longer than one journey.
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 800 });
      // Each kind of state once: choices, ticks, boxes, places, problems, the outcome, check and sent.
      const c = new ChatDriver(page);
      const checked = async <T>(answer: () => Promise<T>): Promise<T> => {
        c.check = fullCheck;
        try {
          return await answer();
        } finally {
          c.check = noCheck;
        }
      };
      const root = chat(page);
      await openChat(page);
      await expectNoAxeViolationsIn(page, 'the whole page at the start');
      await c.menu('Find out about restorative justice');
      await root.getByRole('button', { name: 'Passing messages (shuttle)' }).click();
      await expect(root).toHaveAttribute('data-step', 'explainMore');
      await fullCheck(page, 'a topic');
      await root.getByRole('button', { name: 'Back to the menu' }).click();
      await page.locator('[data-help-now]').click();
      await expect(root.getByRole('heading', { name: 'Help now' })).toBeFocused();
      await fullCheck(page, 'help now');
      await root.getByRole('button', { name: 'Back to the conversation' }).click();
      await root.getByRole('button', { name: 'Start again' }).click();
      await expect(root.locator('#restart-question')).toBeFocused();
      await fullCheck(page, 'start again?');
      await root.getByRole('button', { name: 'No, go back' }).click();
      await c.menu('Ask for a referral');
      await checked(() => c.choose('asker', 'A family member (including if someone died)'));
      await c.choose('askerAge', '16 or 17');
      await checked(() => c.choose('trustedAdult', 'Yes, and the service can contact them'));
      await checked(() => c.fill('trustedAdultContact', {}));
      await c.at('area');
      await root.getByRole('button', { name: 'Find my area' }).click();
      await expect(root.locator('.error-message')).toContainText(say('questions', 'area.errors.empty'));
      await fullCheck(page, 'an empty postcode');
      await root.getByRole('textbox').fill('nonsense');
      await root.getByRole('button', { name: 'Find my area' }).click();
      await expect(root.locator('.error-message')).toContainText(say('questions', 'area.errors.invalid'));
      await fullCheck(page, 'a postcode not found');
      await root.getByRole('button', { name: 'Choose from a list' }).click();
      await expect(root.getByLabel('Your area')).toBeVisible();
      await fullCheck(page, 'the list of areas');
      await root.getByRole('button', { name: 'Back', exact: true }).click();
      await c.place('area', 'CH1');
      await expect(root.getByRole('button', { name: 'Cheshire' })).toBeVisible();
      await fullCheck(page, 'a place split between areas');
      await root.getByRole('button', { name: 'Cheshire' }).click();
      await c.choose('happenedHere', 'No, somewhere else');
      await checked(() => c.place('happenedArea', 'M1'));
      await c.choose('harm', 'Sexual harm');
      await c.choose('knowsAndAgrees', 'Yes');
      await c.choose('when', 'More than 5 years ago');
      await c.choose('reported', 'Yes');
      await c.choose('responsibleKnown', 'Yes');
      await c.choose('relationship', 'Someone I know');
      await c.choose('accepts', 'A court found them guilty, but I do not know if they accept it');
      await c.choose('stage', 'They are in prison or on probation');
      await c.choose('release', 'Not for a long time');
      await c.choose('responsibleUnder18', 'No');
      await checked(() => c.tick('safetyNow', ['I do not feel safe now', 'There is a court order or bail conditions, like a restraining order']));
      await checked(() => c.outcome());
      await c.press('Send a referral');
      await c.at('contactWays');
      await root.getByRole('button', { name: 'Continue' }).click();
      await expect(root.locator('.error-message')).toContainText(say('questions', 'contactWays.errors.required'));
      await fullCheck(page, 'no way of contact ticked');
      await c.tick('contactWays', ['A phone call', 'A voicemail message', 'An email']);
      await c.at('yourDetails');
      await root.getByLabel('Phone number').fill('123');
      await root.getByRole('button', { name: 'Continue' }).click();
      await expect(root.locator('.error-message')).toHaveCount(3);
      await fullCheck(page, 'problems with the details');
      await c.fill('yourDetails', { 'Name to use': uniqueName('Axe'), 'Phone number': '07700 900123', 'Email address': 'axe@example.org' });
      await c.choose('mayName', 'No, they must not say who they are');
      await c.choose('language', 'Another language');
      await checked(() => c.fill('languageOther', { Language: 'Polish' }));
      await c.choose('interpreter', 'Yes');
      await c.choose('addMore', 'Yes, add more');
      await c.tick('support', ['An IDVA or ISVA (an adviser for domestic or sexual abuse)']);
      await c.tick('ways', ['Writing letters']);
      await c.tick('hopes', ['To ask questions']);
      await checked(() => c.fill('accessNeeds', { 'What would help (optional)': 'Step-free access' }));
      await c.fill('crimeReference', {});
      await c.fill('message', { 'Your message (optional)': 'Please write first.' });
      await checked(() => c.choose('heardFrom', 'Victim Support'));
      await c.at('consent');
      await root.getByRole('button', { name: 'Continue' }).click();
      await expect(root.locator('.error-message')).toContainText(say('questions', 'consent.errors.required'));
      await fullCheck(page, 'consent not given');
      await c.tick('consent', [`I agree to share my answers with ${national.recipient}`]);
      await checked(() => c.checkYourAnswers());
      // A send waits a few seconds (the time trap): the sent state is checked at the narrowest width only.
      if (width === 320) {
        await c.send(national.recipient);
        await expectNoAxeViolationsIn(page, 'the whole page, sent');
      }
      await expectNothingLeaked(page, privacy);
    });
  }
});

test.describe('without JavaScript', () => {
  test('the form asks what the chat asks, keeps answers when something is missing, shows the same outcome, and sends', async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const name = uniqueName('Form');
    const chatName = uniqueName('Chat');
    // First the chat, with the same answers, to compare.
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await whatHappened(c, { harm: 'Damage to property' });
    await personResponsible(c, { relationship: 'A neighbour' });
    const chatOutcome = await c.outcome();
    await c.press('Send a referral');
    await c.tick('contactWays', ['A phone call']);
    await c.fill('yourDetails', { 'Name to use': chatName, 'Phone number': '07700 900123', 'When is it safe to call you? (optional)': 'Mornings' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await lastQuestions(c, merseyside.recipient);
    const chatRows = await c.checkYourAnswers();
    await c.send(merseyside.recipient);

    const form = await withoutScripts(browser, baseURL);
    const shown: Shown[] = [];
    const page1 = form.page;
    const response = await page1.goto('/talk-it-through/');
    // (Chromium does not show <noscript> when Playwright turns scripts off, so read the page itself.)
    expect(await response?.text()).toContain('<noscript><p class="panel">This step-by-step conversation needs JavaScript');
    await page1.getByText('Use a form instead').click();
    await axeWithoutScripts(page, page1, 'the form’s first page');
    const theForm = page1.locator('form.referral-form');
    const answers = { ...formAnswers, name };
    let outcome: string[] = [];
    for (let pages = 0; pages < 20; pages += 1) {
      const h1 = (await page1.getByRole('heading', { level: 1 }).textContent()) ?? '';
      if (h1 === 'Check your answers, then send') break;
      if (h1 === 'What your answers mean') {
        outcome = (await theForm.locator('p').allTextContents()).map((line) => line.trim());
        await axeWithoutScripts(page, page1, 'the outcome page');
      } else shown.push(...(await formShows(theForm)));
      const onPage = await theForm.locator('[name]:not([type=hidden])').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('name')));
      // On the page that asks whether it was reported: leave that out, and the answers given stay.
      if (onPage.includes('reported')) {
        await answerFormPage(theForm, answers, ['reported']);
        await theForm.getByRole('button', { name: 'Continue' }).click();
        await expect(page1.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
        await expect(page1.getByRole('link', { name: 'Select whether it was reported to the police' })).toHaveAttribute('href', '#f-reported');
        await expect(theForm.locator('[name="when"][value="past-year"]')).toBeChecked();
        await expect(theForm.locator('[name="responsibleKnown"][value="yes"]')).toBeChecked();
        await axeWithoutScripts(page, page1, 'a page with a problem');
        await page1.setViewportSize({ width: 320, height: 800 });
        await axeWithoutScripts(page, page1, 'a page with a problem at 320px');
        await page1.setViewportSize({ width: 1280, height: 800 });
      }
      // And on the page that asks for a name and a phone number: leave the phone number out.
      if (onPage.includes('phone')) {
        await answerFormPage(theForm, answers, ['phone']);
        await theForm.getByRole('button', { name: 'Continue' }).click();
        await expect(page1.getByRole('link', { name: 'Enter a phone number, like 07700 900123' })).toBeVisible();
        await expect(theForm.getByLabel('Name to use')).toHaveValue(name);
        await expect(theForm.getByLabel('When is it safe to call you? (optional)')).toHaveValue('Mornings');
      }
      await answerFormPage(theForm, answers);
      await theForm.getByRole('button', { name: 'Continue' }).click();
    }
    // The same questions, with the same words and options, in the same order.
    expect(shown).toEqual(chatShowed(c.asked));
    // The same notes about what the answers mean.
    expect(outcome).toEqual(chatOutcome);
    // The same answers to check (the chat groups them under headings).
    const formRows = await theForm.locator('.summary-list > div').evaluateAll((rows) => rows.map((row) => `${row.querySelector('dt')?.textContent?.trim()}: ${row.querySelector('.summary-value')?.textContent?.trim()}`));
    expect(formRows).toEqual(chatRows.map((row) => row.replace(chatName, name)));
    await axeWithoutScripts(page, page1, 'check your answers');
    // A Change button asks that question again, with the answer given, then comes back here.
    await theForm.getByRole('button', { name: 'Change what happened', exact: true }).click();
    await expect(theForm.getByRole('group', { name: say('questions', 'harm.prompt') }).getByLabel('Damage to property')).toBeChecked();
    await theForm.getByRole('button', { name: 'Continue' }).click();
    await expect(page1.getByRole('heading', { level: 1 })).toHaveText('Check your answers, then send');
    // A send sooner after the check page than the time trap allows (500 ms in tests) is taken for a bot's.
    await page1.waitForTimeout(600);
    await theForm.getByRole('button', { name: `Send my referral to ${merseyside.recipient}` }).click();
    await expect(page1.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
    const reference = /RJ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec((await page1.locator('.reference').textContent()) ?? '')?.[0] ?? 'none';
    await expect(page1.getByRole('link', { name: 'Emergency: Exit this page' })).toBeVisible();
    await axeWithoutScripts(page, page1, 'the sent page');

    // The same referral as the chat's: the same answers, to the same inbox.
    const fromForm = await theEmail(name);
    const fromChat = await theEmail(chatName);
    expect(fromForm.mail.subject).toBe(`Restorative justice referral — Merseyside — ref ${reference}`);
    expect(recipientOf(fromForm.mail)).toBe(recipientOf(fromChat.mail));
    const answersOf = (text: string) => text.slice(text.indexOf('Their answers:'), text.indexOf('What we told them')).replace(/ (Chat|Form) [a-z0-9]{6}/g, ' NAME');
    expect(answersOf(fromForm.text)).toEqual(answersOf(fromChat.text));
    expect(safetyBlock(fromForm.text)).toContain('Call 07700 900123 (safe times: Mornings)');
    await form.context.close();
  });
});

test.describe('the guided conversation', () => {
  test('the shortest route in Merseyside sends in 15 answers or fewer; the email reaches its inbox, safety first', async ({ page, privacy }) => {
    const name = uniqueName('Short');
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await whatHappened(c, { known: 'No, nobody has been found' });
    const meaning = await c.outcome();
    expect(meaning).toContain(say('conversation', 'outcome.offerReferral', { recipient: merseyside.recipient }));
    await c.press('Send a referral');
    await c.tick('contactWays', ['A phone call']);
    await c.fill('yourDetails', { 'Name to use': name, 'Phone number': '07700 900123', 'When is it safe to call you? (optional)': 'Weekdays after 10am' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await lastQuestions(c, merseyside.recipient);
    await c.checkYourAnswers();
    const reference = await c.send(merseyside.recipient);
    count(c, 'shortest (nobody found, a phone call)');
    expect(c.answers).toBeLessThanOrEqual(15);
    await expect(chat(page).getByRole('heading', { name: 'What happens next' })).toBeVisible();

    const { mail, text } = await theEmail(name);
    expect(recipientOf(mail).toLowerCase()).toBe(merseyside.inbox.toLowerCase());
    expect(mail.subject).toBe(`Restorative justice referral — Merseyside — ref ${reference}`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.has('reply-to')).toBe(false);
    expect(mail.replyTo).toBeUndefined();
    const safety = safetyBlock(text);
    expect(safety).toContain('Call 07700 900123 (safe times: Weekdays after 10am)');
    expect(safety).toContain('Do not text them');
    expect(safety).toContain('You may say you are from a restorative justice service.');
    expect(text).toContain('Someone has been found to be responsible: No, nobody has been found');
    await expectNothingLeaked(page, privacy);
  });

  test('only texts are safe: it asks when to text and never about calls or email; the email says so', async ({ page }) => {
    const name = uniqueName('Texts');
    const c = new ChatDriver(page);
    await openChat(page);
    await typicalScreening(c);
    await c.press('Send a referral');
    await c.tick('contactWays', ['A text message']);
    const details = await c.at('yourDetails');
    expect(details.labels).toEqual(['Name to use', 'Phone number', 'When is it safe to text you? (optional)']);
    await c.fill('yourDetails', { 'Name to use': name, 'Phone number': '07700 900123', 'When is it safe to text you? (optional)': 'After 6pm' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await lastQuestions(c, merseyside.recipient);
    const rows = await c.checkYourAnswers();
    expect(rows).toContain('Safe ways to contact you: A text message');
    expect(rows).toContain('Safe times to text: After 6pm');
    const reference = await c.send(merseyside.recipient);
    count(c, 'typical (someone found and sentenced, texts only)');

    // Nothing asked after the safe ways mentions a call, a voicemail or an email.
    const after = c.asked.slice(c.asked.findIndex((step) => step.step === 'contactWays') + 1);
    expect(after.map((step) => step.step)).toEqual(['yourDetails', 'mayName', 'language', 'addMore', 'consent']);
    for (const step of after) expect([step.prompt, ...step.options, ...step.labels].join(' | '), step.step).not.toMatch(/call|voicemail|e-?mail/i);
    expect(rows.join('\n')).not.toMatch(/call|voicemail|email/i);

    const { text } = await theEmail(name);
    expect(text).toContain(reference);
    const safety = safetyBlock(text);
    expect(safety).toMatch(/Safe to use:\n {2}- Text 07700 900123 \(safe times: After 6pm\)\n\n/);
    expect(safety).toMatch(/Not safe:\n {2}- Do not call them\n {2}- Do not leave a voicemail\n {2}- Do not email them\n/);
    expect(safety).not.toMatch(/^ {2}- (Call|Email|Leave a voicemail)/m);
  });

  test('no way is safe: it says so kindly, shows the service’s number, and still sends a referral that says not to contact them', async ({ page }) => {
    const name = uniqueName('None');
    const c = new ChatDriver(page);
    await openChat(page);
    await typicalScreening(c);
    await c.press('Send a referral');
    await c.tick('contactWays', ['No way is safe right now']);
    const details = await c.at('yourDetails');
    expect(details.prompt).toBe(say('questions', 'yourDetails.promptNoContact'));
    // Said kindly at once, just before the question, not only at the end.
    await expect(chat(page).locator('.chat-line--bot').nth(-2)).toContainText(say('conversation', 'noSafeWayFirst', { recipient: merseyside.recipient }));
    expect(details.labels).toEqual(['Name to use']);
    await c.fill('yourDetails', { 'Name to use': name });
    // No question about whether they may say who they are: they will not be in touch.
    await lastQuestions(c, merseyside.recipient);
    await c.checkYourAnswers();
    // Said kindly, and in view with the service's number, which it points to.
    await expect(chat(page).locator('.chat-line--bot', { hasText: say('conversation', 'noSafeWay', { recipient: merseyside.recipient }) })).toBeInViewport();
    const number = chat(page).getByRole('link', { name: merseyside.number });
    await expect(number).toHaveAttribute('href', 'tel:07377800254');
    await expect(number).toBeInViewport();
    await expect(chat(page).getByRole('heading', { name: 'Contact details' })).toBeFocused();
    await expectNoAxeViolationsIn(page, 'check your answers when no way is safe', 'section.chat');
    const reference = await c.send(merseyside.recipient);
    await expect(chat(page).getByText(say('conversation', 'nextSteps.noContact', { recipient: merseyside.recipient, reference }))).toBeVisible();
    expect(c.asked.map((step) => step.step)).not.toContain('mayName');

    const { text } = await theEmail(name);
    const safety = safetyBlock(text);
    expect(safety).toContain(`DO NOT CONTACT THEM. They said no way is safe right now. They will contact you and give reference ${reference}.`);
    expect(safety).toContain('NO SAFE WAY TO CONTACT THEM: wait for them to contact you.');
    expect(safety).toContain('They gave no phone number or email address.');
  });

  test('nobody found: no questions about the person responsible, and the outcome shows the support it promises', async ({ page, privacy }) => {
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Check whether it could work for me');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await whatHappened(c, { harm: 'Robbery', known: 'No, nobody has been found' });
    const meaning = await c.outcome();
    expect(c.asked.map((step) => step.step)).toEqual(['asker', 'askerAge', 'area', 'happenedHere', 'harm', 'when', 'reported', 'responsibleKnown']);
    const transcript = (await c.transcript()).join('\n');
    for (const step of ['relationship', 'accepts', 'stage', 'responsibleUnder18', 'safetyNow']) expect(transcript).not.toContain(say('questions', `${step}.prompt`));

    expect(meaning).toEqual([
      say('conversation', 'outcome.kinds.check-first'),
      say('conversation', 'outcome.reasons.nobody-found'),
      say('conversation', 'outcome.provider', { area: 'Merseyside', provider: merseyside.recipient }),
      say('conversation', 'outcome.offerReferral', { recipient: merseyside.recipient }),
    ]);
    // The words promise Victim Support, day or night, by phone or live chat, "below": it is there.
    expect(meaning[1]).toMatch(/Victim Support/);
    const support = chat(page).locator('li', { hasText: 'Victim Support Supportline' });
    await expect(support).toContainText('24 hours a day');
    await expect(support).toContainText('Live chat');
    await expect(support.getByRole('link', { name: '08 08 16 89 111' })).toHaveAttribute('href', 'tel:08081689111');
    // The other options: another way (someone who did a similar crime), the local service, and a referral.
    expect(meaning[1]).toMatch(/someone who did a similar crime/);
    await expect(chat(page).getByRole('link', { name: merseyside.number })).toBeVisible();
    await expect(chat(page).getByRole('button', { name: 'Send a referral' })).toBeVisible();
    await expectNoAxeViolationsIn(page, 'the outcome when nobody has been found', 'section.chat');
    await expectNothingLeaked(page, privacy);
  });

  test('domestic abuse, still in contact: specialist help in the chat, and the email flags it in its safety block', async ({ page }) => {
    const name = uniqueName('Abuse');
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    await c.place('area', 'L1');
    await whatHappened(c, { harm: 'Domestic abuse' });
    await personResponsible(c, { relationship: 'A partner or ex-partner', now: ['I am still in contact with them'] });
    const meaning = await c.outcome();
    expect(meaning).toContain(say('conversation', 'outcome.notes.sensitive'));
    const specialist = chat(page).getByRole('heading', { name: 'Help lines that can support you now' });
    await expect(specialist).toBeVisible();
    await expect(chat(page).locator('li', { hasText: 'National Domestic Abuse Helpline (run by Refuge)' }).getByRole('link', { name: '0808 2000 247' })).toBeVisible();
    await c.press('Send a referral');
    await c.tick('contactWays', ['A phone call']);
    await c.fill('yourDetails', { 'Name to use': name, 'Phone number': '07700 900123', 'When is it safe to call you? (optional)': 'Weekdays 10am to 2pm' });
    await c.choose('mayName', 'No, they must not say who they are');
    await lastQuestions(c, merseyside.recipient);
    await c.checkYourAnswers();
    await c.send(merseyside.recipient);

    const { text } = await theEmail(name);
    const safety = safetyBlock(text);
    expect(safety).toContain('SENSITIVE CASE: Domestic abuse. A facilitator with extra training is needed.');
    expect(safety).toContain('They are still in contact with the person responsible.');
    expect(safety).toContain(say('email', 'contact.mayNotName'));
    expect(safety).toContain('Call 07700 900123 (safe times: Weekdays 10am to 2pm)');
  });

  test('a 13 to 15 year old in Hampshire is asked about an adult they trust, shown Childline, and the email flags it', async ({ page }) => {
    const name = uniqueName('Young');
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c, { age: '13 to 15' });
    const trusted = await c.at('trustedAdult');
    expect(trusted.prompt).toBe(say('questions', 'trustedAdult.prompt'));
    expect(trusted.options).toContain('Yes, and the service can contact them');
    await c.choose('trustedAdult', 'Yes, and the service can contact them');
    await c.fill('trustedAdultContact', { 'Their name, and a phone number or email (optional)': 'Ms Shah, 07700 900456' });
    await c.place('area', 'SO23 8UJ');
    expect(await c.transcript()).toContain('I have you in Hampshire and the Isle of Wight.');
    await whatHappened(c, { harm: 'Violence or assault' });
    await personResponsible(c, { relationship: 'Someone I know', stage: 'It is all over' });
    const meaning = await c.outcome();
    expect(meaning).toContain(say('conversation', 'outcome.notes.asker-under-18'));
    await expect(chat(page).locator('li', { hasText: 'Childline' }).getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111');
    // Rape Crisis's line is for people aged 16 or over.
    await expect(chat(page).getByText('Rape Crisis')).toHaveCount(0);
    await c.press('Send a referral');
    await c.tick('contactWays', ['A text message']);
    await c.fill('yourDetails', { 'Name to use': name, 'Phone number': '07700 900123' });
    await c.choose('mayName', 'No, they must not say who they are');
    await lastQuestions(c, 'Restorative Solutions');
    await c.checkYourAnswers();
    await c.send('Restorative Solutions');

    const { mail, text } = await theEmail(name);
    expect(recipientOf(mail)).toBe(hampshireInbox);
    const safety = safetyBlock(text);
    expect(safety).toContain("PERSON ASKING IS UNDER 18 (13 to 15). Safeguarding: check who knows before any contact. The contact details are the child's own.");
    expect(safety).toContain('An adult they trust: Knows, and may be contacted: Ms Shah, 07700 900456');
    expect(safety).toContain('Text 07700 900123 (no times given: ask when it is safe)');
  });

  test('an area on the national route says so as soon as it is found, and the referral reaches the national inbox', async ({ page }) => {
    const name = uniqueName('Wales');
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    await c.place('area', 'CF10 1EP');
    const transcript = await c.transcript();
    expect(transcript.slice(transcript.lastIndexOf('CF10 1EP'))).toEqual([
      'CF10 1EP',
      'I have you in South Wales.',
      say('conversation', 'route.national', { area: 'South Wales', recipient: national.recipient }),
      'Did it happen in South Wales?',
    ]);
    await whatHappened(c, { known: 'No, nobody has been found' });
    const meaning = await c.outcome();
    expect(meaning).toContain(say('conversation', 'outcome.offerReferral', { recipient: national.recipient }));
    await expect(chat(page).getByRole('heading', { name: 'Services for everyone' })).toBeVisible();
    await c.press('Send a referral');
    await c.tick('contactWays', ['An email']);
    const details = await c.at('yourDetails');
    expect(details.labels).toEqual(['Name to use', 'Email address', 'When is it safe to email you? (optional)']);
    await c.fill('yourDetails', { 'Name to use': name, 'Email address': 'wales@example.org', 'When is it safe to email you? (optional)': 'Any time' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await c.choose('language', 'Welsh (Cymraeg)');
    await c.choose('interpreter', 'No');
    await c.choose('addMore', 'No, go to the last question');
    await c.at('consent');
    expect((await c.transcript()).at(-2)).toBe(say('conversation', 'consentExplain.national', { recipient: national.recipient, area: 'South Wales' }));
    await c.tick('consent', [`I agree to share my answers with ${national.recipient}`]);
    await c.checkYourAnswers();
    const reference = await c.send(national.recipient);
    await expect(chat(page).getByText(say('conversation', 'nextSteps.national', { recipient: national.recipient }))).toBeVisible();

    const { mail, text } = await theEmail(name);
    expect(recipientOf(mail)).toBe(national.inbox);
    expect(mail.subject).toBe(`Restorative justice referral — South Wales — ref ${reference}`);
    expect(safetyBlock(text)).toContain('Email wales@example.org (safe times: Any time)');
    expect(text).toContain(say('email', 'nationalRoute', { area: 'South Wales', recipient: national.recipient }));
    expect(text).toContain('We do not know of a restorative justice service in South Wales.');
    expect(text).toContain('Language: Welsh');
  });

  test('an optional question left empty moves on with no error', async ({ page }) => {
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await c.choose('happenedHere', 'No, somewhere else');
    // The place it happened is optional: with nothing typed, the button says Continue.
    await c.fill('happenedArea', {});
    await c.choose('harm', 'Burglary or theft');
    await c.choose('when', 'In the last year');
    await c.choose('reported', 'Yes');
    await c.choose('responsibleKnown', 'No, nobody has been found');
    expect(await c.outcome()).toContain(say('conversation', 'outcome.notes.happened-elsewhere'));
    await c.press('Send a referral');
    await c.tick('contactWays', ['A phone call']);
    await c.fill('yourDetails', { 'Name to use': 'Sam', 'Phone number': '07700 900123' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await c.choose('language', 'English');
    await c.choose('addMore', 'Yes, add more');
    await c.tick('support', []);
    await c.tick('ways', []);
    await c.tick('hopes', []);
    await c.fill('accessNeeds', {});
    await c.fill('crimeReference', {});
    await c.fill('message', {});
    await c.skip('heardFrom');
    await c.tick('consent', [`I agree to share my answers with ${merseyside.recipient}`]);
    const rows = await c.checkYourAnswers();
    const skipped = (await c.transcript()).filter((line) => line === 'Left this out');
    // Where it happened, support, ways, hopes, what would help, crime reference, message, how they heard.
    expect(skipped).toHaveLength(8);
    await expect(chat(page).locator('.error-message, [aria-invalid="true"]')).toHaveCount(0);
    for (const row of ['Where it happened', 'Safe times to call', 'Support already in place', 'Your message']) expect(rows).toContain(`${row}: Not given`);
  });

  test('at 360 pixels, help now is in view after 10 answers, and Start again asks first', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Check whether it could work for me');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await whatHappened(c);
    await c.choose('relationship', 'A stranger');
    await c.choose('accepts', 'Yes, they have said so');
    expect(c.answers).toBe(10);
    const help = page.locator('[data-help-now]');
    await expect(help).toHaveText('Help now');
    await expect(help).toBeInViewport({ ratio: 1 });
    await help.click();
    const panel = page.getByRole('region', { name: 'Help now' });
    await expect(panel.getByRole('heading', { name: 'Help now' })).toBeFocused();
    await expect(panel.getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
    await expect(panel.getByText(/Relay UK on 18000/)).toBeVisible();
    await panel.getByRole('button', { name: 'Back to the conversation' }).click();
    // The same question again, nothing lost.
    await expect(chat(page)).toHaveAttribute('data-step', 'stage');
    await expect(chat(page).getByRole('button', { name: 'The police are still looking into it' })).toBeFocused();

    await chat(page).getByRole('button', { name: 'Start again' }).click();
    const question = chat(page).locator('#restart-question');
    await expect(question).toHaveText('Start again? This clears everything you have told me.');
    await expect(question).toBeFocused();
    await expect(question).toBeInViewport();
    await chat(page).getByRole('button', { name: 'No, go back' }).click();
    await expect(chat(page)).toHaveAttribute('data-step', 'stage');
    expect(await c.transcript()).toContain('A stranger');
    await chat(page).getByRole('button', { name: 'Start again' }).click();
    await chat(page).getByRole('button', { name: 'Yes, clear it and start again' }).click();
    await expect(chat(page)).toHaveAttribute('data-view', 'menu');
    expect(await c.transcript()).toEqual([say('conversation', 'conversation.intro'), say('conversation', 'conversation.menu')]);
  });

  test('with SMTP refusing, the failure is said in view, the answers are kept, and one retry sends exactly one email', async ({ page }) => {
    const name = uniqueName('Retry');
    await smtpRefuse(name, true);
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await whatHappened(c, { known: 'No, nobody has been found' });
    await c.outcome();
    await c.press('Send a referral');
    await c.tick('contactWays', ['A phone call']);
    await c.fill('yourDetails', { 'Name to use': name, 'Phone number': '07700 900123' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await lastQuestions(c, merseyside.recipient);
    const rows = await c.checkYourAnswers();
    await c.press(`Send my referral to ${merseyside.recipient}`);
    const failure = chat(page).getByRole('alert').filter({ hasText: 'could not be sent just now' });
    await expect(failure).toBeVisible({ timeout: 15_000 });
    await expect(failure).toContainText(say('conversation', 'failed.unavailable', { recipient: merseyside.recipient }));
    await expect(failure).toBeFocused();
    await expect(failure).toBeInViewport();
    await expect(chat(page).getByRole('link', { name: merseyside.number })).toBeVisible();
    await expectNoAxeViolationsIn(page, 'a send that failed', 'section.chat');
    // Every answer is still there.
    expect(await chat(page).locator('.summary-list > div').evaluateAll((list) => list.map((row) => `${row.querySelector('dt')?.textContent?.trim()}: ${row.querySelector('.summary-value')?.textContent?.trim()}`))).toEqual(rows);
    expect(await expectEmails(name, 0)).toEqual([]);
    // It was tried, and refused: the empty inbox above is the refusal, not a send that never happened.
    expect(await refusedCount(name)).toBe(1);

    await smtpRefuse(name, false);
    await failure.getByRole('button', { name: 'Try sending again' }).click();
    await expect(chat(page).getByRole('heading', { name: 'Referral sent' })).toBeFocused({ timeout: 15_000 });
    const reference = (await chat(page).locator('.reference').textContent()) ?? '';
    const [mail] = await expectEmails(name, 1);
    expect(mail?.subject).toContain(reference);
    // And no second one follows, nor another attempt.
    await page.waitForTimeout(500);
    await expectEmails(name, 1);
    expect(await refusedCount(name)).toBe(1);
  });

  test('a Change link asks that question again, then comes back to check your answers', async ({ page }) => {
    const name = uniqueName('Change');
    const c = new ChatDriver(page);
    await openChat(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await whatHappened(c, { known: 'No, nobody has been found' });
    await c.outcome();
    await c.press('Send a referral');
    await c.tick('contactWays', ['A phone call']);
    await c.fill('yourDetails', { 'Name to use': name, 'Phone number': '07700 900123' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await lastQuestions(c, merseyside.recipient);
    expect(await c.checkYourAnswers()).toContain('What happened: Burglary or theft');

    await c.press('Change what happened');
    const harm = await c.at('harm');
    expect(harm.prompt).toBe(say('questions', 'harm.prompt'));
    await expect(chat(page).getByRole('button', { name: 'Burglary or theft' })).toHaveAttribute('aria-pressed', 'true');
    await c.choose('harm', 'Robbery');
    expect(await c.checkYourAnswers()).toContain('What happened: Robbery');
    await expect(chat(page).getByRole('heading', { name: 'Check your answers' })).toBeFocused();

    // A change that needs a new answer asks for it too, then comes back.
    await c.press('Change the safe ways to contact you');
    await c.tick('contactWays', ['An email']);
    const details = await c.at('yourDetails');
    expect(details.labels).toContain('Email address');
    await c.fill('yourDetails', { 'Email address': 'change@example.org' });
    const rows = await c.checkYourAnswers();
    expect(rows).toContain('Safe ways to contact you: A phone call, An email');
    expect(rows).toContain('Email address: change@example.org');
    await c.send(merseyside.recipient);

    const { text } = await theEmail(name);
    expect(text).toContain('What kind of harm: Robbery');
    const safety = safetyBlock(text);
    expect(safety).toContain('Call 07700 900123');
    expect(safety).toContain('Email change@example.org');
  });

  test('the whole journey works by keyboard alone, and focus always lands on the new question', async ({ page }) => {
    const name = uniqueName('Keys');
    await openChat(page);
    const focused = () => page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return (active?.labels?.[0]?.textContent ?? active?.textContent ?? '').trim();
    });
    const inPanel = () => page.evaluate(() => Boolean(document.activeElement?.closest('section.chat .chat-panel')));
    /** Tabs forward until `label` has focus (a button, a link, or a box by its label). */
    const tabTo = async (label: string, limit = 25) => {
      for (let i = 0; i < limit && (await focused()) !== label; i += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe(label);
    };
    let persons = 0;
    /** After each answer: it is echoed, and focus is on the new step's first control, in the panel. */
    const answered = async () => {
      await expect.poll(() => chat(page).locator('.chat-line--person').count()).toBeGreaterThan(persons);
      persons = await chat(page).locator('.chat-line--person').count();
      await expect.poll(inPanel, { message: 'focus on the new step' }).toBe(true);
    };
    const pick = async (label: string) => {
      await tabTo(label);
      await page.keyboard.press('Enter');
      await answered();
    };
    const tick = async (labels: string[]) => {
      for (const label of labels) {
        await tabTo(label);
        await page.keyboard.press('Space');
      }
      await pick('Continue');
    };
    const type = async (...texts: string[]) => {
      for (const [index, text] of texts.entries()) {
        if (index > 0) await page.keyboard.press('Tab');
        await page.keyboard.type(text);
      }
      await page.keyboard.press('Enter');
      await answered();
    };

    await tabTo('Ask for a referral', 60);
    await page.keyboard.press('Enter');
    await answered();
    await pick('Me: I was harmed');
    await pick('18 or older');
    await type('L1 8JQ');
    for (const answer of ['Yes', 'Burglary or theft', 'In the last year', 'Yes', 'Yes', 'A stranger', 'Yes, they have said so', 'They have been sentenced', 'No']) await pick(answer);
    await tick(['None of these']);
    await expect(chat(page).getByRole('heading', { name: 'What your answers mean' })).toBeFocused();
    await pick('Send a referral');
    await tick(['A phone call', 'A text message']);
    await type(name, '07700 900123', 'Evenings');
    await pick('Yes, they can say who they are');
    await pick('English');
    await pick('Yes, add more');
    await tick(['Victim Support']);
    await tick(['Writing letters']);
    await tick(['To ask questions']);
    // A box of several lines takes Enter as a new line: Tab to Continue instead.
    await page.keyboard.type('Large print');
    await pick('Continue');
    await type('MP/12345/26');
    await pick('Continue');
    await pick('A leaflet');
    await tick(['I agree to share my answers with Restorative Solutions']);
    await expect(chat(page).getByRole('heading', { name: 'Check your answers' })).toBeFocused();
    await tabTo('Send my referral to Restorative Solutions', 60);
    await page.keyboard.press('Enter');
    await expect(chat(page).getByRole('heading', { name: 'Referral sent' })).toBeFocused({ timeout: 15_000 });

    const { text } = await theEmail(name);
    const safety = safetyBlock(text);
    expect(safety).toContain('Call 07700 900123 (safe times: Evenings)');
    expect(safety).toContain('Text 07700 900123 (no times given: ask when it is safe)');
    expect(text).toContain('How they heard about us: A leaflet');
    expect(text).toContain('Access needs: Large print');
    expect(text).toContain('Crime reference: MP/12345/26');
  });

  test('a screen-reader user hears the answer echoed and the new question, once each; problems are announced', async ({ page }) => {
    await openChat(page);
    await expect(page.getByRole('log', { name: 'Conversation' })).toBeAttached();
    await page.getByRole('link', { name: 'Check whether it could work for me' }).click();
    await expect(chat(page).getByRole('button', { name: 'Me: I was harmed' })).toBeFocused();
    // What the live log region announces: the text of each line added to it, in order.
    await page.evaluate(() => {
      const log = document.querySelector('[role="log"]');
      const heard: string[] = [];
      Object.assign(window, { heard });
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) heard.push((node.textContent ?? '').trim());
      }).observe(log as Node, { childList: true, subtree: true });
    });
    const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.splice(0));
    await chat(page).getByRole('button', { name: 'Me: I was harmed' }).click();
    await expect(chat(page).getByRole('button', { name: '12 or younger' })).toBeFocused();
    expect(await heard()).toEqual(['You said: Me: I was harmed', `Restorative Justice Guide said: ${say('questions', 'askerAge.prompt')}`]);
    // The question is the group's name, so it is read again with the first option.
    await expect(chat(page).getByRole('group', { name: say('questions', 'askerAge.prompt') })).toBeVisible();

    await chat(page).getByRole('button', { name: '18 or older' }).click();
    const box = chat(page).getByRole('textbox', { name: 'Postcode or council' });
    await expect(box).toBeFocused();
    expect(await heard()).toEqual(['You said: 18 or older', `Restorative Justice Guide said: ${say('questions', 'area.prompt')}`]);
    // A problem is said once in the status region, and beside the box, which has focus and describes it.
    await chat(page).getByRole('button', { name: 'Find my area' }).click();
    await expect(page.getByRole('status').filter({ hasText: say('questions', 'area.errors.empty') })).toBeAttached();
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription(`${say('questions', 'area.hint')} Error: ${say('questions', 'area.errors.empty')}`);
    expect(await heard()).toEqual([]);
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
    await page.getByRole('link', { name: 'Check whether it could work for me' }).click();
    await expect(page).toHaveURL(/\?start=check$/);
    release();
    await expect(chat(page).getByRole('button', { name: 'Me: I was harmed' })).toBeVisible();
    await expect(page).toHaveURL(/\/talk-it-through\/$/);
  });

  test('the quick exit from the middle of the chat leaves no way back to the answers', async ({ page, privacy }) => {
    void privacy;
    await page.goto('/');
    await page.getByRole('link', { name: 'Talk it through' }).first().click();
    await page.locator('astro-island:not([ssr])').waitFor();
    const c = new ChatDriver(page);
    await c.menu('Check whether it could work for me');
    await aboutYou(c);
    await c.place('area', 'L1 8JQ');
    await c.choose('happenedHere', 'Yes');
    await c.choose('harm', 'Hate crime');
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
    await page.locator('a[data-carry-from]').first().click();
    await page.locator('astro-island:not([ssr])').waitFor();
    const c = new ChatDriver(page);
    await c.menu('Ask for a referral');
    await aboutYou(c);
    // The area came with the link: it is confirmed, not typed.
    const confirm = await c.at('area');
    expect(confirm.prompt).toBe(say('questions', 'area.presetPrompt', { area: 'Merseyside' }));
    await c.choose('area', 'Yes');
    await whatHappened(c, { known: 'No, nobody has been found' });
    await c.outcome();
    await c.press('Send a referral');
    await c.tick('contactWays', ['An email']);
    await c.fill('yourDetails', { 'Name to use': name, 'Email address': 'poster@example.org' });
    await c.choose('mayName', 'Yes, they can say who they are');
    await lastQuestions(c, merseyside.recipient);
    expect(await c.checkYourAnswers()).toContain('You came from: A poster');
    await c.send(merseyside.recipient);
    const { text } = await theEmail(name);
    expect(text).toContain('Arrived from: A poster (QR code)');
    await expectNothingLeaked(page, privacy);
  });
});
