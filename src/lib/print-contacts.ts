import type { Area } from '../schemas/area.ts';
import type { Helpline } from '../schemas/helpline.ts';
import { campaign } from './campaign.ts';
import { phoneText, telHref } from './format.ts';
import { fill } from './words.ts';

/** One contact on a poster or leaflet: what it is, what to dial or type, and its link on screen. */
export type PrintContact = { label: string; value: string; href: string };

/**
 * Who to contact, as a printed sheet shows it: a heading, perhaps a line about who runs the service,
 * the one number to call, and on leaflets the provider's email address and website.
 */
export type SheetContacts = {
  /** The heading: "In Merseyside, contact Restorative Justice Service for Merseyside". */
  heading: string;
  /** On leaflets: who runs the service ("It is run by Remedi.", "Remedi runs restorative justice in Cheshire."). */
  about?: string;
  /** On leaflets: the provider's first email address and its website, exactly as the area's data has them. */
  more: PrintContact[];
  /** On leaflets, words before the helpline's number where the provider has an email or website but no phone. */
  before?: string;
  /** The one number to call: the provider's first phone, or else the national helpline's. */
  phone: PrintContact;
  /** True when `phone` is the national helpline's. */
  national: boolean;
  /** The helpline's hours and cost, when `phone` is the helpline's ("Free, 24 hours a day, every day"). */
  hours?: string;
};

/** A phone number as printed: its spaces made non-breaking, so it never wraps across lines. */

/** A web address as people type it: no `https://`, and no slash after a bare host name. */
export const typedAddress = (url: string): string =>
  url.replace(/^https?:\/\//, '').replace(/^([^/]+)\/$/, '$1');

/**
 * The address printed under a sheet's QR code, for people who cannot scan: the site's own page, as
 * short as it can be typed (no `https://`, no `www.`, no slash at the end), e.g. `example.org/areas/kent`.
 */
export const shortAddress = (url: string): string =>
  url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');

/**
 * A web page longer than this, typed, does not go on a leaflet: nobody types it. The QR code and the
 * address under it lead to the area's page, which links to it.
 */
export const longestPrintedAddress = 64;

/** The national line a sheet falls back to where an area has no provider, or no provider's phone. */
export const nationalHelplineId = 'victim-support';

function helpline(helplines: readonly Helpline[], id: string): Helpline & { number: string } {
  const line = helplines.find((item) => item.id === id);
  if (!line?.number) throw new Error(`content/helplines.json has no number for "${id}"`);
  return { ...line, number: line.number };
}

/** The name a sheet gives the provider: the service's own name where it has one, as the area page does. */
export const providerName = (provider: NonNullable<Area['provider']>): string =>
  provider.service ?? provider.name;

/**
 * The area's provider and its main phone number: the first in the area's data, never a second one.
 * Where we know of no provider, or no phone number for it, Victim Support's Supportline from
 * content/helplines.json instead: a poster then gives that line only; a leaflet still says who runs
 * the service, with its email address and website where the data has them. Nothing is added that
 * the data does not have.
 */
export function sheetContacts(
  area: Area,
  helplines: readonly Helpline[],
  kind: 'poster' | 'leaflet',
): SheetContacts {
  const words = campaign.print;
  const { provider } = area;
  const national = helpline(helplines, nationalHelplineId);
  const main = provider?.phones[0];
  if (provider && main) {
    return {
      heading: fill(words.contactHeading, { area: area.name, provider: providerName(provider) }),
      about: kind === 'leaflet' ? runBy(provider) : undefined,
      more: kind === 'leaflet' ? providerLinks(provider) : [],
      phone: { label: words.phone, value: phoneText(main.number), href: telHref(main.number) },
      national: false,
    };
  }
  const helplineContact = {
    phone: { label: words.phone, value: phoneText(national.number), href: telHref(national.number) },
    national: true,
    hours: national.hours,
  };
  const more = provider && kind === 'leaflet' ? providerLinks(provider) : [];
  if (provider && more.length > 0) {
    return {
      heading: fill(words.contactHeading, { area: area.name, provider: providerName(provider) }),
      about: runBy(provider),
      more,
      before: fill(words.noPhone, { helpline: national.name }),
      ...helplineContact,
    };
  }
  return {
    heading: fill(words.noProviderHeading, { area: area.name, helpline: national.name }),
    about:
      provider && kind === 'leaflet'
        ? fill(words.runsHere, { area: area.name, organisation: provider.name })
        : undefined,
    more: [],
    ...helplineContact,
  };
}

/** "It is run by Remedi.", where the service has a name of its own. */
function runBy(provider: NonNullable<Area['provider']>): string | undefined {
  return provider.service && provider.service !== provider.name
    ? fill(campaign.print.runBy, { organisation: provider.name })
    : undefined;
}

/** The provider's first email address, and its website (or else its self-referral page) if short enough to type. */
function providerLinks(provider: NonNullable<Area['provider']>): PrintContact[] {
  const words = campaign.print;
  const email = provider.emails[0];
  const page = [provider.website, provider.selfReferral].find(
    (link) => link && typedAddress(link.url).length <= longestPrintedAddress,
  );
  return [
    ...(email ? [{ label: words.email, value: email.address, href: `mailto:${email.address}` }] : []),
    ...(page ? [{ label: words.website, value: typedAddress(page.url), href: page.url }] : []),
  ];
}

/** One line under "Help now": the words around the number, the number, and its link. */
export type HelpLine = { before: string; number: string; href: string; after: string };

/** Fills `template`, splitting it at `{number}` so the number can be shown on its own. */
function aroundNumber(template: string, values: Record<string, string>, number: string): HelpLine {
  const [before = '', after = ''] = template.split('{number}');
  return { before: fill(before, values), number: phoneText(number), href: telHref(number), after: fill(after, values) };
}

/**
 * "Help now" on a leaflet: 999 in an emergency, then Victim Support's Supportline, unless the
 * contacts above already give its number.
 */
export function helpNow(contacts: SheetContacts, helplines: readonly Helpline[]): HelpLine[] {
  const words = campaign.print;
  const emergency = helpline(helplines, 'emergency');
  const national = helpline(helplines, nationalHelplineId);
  return [
    aroundNumber(words.emergency, {}, emergency.number),
    ...(contacts.national
      ? []
      : [
          aroundNumber(
            words.helpline,
            { helpline: national.name, hours: national.hours ?? '' },
            national.number,
          ),
        ]),
  ];
}
