import * as z from 'zod';
import { areaCodePattern } from '../../referral/answer-rules.ts';
import { harms } from '../../referral/vocabulary.ts';
import { isoDate, line, webAddress } from './common.ts';

/**
 * The schema for one police force area's record in `content/areas/<ONS code>.json`.
 * Every field carries a comment: this file is the reference for anyone editing an area.
 * The build stops with a message naming the file and the field if a record breaks a rule.
 */

/** Points at one entry of `sources` by its `id`. */
const sourceRef = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  error: 'must be the id of one of this area’s sources (lower-case letters, digits and dashes)',
});

export const sourceSchema = z.strictObject({
  /** Short id that contact details use to point at this source, e.g. `pcc-2024`. */
  id: sourceRef,
  /** Address of the page. */
  url: webAddress,
  /** Title of the page, as the page gives it. */
  title: line(200),
  /** When the page says it was published or updated, in its own words ("November 2024"), or "undated". */
  published: line(100),
  /** The date we read the page (YYYY-MM-DD). */
  seen: isoDate,
  /**
   * How far this source supports what it is cited for (see `confidence` below for the levels). Leave
   * it out where the area's own confidence applies.
   */
  confidence: z.enum(['high', 'medium', 'low']).optional(),
});

/** A caution shown beside a contact detail, e.g. "From a 2015 page: it may have changed." */
const caution = line(160).optional();

export const phoneSchema = z.strictObject({
  /** The number as people dial it, spaced for reading aloud, e.g. `07377 800254`. */
  number: z.string().regex(/^0[0-9 ]{9,13}$/, {
    error: 'must be a UK number starting with 0, written with digits and spaces only',
  }),
  /** What the number is for, e.g. "Restorative justice team". */
  label: line(80),
  /** Id of the source that shows this number. */
  source: sourceRef,
  caution,
});

export const emailSchema = z.strictObject({
  /** The address, e.g. `info@restorativenotts.org.uk`. Never a named person’s own address. */
  address: z.email({ error: 'must be an email address' }),
  /** What the address is for, e.g. "Restorative justice team". */
  label: line(80),
  /** Id of the source that shows this address. */
  source: sourceRef,
  caution,
});

export const linkSchema = z.strictObject({
  /** The web address. */
  url: webAddress,
  /** The link text people see, e.g. "Restorative Cleveland website". */
  label: line(80),
  /** Id of the source that shows this address (often the page itself). */
  source: sourceRef,
  caution,
});

export const commissionerKinds = ['PCC', 'PFCC', 'Mayor', 'City of London'] as const;

export const commissionerSchema = z.strictObject({
  /**
   * Who holds the police and crime commissioner’s duties here: a Police and Crime Commissioner (`PCC`),
   * a Police, Fire and Crime Commissioner (`PFCC`), a `Mayor`, or the `City of London` Corporation.
   */
  kind: z.enum(commissionerKinds, { error: `must be one of ${commissionerKinds.join(', ')}` }),
  /** The office’s name, e.g. "Merseyside Police and Crime Commissioner" (the office, not the person). */
  name: line(120),
  /** The office’s website, when a source shows it. */
  website: linkSchema.optional(),
  /** The office’s own page about restorative justice, when there is one. */
  rjPage: linkSchema.optional(),
});

export const providerSchema = z.strictObject({
  /** The organisation that delivers restorative justice here, e.g. "Remedi". */
  name: line(120),
  /** The service’s own name when it differs, e.g. "Restorative Nottinghamshire". */
  service: line(120).optional(),
  /** One or two plain sentences on who runs it and what it offers. */
  summary: z.string().trim().min(1).max(600),
  /** Id of the source that shows this organisation provides the service. */
  source: sourceRef,
  /** The service’s website. */
  website: linkSchema.optional(),
  /** Phone numbers the public can call. */
  phones: z.array(phoneSchema).default([]),
  /** Email addresses the public can write to. */
  emails: z.array(emailSchema).default([]),
  /** A page where people can refer themselves. */
  selfReferral: linkSchema.optional(),
  /** Who the service works with, only where a source says so. */
  worksWith: z
    .strictObject({
      /** The service says it works with adults (people aged 18 or over) only. */
      adultsOnly: z.boolean(),
      /** Id of the source that says so. */
      source: sourceRef,
    })
    .optional(),
  /** Whether the service takes requests from the person responsible for the harm, only where a source says so. */
  responsibleReferrals: z
    .strictObject({
      /** The service takes requests from people responsible for harm. */
      accepted: z.boolean(),
      /** Kinds of harm for which it does not (the person harmed must be the one who asks). */
      exceptFor: z.array(z.enum(harms)).default([]),
      /** Id of the source that says so. */
      source: sourceRef,
    })
    .optional(),
});

export const regions = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
  'Wales',
] as const;

export const confidenceLevels = ['high', 'medium', 'low'] as const;

export const areaSchema = z
  .strictObject({
    /** ONS police force area code (PFA23CD), e.g. `E23000004`. The file is named after it. */
    code: z.string().regex(areaCodePattern, {
      error: 'must be an ONS police force area code such as E23000004 or W15000001',
    }),
    /** The name people know, e.g. "Merseyside". */
    name: line(60),
    /** The name in the ONS lookup files (PFA23NM), e.g. "Devon & Cornwall". Used to match the data. */
    onsName: line(60),
    /** The last part of the page address, e.g. `merseyside` gives /areas/merseyside/. */
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'must be lower-case words joined by dashes, e.g. devon-and-cornwall',
    }),
    /** The English region, or Wales, that the areas list groups this area under. */
    region: z.enum(regions, { error: `must be one of: ${regions.join('; ')}` }),
    /** Who commissions (pays for) victims’ services, including restorative justice. */
    commissioner: commissionerSchema,
    /** The current restorative justice provider, or `null` when we know of none. */
    provider: providerSchema.nullable(),
    /**
     * The inbox that may receive online referrals from this site, with the source that shows it.
     * Only where a source shows it; `null` means the site shows contacts instead of sending.
     */
    referralEmail: z
      .strictObject({
        /** The inbox address. */
        address: z.email({ error: 'must be an email address' }),
        /** Id of the source that shows this inbox. */
        source: sourceRef,
        /**
         * The date (YYYY-MM-DD) the provider confirmed in writing that this inbox takes referrals
         * from this site (after `npm run referral:test`), or `null`: not confirmed yet.
         */
        confirmed: isoDate.nullable(),
        /**
         * Whether the provider needs referrals by a secure route: `unknown` until they say; `none` when
         * ordinary email is fine; `cjsm` when they require Criminal Justice Secure eMail, which this
         * site cannot send, so referrals take the national route instead.
         */
        secureRoute: z.enum(['unknown', 'none', 'cjsm']),
        /** A source shows a CJSM (secure) version of this inbox, for professionals who use CJSM. */
        cjsmShown: z.boolean().default(false),
      })
      .nullable(),
    /** Plain-English notes for people in this area: history, how the service works here, limits. */
    notes: z.array(z.string().trim().min(1).max(600)).default([]),
    /** Every page that the facts above come from. */
    sources: z.array(sourceSchema).min(1, { error: 'must list at least one source' }),
    /** The date someone last checked this record against its sources (YYYY-MM-DD). */
    checked: isoDate,
    /**
     * How sure we are about the provider: `high` (a current official page), `medium` (official but
     * older or undated, or a secondary source), `low` (old, indirect, or no provider found).
     */
    confidence: z.enum(confidenceLevels, { error: 'must be high, medium or low' }),
  })
  .superRefine((area, ctx) => {
    const ids = new Set(area.sources.map((source) => source.id));
    if (ids.size !== area.sources.length) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'two sources share an id' });
    }
    for (const { path, id } of sourceReferences(area)) {
      if (!ids.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `points at source "${id}", which is not in this area’s sources`,
        });
      }
    }
    if (area.referralEmail && !area.provider) {
      ctx.addIssue({
        code: 'custom',
        path: ['referralEmail'],
        message: 'needs a provider: referrals go to a named provider',
      });
    }
  });

type SourceReference = { path: (string | number)[]; id: string };

/** Every place in a record that points at a source, with its path for error messages. */
function sourceReferences(area: z.input<typeof areaSchema>): SourceReference[] {
  const refs: SourceReference[] = [];
  const { commissioner, provider, referralEmail } = area;
  if (commissioner.website) refs.push({ path: ['commissioner', 'website', 'source'], id: commissioner.website.source });
  if (commissioner.rjPage) refs.push({ path: ['commissioner', 'rjPage', 'source'], id: commissioner.rjPage.source });
  if (referralEmail) refs.push({ path: ['referralEmail', 'source'], id: referralEmail.source });
  if (!provider) return refs;
  if (provider.worksWith) refs.push({ path: ['provider', 'worksWith', 'source'], id: provider.worksWith.source });
  if (provider.responsibleReferrals) refs.push({ path: ['provider', 'responsibleReferrals', 'source'], id: provider.responsibleReferrals.source });
  refs.push({ path: ['provider', 'source'], id: provider.source });
  if (provider.website) refs.push({ path: ['provider', 'website', 'source'], id: provider.website.source });
  if (provider.selfReferral) refs.push({ path: ['provider', 'selfReferral', 'source'], id: provider.selfReferral.source });
  (provider.phones ?? []).forEach((phone, i) => refs.push({ path: ['provider', 'phones', i, 'source'], id: phone.source }));
  (provider.emails ?? []).forEach((email, i) => refs.push({ path: ['provider', 'emails', i, 'source'], id: email.source }));
  return refs;
}

export type AreaInput = z.input<typeof areaSchema>;
export type Area = z.output<typeof areaSchema>;
export type Provider = z.output<typeof providerSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Region = (typeof regions)[number];
