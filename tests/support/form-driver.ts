import type { ReferralHandler } from '../../functions/referral/referral.ts';
import { testOrigin } from './referral-handler.ts';

/**
 * Drives the no-JavaScript form as a person would: on each page, answer the questions it shows from
 * `answers` (nothing else), keep the hidden fields the page carries, and press its button. Records
 * each page's steps, so a test can compare them with the catalogue.
 */
export type FormPage = { status: number; html: string; steps: string[]; seen: string[]; hidden: [string, string][]; hasToken: boolean; canContinue: boolean };

export function formRequest(fields: [string, string][]): Request {
  const body = new URLSearchParams();
  for (const [name, value] of fields) body.append(name, value);
  return new Request(`${testOrigin}/api/referral`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'same-origin' },
    body,
  });
}

const decode = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

export function readPage(status: number, html: string): FormPage {
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1] ?? '', decode(match[2] ?? '')] as [string, string]);
  const value = (name: string) => hidden.find(([field]) => field === name)?.[1] ?? '';
  return {
    status,
    html,
    steps: value('_page').split(',').filter(Boolean),
    seen: value('_seen').split(',').filter(Boolean),
    hidden,
    hasToken: hidden.some(([name]) => name === 'token'),
    canContinue: /name="_action" value="(continue|send)"/.test(html),
  };
}

/** The fields a person fills on a page: for each answer on it, its value(s) as the form posts them. */
function filled(page: FormPage, answers: Record<string, unknown>): [string, string][] {
  const names = new Set([...page.html.matchAll(/name="([A-Za-z0-9]+)"/g)].map((match) => match[1]));
  const out: [string, string][] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (!names.has(id) || page.hidden.some(([name]) => name === id)) continue;
    for (const item of [value].flat()) out.push([id, item === true ? 'yes' : String(item)]);
  }
  return out;
}

export async function submitPage(handler: ReferralHandler, page: FormPage, answers: Record<string, unknown>, action = 'continue', extra: [string, string][] = []): Promise<FormPage> {
  const response = await handler(formRequest([...page.hidden.filter(([name]) => name !== '_action'), ...filled(page, answers), ['_action', action], ...extra]));
  return readPage(response.status, await response.text());
}

/** The first page, as the chat page renders it (nothing answered, nothing seen). */
export async function firstPage(handler: ReferralHandler): Promise<FormPage> {
  const response = await handler(formRequest([['_page', ''], ['_seen', '']]));
  return readPage(response.status, await response.text());
}

/** Walks every page with `answers` until check your answers (or a page that goes no further); returns the pages seen. */
export async function walk(handler: ReferralHandler, answers: Record<string, unknown>, limit = 40): Promise<FormPage[]> {
  const pages: FormPage[] = [await firstPage(handler)];
  for (let i = 0; i < limit; i += 1) {
    const page = pages.at(-1) as FormPage;
    if (page.hasToken || !page.canContinue || page.status !== 200) break;
    pages.push(await submitPage(handler, page, answers));
  }
  return pages;
}
