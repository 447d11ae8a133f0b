import { readFileSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, expectNoHorizontalScroll } from './fixtures.ts';
import { testServer } from '../support/test-server.ts';

/** The words the person reads (the same files the site is built from), to check what the chat says. */
type Words = { [key: string]: string | Words };
const read = (name: string) => JSON.parse(readFileSync(`content/locales/en/${name}.json`, 'utf8')) as Words;
export const words = { questions: read('questions'), conversation: read('conversation'), email: read('email') };

/** One string from a words file, by dotted key, with {placeholders} filled in. */
export function say(file: keyof typeof words, key: string, vars: Record<string, string> = {}): string {
  const found = key.split('.').reduce<string | Words | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), words[file]);
  if (typeof found !== 'string') throw new Error(`no words at ${file}:${key}`);
  return found.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/** A name no other journey uses, so each journey finds its own email. */
export function uniqueName(label: string): string {
  return `${label} ${Math.random().toString(36).slice(2, 8)}`;
}

export async function openChat(page: Page): Promise<void> {
  await page.goto('/talk-it-through/');
  // The island is interactive once Astro has hydrated it.
  await page.locator('astro-island:not([ssr])').waitFor();
}

/**
 * Axe with the same WCAG 2.2 AA rule sets as every page's check (fixtures.ts), made quick enough to run
 * on every state: run in the page itself (there are no iframes here, so axe's cross-frame mode, which
 * opens a page of its own each time, is not needed), reporting violations only, and, for the states of
 * the conversation, on the conversation only: the rest of the page does not change from one state to
 * the next, and is checked whole at the start and the end.
 */
export async function expectNoAxeViolationsIn(page: Page, label: string, scope?: string): Promise<void> {
  // Only violations are reported in full: passes are not needed, and listing them takes time.
  const builder = new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
    .setLegacyMode(true);
  const results = await (scope ? builder.include(scope) : builder).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations ${label}`).toEqual([]);
}

/** After each step: axe finds nothing, nothing scrolls sideways, focus is on the question, not the log. */
export type StepCheck = (page: Page, label: string) => Promise<void>;
export const noCheck: StepCheck = async () => {};
export const fullCheck: StepCheck = async (page, label) => {
  await expectNoAxeViolationsIn(page, label, 'section.chat');
  if ((page.viewportSize()?.width ?? 0) <= 360) await expectNoHorizontalScroll(page);
  const inLog = await page.evaluate(() => Boolean(document.activeElement?.closest('[role="log"]')));
  expect(inLog, `focus in the transcript at ${label}`).toBe(false);
};

/** The conversation itself (the page also holds the same questions as a form, for no JavaScript). */
export const chat = (page: Page): Locator => page.locator('section.chat');

/** What one step of the chat showed: the question it asked, its options, and the labels of its boxes. */
export type Asked = { step: string; prompt: string; options: string[]; labels: string[]; agreements: string[] };

/**
 * Drives the conversation as a person would, one step at a time. Each answer names the step it expects
 * (the catalogue's step id, which the chat shows as `data-step`), so a journey asserts the order of the
 * questions as it goes; each waits for the answer to be echoed before going on. It counts the answers
 * given and every tap (a button pressed or a box ticked), and records what each step asked.
 */
export class ChatDriver {
  answers = 0;
  taps = 0;
  typed = 0;
  readonly asked: Asked[] = [];
  private last: { step: string; answered: number } | undefined;

  readonly page: Page;
  /** Run at each step before answering (a journey can switch it on and off). */
  check: StepCheck;

  constructor(page: Page, check: StepCheck = noCheck) {
    this.page = page;
    this.check = check;
  }

  get root(): Locator {
    return chat(this.page);
  }

  /** The menu's choices are links (they work before the island has loaded). */
  async menu(name: string): Promise<void> {
    await this.check(this.page, 'the menu');
    await this.root.getByRole('link', { name, exact: true }).click();
    this.taps += 1;
  }

  /** The chat is on `step`: checks it, and records what it asks. */
  async at(step: string): Promise<Asked> {
    // One look in the page, repeated until the step is shown with its controls (not "Just a moment").
    const shown = await this.page
      .waitForFunction(
        (wanted) => {
          const root = document.querySelector('section.chat') as HTMLElement | null;
          const panel = root?.querySelector('.chat-panel');
          if (!root || !panel || root.dataset.step !== wanted || root.dataset.view !== 'question' || panel.querySelector('.chat-waiting')) return undefined;
          const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
          const bot = [...root.querySelectorAll('.chat-line--bot')].at(-1);
          const prefix = bot?.querySelector('.visually-hidden');
          return {
            prompt: bot ? text(bot).slice(prefix ? text(prefix).length : 0).trim() : '',
            options: [...panel.querySelectorAll('.chat-choices button, fieldset .checkbox label')].map(text),
            labels: [...panel.querySelectorAll('.form-group > label')].map(text),
            agreements: [...panel.querySelectorAll('.form-group > .checkbox label')].map(text),
            answered: root.querySelectorAll('.chat-line--person').length,
          };
        },
        step,
        { timeout: 10_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<Omit<Asked, 'step'> & { answered: number }>)
      .catch(async (error: unknown) => {
        const at = await this.root.evaluate((root) => `${root.getAttribute('data-view')}/${root.getAttribute('data-step')}`).catch(() => '?');
        throw new Error(`expected to be asked "${step}", but the chat is at ${at}: ${String(error)}`);
      });
    await this.check(this.page, `the "${step}" question`);
    const { answered, ...rest } = shown;
    const asked = { step, ...rest };
    // Looking at a step again before answering it (to check it, then to answer it) records it once.
    if (this.last?.step === step && this.last.answered === answered) this.asked[this.asked.length - 1] = asked;
    else this.asked.push(asked);
    this.last = { step, answered };
    this.before = answered;
    return asked;
  }

  /** How many answers the transcript held when the step was last looked at. */
  private before = 0;

  /** Waits until the chat has echoed what the person did. */
  private async echoed(before: number): Promise<void> {
    await this.page.waitForFunction((count) => document.querySelectorAll('section.chat .chat-line--person').length > count, before, { timeout: 10_000 });
  }

  /** Taps one option of a single-choice step. */
  async choose(step: string, option: string): Promise<void> {
    await this.at(step);
    const before = this.before;
    await this.root.getByRole('button', { name: option, exact: true }).click();
    this.answers += 1;
    this.taps += 1;
    await this.echoed(before);
  }

  /** Ticks boxes (none: continues with nothing ticked), then Continue. */
  async tick(step: string, options: string[]): Promise<void> {
    await this.at(step);
    const before = this.before;
    for (const option of options) {
      await this.root.getByLabel(option, { exact: true }).check();
      this.taps += 1;
    }
    await this.continue(before);
  }

  /** Types into boxes by label (an empty string leaves a box empty), then Continue. */
  async fill(step: string, values: Record<string, string>): Promise<void> {
    await this.at(step);
    const before = this.before;
    for (const [label, value] of Object.entries(values)) {
      if (value === '') continue;
      await this.root.getByLabel(label, { exact: true }).fill(value);
      this.typed += 1;
    }
    await this.continue(before);
  }

  private async continue(before: number): Promise<void> {
    await this.root.getByRole('button', { name: 'Continue', exact: true }).click();
    this.answers += 1;
    this.taps += 1;
    await this.echoed(before);
  }

  /** Types a postcode or a council's name, and finds the area. */
  async place(step: string, text: string): Promise<void> {
    await this.at(step);
    const before = this.before;
    await this.root.getByRole('textbox').fill(text);
    this.typed += 1;
    await this.root.getByRole('button', { name: 'Find my area', exact: true }).click();
    this.answers += 1;
    this.taps += 1;
    await this.echoed(before);
    // The place is looked up, then its area loaded: done when the next step is asked, or the place
    // needs something more (a choice between areas, a list, or a problem).
    await this.page.waitForFunction(
      (asked) => {
        const root = document.querySelector('section.chat') as HTMLElement;
        return root.dataset.step !== asked || Boolean(root.querySelector('.chat-panel .chat-choices, .chat-panel select, .chat-panel .error-message'));
      },
      step,
      { timeout: 10_000 },
    );
  }

  /** "Skip this question". */
  async skip(step: string): Promise<void> {
    await this.at(step);
    const before = this.before;
    await this.root.getByRole('button', { name: 'Skip this question', exact: true }).click();
    this.answers += 1;
    this.taps += 1;
    await this.echoed(before);
  }

  /** A button that is not an answer (Send a referral, Back, a Change link). */
  async press(name: string): Promise<void> {
    await this.root.getByRole('button', { name, exact: true }).click();
    this.taps += 1;
  }

  /** What the answers mean: its heading is focused and in view. Returns its paragraphs. */
  async outcome(): Promise<string[]> {
    await expect(this.root).toHaveAttribute('data-step', 'outcome');
    const heading = this.root.getByRole('heading', { name: 'What your answers mean' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await this.check(this.page, 'the outcome');
    return (await this.root.locator('.outcome p').allTextContents()).map((line) => line.trim());
  }

  /** Check your answers: its heading is focused. Returns the rows as "label: value". */
  async checkYourAnswers(): Promise<string[]> {
    await expect(this.root).toHaveAttribute('data-step', 'check');
    await expect(this.root.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
    await this.check(this.page, 'check your answers');
    return this.root.locator('.summary-list > div').evaluateAll((rows) =>
      rows.map((row) => `${row.querySelector('dt')?.textContent?.trim()}: ${row.querySelector('.summary-value')?.textContent?.trim()}`),
    );
  }

  /** Presses the send button, waits for "Referral sent" and returns the reference it shows. */
  async send(recipient: string): Promise<string> {
    await this.press(`Send my referral to ${recipient}`);
    await expect(this.root.getByRole('heading', { name: 'Referral sent' })).toBeFocused({ timeout: 15_000 });
    await this.check(this.page, 'sent');
    const reference = (await this.root.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(/^RJ-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Wherever the reference is written, it cannot be broken across lines at its hyphens.
    const placed = await this.root.locator('.panel--success').evaluate((panel, ref) => ({
      written: panel.textContent?.split(ref).length ?? 1,
      whole: [...panel.querySelectorAll('.reference, .nowrap')].filter((element) => element.textContent === ref && getComputedStyle(element).whiteSpace === 'nowrap').length,
    }), reference);
    expect(placed.whole).toBeGreaterThanOrEqual(2);
    expect(placed.whole).toBe(placed.written - 1);
    return reference;
  }

  /** Every line of the transcript, without the "said:" prefixes. */
  async transcript(): Promise<string[]> {
    return this.root.locator('.chat-log li').evaluateAll((lines) =>
      lines.map((line) => {
        const prefix = line.querySelector('.visually-hidden')?.textContent ?? '';
        return (line.textContent ?? '').slice(prefix.length).trim();
      }),
    );
  }
}

/** The questions before the area is known: who is asking and their age (an adult harmed, by default). */
export async function aboutYou(c: ChatDriver, { asker = 'Me: I was harmed', age = '18 or older' } = {}): Promise<void> {
  await c.choose('asker', asker);
  await c.choose('askerAge', age);
}

/** From "did it happen here" to the person responsible being found: a burglary reported to the police, by default. */
export async function whatHappened(c: ChatDriver, { harm = 'Burglary or theft', when = 'In the last year', reported = 'Yes', known = 'Yes' } = {}): Promise<void> {
  await c.choose('happenedHere', 'Yes');
  await c.choose('harm', harm);
  await c.choose('when', when);
  await c.choose('reported', reported);
  await c.choose('responsibleKnown', known);
}

/** The questions about a person responsible who has been found: a stranger who accepts it and was sentenced, by default. */
export async function personResponsible(
  c: ChatDriver,
  { relationship = 'A stranger', accepts = 'Yes, they have said so', stage = 'They have been sentenced', under18 = 'No', now = ['None of these'] } = {},
): Promise<void> {
  await c.choose('relationship', relationship);
  await c.choose('accepts', accepts);
  await c.choose('stage', stage);
  await c.choose('responsibleUnder18', under18);
  await c.tick('safetyNow', now);
}

/** The referral's last questions: the language, no more to add, and consent. */
export async function lastQuestions(c: ChatDriver, recipient: string): Promise<void> {
  await c.choose('language', 'English');
  await c.choose('addMore', 'No, go to the last question');
  await c.tick('consent', [`I agree to share my answers with ${recipient}`]);
}

/** Every referral email the SMTP receiver has accepted that contains `marker`. */
export async function emailsWith(marker: string): Promise<ParsedMail[]> {
  const raw = (await (await fetch(`${testServer.smtpControl}/messages`)).json()) as string[];
  const mails = await Promise.all(raw.filter((message) => message.includes(marker) || decodesTo(message, marker)).map((message) => simpleParser(message)));
  return mails.filter((mail) => (mail.text ?? '').includes(marker));
}

function decodesTo(message: string, marker: string): boolean {
  // Bodies are quoted-printable: a long marker may be split across lines.
  return message.replace(/=\r?\n/g, '').includes(marker);
}

/** How many delivery attempts the SMTP receiver refused for messages containing `marker`. */
export async function refusedCount(marker: string): Promise<number> {
  const raw = (await (await fetch(`${testServer.smtpControl}/refused`)).json()) as string[];
  return raw.filter((message) => message.includes(marker) || decodesTo(message, marker)).length;
}

export async function smtpRefuse(marker: string, refuse: boolean): Promise<void> {
  await fetch(`${testServer.smtpControl}/${refuse ? 'refuse' : 'accept'}?marker=${encodeURIComponent(marker)}`, { method: 'POST' });
}

/** Waits until exactly `count` emails containing `marker` have arrived (and no more). */
export async function expectEmails(marker: string, count: number): Promise<ParsedMail[]> {
  await expect.poll(async () => (await emailsWith(marker)).length, { timeout: 10_000 }).toBe(count);
  return emailsWith(marker);
}

/** The one email for `marker`, with its plain text. */
export async function theEmail(marker: string): Promise<{ mail: ParsedMail; text: string }> {
  const [mail] = await expectEmails(marker, 1);
  if (!mail) throw new Error(`no email for ${marker}`);
  return { mail, text: mail.text ?? '' };
}

/** The address an email went to. */
export const recipientOf = (mail: ParsedMail): string => (mail.to && !Array.isArray(mail.to) ? mail.to.value.map((to) => to.address).join(', ') : '');

/**
 * The email's safety block: everything from "Safety first" to the line that introduces the answers.
 * Asserts it comes first: before it there is only the do-not-reply notice and the title.
 */
export function safetyBlock(text: string): string {
  const start = text.indexOf('Safety first');
  const end = text.indexOf('asked for a restorative justice referral');
  expect(start, 'the email has a safety block').toBeGreaterThan(-1);
  expect(end, 'the safety block comes before the answers').toBeGreaterThan(start);
  expect(text.slice(0, start).trim().split('\n').map((line) => line.trim()).filter(Boolean)).toEqual([
    say('email', 'doNotReply'),
    expect.stringMatching(/^Restorative justice referral RJ-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
    expect.stringMatching(/^=+$/),
  ]);
  expect(text.indexOf('Their answers:')).toBeGreaterThan(end);
  return text.slice(start, text.lastIndexOf('\n', end));
}
