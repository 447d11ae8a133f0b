import { simpleParser, type ParsedMail } from 'mailparser';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll } from './fixtures.ts';
import { testServer } from '../support/test-server.ts';

/** A name no other journey uses, so each journey finds its own email. */
export function uniqueName(label: string): string {
  return `${label} ${Math.random().toString(36).slice(2, 8)}`;
}

export async function openChat(page: Page, query = ''): Promise<void> {
  await page.goto(`/talk-it-through/${query}`);
  // The island is interactive once Astro has hydrated it.
  await page.locator('astro-island:not([ssr])').waitFor();
}

/** After each step: axe finds nothing, nothing scrolls sideways, focus is on the question, not the log. */
export type StepCheck = (page: Page, label: string) => Promise<void>;
export const noCheck: StepCheck = async () => {};
export const fullCheck: StepCheck = async (page, label) => {
  await expectNoAxeViolations(page, label);
  if ((page.viewportSize()?.width ?? 0) <= 320) await expectNoHorizontalScroll(page);
  const inLog = await page.evaluate(() => Boolean(document.activeElement?.closest('[role="log"]')));
  expect(inLog, `focus in the transcript at ${label}`).toBe(false);
};

/** The conversation itself (the page also holds the same questions as a form, for no JavaScript). */
export const chat = (page: Page) => page.locator('section.chat');

export async function choose(page: Page, name: string, check: StepCheck = noCheck): Promise<void> {
  await check(page, `before choosing "${name}"`);
  await chat(page).getByRole('button', { name, exact: true }).click();
}

export async function typeAnswer(page: Page, label: string, value: string, check: StepCheck = noCheck, button = 'Continue'): Promise<void> {
  await check(page, `at "${label}"`);
  await chat(page).getByLabel(label, { exact: true }).fill(value);
  await chat(page).getByRole('button', { name: button, exact: true }).click();
}

export async function tick(page: Page, labels: string[], check: StepCheck = noCheck): Promise<void> {
  await check(page, `at "${labels.join(', ')}"`);
  for (const label of labels) await chat(page).getByLabel(label, { exact: true }).check();
  await chat(page).getByRole('button', { name: 'Continue', exact: true }).click();
}

export async function skip(page: Page, check: StepCheck = noCheck): Promise<void> {
  await check(page, 'at an optional question');
  await chat(page).getByRole('button', { name: 'Skip this question', exact: true }).click();
}

export type Screening = {
  asker?: string;
  postcode?: string;
  harm?: string;
  reported?: string;
  known?: string;
  admitted?: string;
  stage?: string | null;
  responsibleUnder18?: string;
  askerUnder18?: string;
};

/** Answers the screening questions (a preset area is confirmed instead of typed). */
export async function screen(page: Page, answers: Screening = {}, check: StepCheck = noCheck): Promise<void> {
  await choose(page, answers.asker ?? 'Me: I was harmed', check);
  if (answers.postcode === undefined) await choose(page, 'Yes', check);
  else await typeAnswer(page, 'Postcode', answers.postcode, check, 'Find my area');
  await choose(page, answers.harm ?? 'Burglary or theft', check);
  await choose(page, answers.reported ?? 'Yes', check);
  await choose(page, answers.known ?? 'Yes', check);
  await choose(page, answers.admitted ?? 'Yes, they admitted it', check);
  if (answers.stage !== null) await choose(page, answers.stage ?? 'They have been sentenced', check);
  await choose(page, answers.responsibleUnder18 ?? 'No', check);
  await choose(page, answers.askerUnder18 ?? 'No', check);
}

export type Details = { name: string; heardFromKnown?: boolean; phoneSafety?: string[] };

/** Answers the details questions up to check your answers. */
export async function details(page: Page, answers: Details, check: StepCheck = noCheck): Promise<void> {
  await typeAnswer(page, 'Name to use', answers.name, check);
  await tick(page, ['Phone'], check);
  await typeAnswer(page, 'Phone number', '07700 900123', check);
  await tick(page, answers.phoneSafety ?? ['It is safe to call me'], check);
  await typeAnswer(page, 'Best times to call (optional)', 'Weekdays after 10am', check);
  await typeAnswer(page, 'Language', 'English', check);
  await choose(page, 'No', check);
  await skip(page, check);
  await tick(page, ['Writing letters'], check);
  await skip(page, check);
  await typeAnswer(page, 'Your message (optional)', 'I would like to ask why.', check);
  if (!answers.heardFromKnown) await choose(page, 'A web search', check);
  await tick(page, ['I agree to share my answers with Restorative Solutions'], check);
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

export async function smtpRefuse(marker: string, refuse: boolean): Promise<void> {
  await fetch(`${testServer.smtpControl}/${refuse ? 'refuse' : 'accept'}?marker=${encodeURIComponent(marker)}`, { method: 'POST' });
}

/** Waits until exactly `count` emails containing `marker` have arrived (and no more). */
export async function expectEmails(marker: string, count: number): Promise<ParsedMail[]> {
  await expect.poll(async () => (await emailsWith(marker)).length, { timeout: 10_000 }).toBe(count);
  return emailsWith(marker);
}
