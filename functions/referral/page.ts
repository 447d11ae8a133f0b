import helplines from '../../content/helplines.json' with { type: 'json' };
import { areaByCode, areasByRegion } from '../../src/lib/areas.ts';
import { telHref } from '../../src/lib/format.ts';
import { helpStripHtml } from '../../src/lib/help-strip.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { nationalServiceIds } from '../../src/lib/national-services.ts';
import { areaPath } from '../../src/lib/paths.ts';
import { renderFormPage, type FormArea, type FormPage } from '../../src/lib/referral-form.ts';
import { quickExitUrl, siteName } from '../../src/lib/site.ts';
import { fill, lookup, type Words } from '../../src/lib/words.ts';

/**
 * The pages the function answers a no-JavaScript form post with: the next page of the form (questions,
 * what the answers mean, or check your answers), sent (with the reference), could not send yet (check
 * your answers again, to send when ready), or who to contact instead. Plain HTML with the site's
 * stylesheet and no script at all.
 */
export type PageOutcome =
  | { kind: 'form'; title: string; form: Omit<FormPage, 'words' | 'areas'>; area?: string; intro?: string; helpLines?: readonly string[] }
  | { kind: 'sent'; reference: string; area?: string; recipient: string; unconfirmed: boolean; next: string[] }
  | { kind: 'busy' }
  | { kind: 'contacts'; title: string; lines: string[]; area?: string }
  | { kind: 'error' };

export const formAreas: readonly FormArea[] = areasByRegion().flatMap(({ region, areas }) => areas.map((area) => ({ code: area.code, name: area.name, region })));

export function renderPage(outcome: PageOutcome, words: Words): string {
  const w = (key: string, vars: Record<string, string> = {}) => escapeHtml(fill(lookup(words, key) ?? `[${key}]`, vars));
  switch (outcome.kind) {
    case 'form':
      return document(words, escapeHtml(outcome.title), [
        ...(outcome.intro ? [`<p>${escapeHtml(outcome.intro)}</p>`] : []),
        renderFormPage({ ...outcome.form, words, areas: formAreas }),
        contacts(outcome.area, words, undefined, outcome.helpLines),
      ]);
    case 'sent':
      return document(words, w(outcome.unconfirmed ? 'form.result.unconfirmedTitle' : 'form.result.sentTitle'), [
        `<div class="panel panel--success"><p>${keepWhole(w(outcome.unconfirmed ? 'form.result.unconfirmedIntro' : 'form.result.sentIntro', { recipient: outcome.recipient, reference: outcome.reference }), outcome.reference)}</p>
         <p>${w('sent.referenceLabel')}: <strong class="reference">${escapeHtml(outcome.reference)}</strong></p></div>`,
        `<h2>${w('form.result.nextHeading')}</h2><ul>${outcome.next.map((step) => `<li>${keepWhole(escapeHtml(step), outcome.reference)}</li>`).join('')}</ul>`,
        contacts(outcome.area, words, w('form.result.contactsHeading')),
        `<p>${w('form.result.forget')}</p>`,
      ]);
    case 'busy':
      return document(words, w('form.result.busyTitle'), [`<p>${w('form.result.busyKeep')}</p>`]);
    case 'contacts':
      return document(words, escapeHtml(outcome.title), [...outcome.lines.map((line) => `<p>${escapeHtml(line)}</p>`), contacts(outcome.area, words)]);
    case 'error':
      return document(words, w('form.result.errorTitle'), [`<p>${w('form.result.errorIntro')}</p>`]);
  }
}

/** Escaped text with the reference in it, the reference never broken across lines (at its hyphens). */
function keepWhole(html: string, reference: string): string {
  const escaped = escapeHtml(reference);
  return reference ? html.split(escaped).join(`<span class="nowrap">${escaped}</span>`) : html;
}

/** The area's provider and its contacts, the national services, and the help lines that fit the case (the same as the chat's). */
function contacts(code: string | undefined, words: Words, heading?: string, helpLines: readonly string[] = []): string {
  const area = code ? areaByCode(code) : undefined;
  if (!area) return '';
  const w = (key: string, vars: Record<string, string> = {}) => escapeHtml(fill(lookup(words, key) ?? `[${key}]`, vars));
  const provider = area.provider;
  const national = nationalServiceIds.flatMap((id) => helplines.filter((line) => line.id === id));
  const items = provider
    ? [
        ...provider.phones.map((phone) => `<li>${escapeHtml(phone.label)}: <a href="${telHref(phone.number)}">${escapeHtml(phone.number)}</a></li>`),
        ...provider.emails.map((mail) => `<li>${escapeHtml(mail.label)}: <a href="mailto:${escapeHtml(mail.address)}">${escapeHtml(mail.address)}</a></li>`),
        ...(provider.website ? [`<li><a href="${escapeHtml(provider.website.url)}">${escapeHtml(provider.website.label)}</a></li>`] : []),
      ]
    : [];
  const lineItem = (line: (typeof helplines)[number]) =>
      `<li><strong>${escapeHtml(line.name)}</strong>${'number' in line && line.number ? `: <a href="${telHref(line.number)}">${escapeHtml(line.number)}</a>` : ''}${'email' in line && line.email ? `: <a href="mailto:${escapeHtml(line.email)}">${escapeHtml(line.email)}</a>` : ''}. ${escapeHtml(line.purpose)}.${'hours' in line && line.hours ? ` ${escapeHtml(line.hours)}.` : ''}${line.alternatives.map((alternative) => ` ${escapeHtml(alternative)}.`).join('')}</li>`;
  const nationalItems = national.map(lineItem);
  const careItems = helpLines.flatMap((id) => helplines.filter((line) => line.id === id)).map(lineItem);
  return `<div class="area-card"><h2>${heading ?? w('outcome.contactsHeading')}</h2>${provider ? `<p><strong>${escapeHtml(provider.service ?? provider.name)}</strong></p><ul class="contact-list">${items.join('')}</ul>` : ''}<h3>${w('outcome.nationalHeading')}</h3><ul class="contact-list">${nationalItems.join('')}</ul>${careItems.length ? `<h3>${w('outcome.specialistHeading')}</h3><ul class="contact-list">${careItems.join('')}</ul>` : ''}<p><a href="${areaPath(area)}">${w('outcome.areaPage', { area: area.name })}</a></p></div>`;
}

function document(words: Words, title: string, body: string[]): string {
  const back = escapeHtml(lookup(words, 'form.result.back') ?? 'Back');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${title} – ${escapeHtml(siteName)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/styles/site.css">
</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<a class="skip-link" href="${escapeHtml(quickExitUrl)}" rel="noreferrer">Exit this page</a>
<div class="exit-bar"><a class="help-button" href="/get-help/">${escapeHtml(lookup(words, 'common.helpBar') ?? 'Help now')}</a><a class="exit-button" href="${escapeHtml(quickExitUrl)}" rel="noreferrer"><span class="visually-hidden">Emergency: </span>Exit this page</a></div>
<header class="site-header"><div class="width-container site-header__inner"><a class="site-name" href="/">${escapeHtml(siteName)}</a></div></header>
<main id="main-content" class="width-container" tabindex="-1">
<h1>${title}</h1>
${body.join('\n')}
<p><a href="/talk-it-through/">${back}</a></p>
</main>
<footer class="site-footer"><div class="width-container"><aside class="help-strip" aria-label="Help now">${helpStripHtml}</aside></div></footer>
</body>
</html>
`;
}
