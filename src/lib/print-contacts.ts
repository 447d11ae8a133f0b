import type { Area } from '../schemas/area.ts';
import type { Helpline } from '../schemas/helpline.ts';
import { campaign } from './campaign.ts';
import { telHref } from './format.ts';
import { fill } from './words.ts';

/** One contact on a poster or leaflet: what it is, what to dial or type, and its link on screen. */
export type PrintContact = { label: string; value: string; href: string };

/** The contacts a printed sheet shows, and the sources they come from (paper cannot link to them). */
export type PrintContacts = {
  intro: string;
  contacts: PrintContact[];
  sources: string[];
  checked: string;
};

/** A web address as people type it: no `https://` or `www.`, and no slash after a bare host name. */
export const typedAddress = (url: string): string =>
  url.replace(/^https?:\/\/(www\.)?/, '').replace(/^([^/]+)\/$/, '$1');

/**
 * The area's provider's phones, emails and web addresses. Where we know of no provider, or none of
 * its contact details, Victim Support's Supportline and the commissioner's page instead. Every
 * contact comes with the title of its source.
 */
export function printContacts(area: Area, helplines: readonly Helpline[]): PrintContacts {
  const values = {
    area: area.name,
    provider: area.provider?.name ?? '',
    commissioner: area.commissioner.name,
  };
  const sourceTitle = (id: string): string =>
    area.sources.find((source) => source.id === id)?.title ?? id;
  const own = providerContacts(area);
  if (own.length > 0) {
    return {
      intro: fill(campaign.print.contactIntro, values),
      contacts: own.map(({ source, ...contact }) => contact),
      sources: [...new Set(own.map((contact) => sourceTitle(contact.source)))],
      checked: area.checked,
    };
  }
  const supportline = helplines.find((line) => line.id === 'victim-support');
  if (!supportline?.number)
    throw new Error('content/helplines.json has no number for "victim-support"');
  const page = area.commissioner.rjPage ?? area.commissioner.website;
  return {
    intro: fill(
      area.provider ? campaign.print.noContactsIntro : campaign.print.noProviderIntro,
      values,
    ),
    contacts: [
      {
        label: `${supportline.name} (${supportline.hours ?? 'free'})`,
        value: supportline.number,
        href: telHref(supportline.number),
      },
      ...(page
        ? [{ label: area.commissioner.name, value: typedAddress(page.url), href: page.url }]
        : []),
    ],
    sources: [supportline.source.title, ...(page ? [sourceTitle(page.source)] : [])],
    checked: [supportline.checked, area.checked].sort()[0] ?? area.checked,
  };
}

type SourcedContact = PrintContact & { source: string };

function providerContacts({ provider }: Area): SourcedContact[] {
  if (!provider) return [];
  const link = (
    label: string,
    entry: { url: string; source: string } | undefined,
  ): SourcedContact[] =>
    entry ? [{ label, value: typedAddress(entry.url), href: entry.url, source: entry.source }] : [];
  return [
    ...provider.phones.map((phone) => ({
      label: phone.label,
      value: phone.number,
      href: telHref(phone.number),
      source: phone.source,
    })),
    ...provider.emails.map((email) => ({
      label: email.label,
      value: email.address,
      href: `mailto:${email.address}`,
      source: email.source,
    })),
    ...link('Website', provider.website),
    ...link('Refer yourself', provider.selfReferral),
  ];
}
