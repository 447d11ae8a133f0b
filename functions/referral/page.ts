import email from '../../content/referral/email.json' with { type: 'json' };
import helplines from '../../content/helplines.json' with { type: 'json' };
import { areaByCode, areasByRegion } from '../../src/lib/areas.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { chatWords } from '../../src/lib/chat-words.ts';
import { renderReferralForm, type FormIssue, type FormValues } from '../../src/lib/referral-form.ts';
import { quickExitUrl, siteName } from '../../src/lib/site.ts';
import { telHref } from '../../src/lib/format.ts';
import { helpStripHtml } from '../../src/lib/help-strip.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { areaPath } from '../../src/lib/paths.ts';
import { fill, lookup } from '../../src/lib/words.ts';

/**
 * The pages the function answers a no-JavaScript form post with: sent, a problem to correct (the form
 * again, with the answers and an error beside each field), could not send yet (the form again, to
 * send when ready), or use the contacts. Plain HTML with the site's stylesheet and no script at all.
 */
export type PageOutcome =
  | { kind: 'sent'; reference: string; area?: string; unconfirmed?: boolean }
  | { kind: 'problem'; values: FormValues; issues: FormIssue[] }
  /** The answers are complete: the form again, to check, with the token that lets it send. */
  | { kind: 'check'; values: FormValues; token: string; area?: string }
  | { kind: 'unavailable'; values: FormValues; area?: string; busy?: boolean }
  /** Too many requests from this connection: the answers could not be read back, so say how to keep them. */
  | { kind: 'busy' }
  | { kind: 'not-accepting'; area?: string }
  | { kind: 'error' };

const formAreas = areasByRegion().flatMap(({ region, areas }) => areas.map((area) => ({ code: area.code, name: area.name, region })));
const w = (key: string, vars: Record<string, string> = {}) => escapeHtml(fill(lookup(chatWords, key) ?? `[${key}]`, vars));

export function renderPage(outcome: PageOutcome): string {
  const facts = 'area' in outcome && outcome.area ? areaByCode(outcome.area) : undefined;
  const area = facts ? toAreaFacts(facts) : undefined;
  const provider = area?.provider?.name ?? '';
  switch (outcome.kind) {
    case 'sent':
      return document(w('form.result.sentTitle'), [
        `<div class="panel panel--success"><p>${w(outcome.unconfirmed ? 'form.result.unconfirmedIntro' : 'form.result.sentIntro', { provider: provider || 'the service', reference: outcome.reference })}</p></div>`,
        `<h2>${w('form.result.nextHeading')}</h2><ul>${email.nextSteps.map((step) => `<li>${escapeHtml(fill(step, { provider: provider || 'The service', reference: outcome.reference }))}</li>`).join('')}</ul>`,
        contacts(area, w('form.result.contactsHeading')),
        `<p>${w('form.result.forget')}</p>`,
      ]);
    case 'problem':
      return document(w('form.result.problemTitle'), [`<p>${w('form.result.problemIntro')}</p>`, renderReferralForm({ words: chatWords, areas: formAreas, values: outcome.values, issues: outcome.issues })]);
    case 'check':
      return document(w('form.result.checkTitle'), [
        `<p>${w('form.result.checkIntro', { provider: provider || 'the service' })}</p>`,
        renderReferralForm({ words: chatWords, areas: formAreas, values: outcome.values, token: outcome.token }),
      ]);
    case 'busy':
      return document(w('form.result.busyTitle'), [`<p>${w('form.result.busyKeep')}</p>`]);
    case 'unavailable':
      return document(w('form.result.unavailableTitle'), [
        `<p>${outcome.busy ? w('form.result.busyIntro') : w('form.result.unavailableIntro', { provider: provider || 'the service' })}</p>`,
        contacts(area, w('form.result.contactsHeading')),
        renderReferralForm({ words: chatWords, areas: formAreas, values: outcome.values }),
      ]);
    case 'not-accepting':
      return document(w('form.result.notAcceptingTitle'), [
        `<p>${area?.provider ? w('form.result.notAcceptingIntro', { provider }) : w('form.result.noProviderIntro', { area: area?.name ?? '' })}</p>`,
        contacts(area, w('outcome.contactsHeading')),
      ]);
    case 'error':
      return document(w('form.result.errorTitle'), [`<p>${w('form.result.errorIntro')}</p>`]);
  }
}

function contacts(area: ReturnType<typeof toAreaFacts> | undefined, heading: string): string {
  if (!area) return '';
  const provider = area.provider;
  const national = helplines.filter((line) => line.id === 'victim-support' || line.id === 'why-me');
  const items = provider
    ? [
        ...provider.phones.map((phone) => `<li>${escapeHtml(phone.label)}: <a href="${telHref(phone.number)}">${escapeHtml(phone.number)}</a></li>`),
        ...provider.emails.map((mail) => `<li>${escapeHtml(mail.label)}: <a href="mailto:${escapeHtml(mail.address)}">${escapeHtml(mail.address)}</a></li>`),
        ...(provider.website ? [`<li><a href="${escapeHtml(provider.website.url)}">${escapeHtml(provider.website.label)}</a></li>`] : []),
      ]
    : national.map((line) => `<li><strong>${escapeHtml(line.name)}</strong>${'number' in line && line.number ? `: <a href="${telHref(line.number)}">${escapeHtml(line.number)}</a>` : ''}${'email' in line && line.email ? `: <a href="mailto:${escapeHtml(line.email)}">${escapeHtml(line.email)}</a>` : ''}</li>`);
  return `<div class="area-card"><h2>${heading}</h2>${provider ? `<p><strong>${escapeHtml(provider.service ?? provider.name)}</strong></p>` : ''}<ul class="contact-list">${items.join('')}</ul><p><a href="${areaPath(area)}">${w('outcome.areaPage', { area: area.name })}</a></p></div>`;
}

function document(title: string, body: string[]): string {
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
<div class="exit-bar"><a class="exit-button" href="${escapeHtml(quickExitUrl)}" rel="noreferrer"><span class="visually-hidden">Emergency: </span>Exit this page</a></div>
<header class="site-header"><div class="width-container site-header__inner"><a class="site-name" href="/">${escapeHtml(siteName)}</a></div></header>
<main id="main-content" class="width-container" tabindex="-1">
<h1>${title}</h1>
${body.join('\n')}
<p><a href="/talk-it-through/">${w('form.result.back')}</a></p>
</main>
<footer class="site-footer"><div class="width-container"><aside class="help-strip" aria-label="Help now">${helpStripHtml}</aside></div></footer>
</body>
</html>
`;
}
