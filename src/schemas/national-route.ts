import * as z from 'zod';
import { isoDate, line, webAddress } from './common.ts';

/**
 * The national safety-net route, `content/referral/national-route.json`: where a referral goes when
 * the person's area has no online route of its own. The words are in content/locales/<locale>/.
 */
export const nationalRouteSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Whether the route is offered. A deployment can switch it off with NATIONAL_ROUTE=off. */
  enabled: z.boolean(),
  recipient: z.strictObject({
    /** The organisation's name, as the person and the provider read it, e.g. "Why me?". */
    name: line(80),
    /** Who they are, in a few words, to follow the name: "the national restorative justice charity". */
    description: line(120),
    /** The inbox referrals are sent to; it must be shown by one of the sources below. */
    email: z.email(),
    /** Their website. */
    website: webAddress,
  }),
  /** The pages that show this service and its inbox. */
  sources: z
    .array(
      z.strictObject({
        url: webAddress,
        title: line(200),
        /** The date the page shows, in its own words, or "undated". */
        published: line(100),
        /** The date we read it (YYYY-MM-DD). */
        seen: isoDate,
        /** What the page says that this route rests on. */
        supports: z.string().trim().min(1).max(600),
      }),
    )
    .min(1),
  /** The date the organisation confirmed in writing that it takes referrals from this site, or null: not yet. */
  confirmed: isoDate.nullable(),
  /** When someone last checked this against its sources. */
  checked: isoDate,
});

export type NationalRoute = z.output<typeof nationalRouteSchema>;
