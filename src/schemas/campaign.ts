import * as z from 'zod';
import { line } from './common.ts';

/**
 * The Restorative Justice Week campaign's words, in `content/campaign/rj-week.json`. Change the
 * wording there; the pages, posters, leaflets, posts, banner and share cards pick it up at the next
 * build. Words in `{braces}` are filled in by the site, and each field says which it may use:
 * `{start}` "Sunday 15 November", `{end}` "Saturday 21 November 2026", `{year}` "2026",
 * `{dates}` "15 to 21 November 2026", `{area}` "Merseyside", `{provider}` "Restorative Solutions",
 * `{commissioner}` the commissioner’s office, `{link}` the page’s address, `{date}` a checked date.
 * A name the field cannot use stops the build and says which.
 */

/** A paragraph: plain text, no line breaks, at most 600 characters. */
const paragraph = line(600);

/** A post for social media: `{link}` and the hashtag count towards X’s 280 characters. */
const postSchema = z.strictObject({
  /** The label above the post, e.g. "Post 1: what the week is". May use `{area}`. */
  label: line(80),
  /** The post. May use `{dates}`, `{link}`, and on area pages `{area}` and `{provider}`; `{evidence}` with `evidence`. */
  text: line(400),
  /** Optional: the id of a figure in content/evidence.json; `{evidence}` becomes its short form, with its source. */
  evidence: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

const cardSchema = z.strictObject({
  /** The small line at the top of the share card. May use `{dates}`. */
  kicker: line(60),
  /** The large words on the card. Keep it to about 60 characters so it stays readable as a thumbnail. May use `{area}`. */
  title: line(80),
  /** One short line under the title. */
  subtitle: line(100),
});

export const campaignSchema = z.strictObject({
  /** The campaign page /rj-week/: its heading (h1) and one sentence for search results and link previews. */
  page: z.strictObject({ title: line(90), description: line(160) }),
  /** The sentence with the dates: `upcoming` before the week (and after it, for next year’s), `now` during it. Use `{start}`, `{end}`, `{year}`. */
  dates: z.strictObject({ upcoming: line(200), now: line(200) }),
  /** What the week is: one or more short paragraphs. */
  about: z.array(paragraph).min(1),
  /** What restorative justice is, in exactly three sentences, and the label of the link to read more. */
  whatIs: z.strictObject({
    heading: line(80),
    sentences: z.tuple([paragraph, paragraph, paragraph]),
    more: line(80),
  }),
  /** The figures shown: ids in content/evidence.json (each shows with its source and caveat). */
  evidence: z.strictObject({
    heading: line(80),
    intro: paragraph,
    ids: z
      .array(z.string().regex(/^[a-z0-9-]+$/))
      .min(1)
      .max(3),
    more: line(80),
  }),
  /** The "find your area" section and its button. */
  findArea: z.strictObject({ heading: line(80), text: paragraph, button: line(40) }),
  /** The "talk it through" section and its button. */
  talk: z.strictObject({ heading: line(80), text: paragraph, button: line(40) }),
  /** The list of areas, each with its page, poster and leaflet; `poster` and `leaflet` are the link words. */
  areas: z.strictObject({
    heading: line(80),
    intro: paragraph,
    poster: line(30),
    leaflet: line(30),
  }),
  /** Share links: the words shared (`text`, `emailSubject`), a safety note, and each link’s words. */
  share: z.strictObject({
    heading: line(80),
    safety: paragraph,
    /** The button shown where the browser can share by itself. */
    button: line(40),
    text: line(200),
    emailSubject: line(80),
    facebook: line(40),
    x: line(40),
    whatsapp: line(40),
    email: line(40),
  }),
  /** Posts to copy on the campaign page. */
  posts: z.strictObject({ heading: line(80), intro: paragraph, items: z.array(postSchema).min(1) }),
  /** The share card download on the campaign page. */
  downloads: z.strictObject({ heading: line(80), card: line(100) }),
  /** Each area’s campaign page /rj-week/<area>/. `{area}` works in every field; `{commissioner}` in `noProvider`; `{date}` in `eventChecked`. */
  area: z.strictObject({
    title: line(90),
    description: line(160),
    contactHeading: line(80),
    /** Shown where we know of no provider: point to the commissioner and the national services. */
    noProvider: paragraph,
    eventsHeading: line(80),
    /** Shown when no event is listed for the area (or every listed event has ended). */
    noEvents: paragraph,
    eventSource: line(60),
    eventChecked: line(60),
    eventLink: line(60),
    talk: paragraph,
    downloadsHeading: line(80),
    poster: line(100),
    leaflet: line(100),
    card: line(100),
    /** The words shared by the area page’s share links. */
    shareText: line(200),
    /** Posts to copy where the area has a provider (`{provider}` is its name). */
    posts: z.array(postSchema).min(1),
    /** Posts to copy where we know of no provider. */
    postsNoProvider: z.array(postSchema).min(1),
  }),
  /** The message at the top of every page during the week only, linking to /rj-week/. */
  banner: z.strictObject({
    /** The name screen readers give the message. */
    label: line(60),
    text: line(120),
    link: line(100),
    /** The button that hides the message for this page view. */
    hide: line(40),
  }),
  /**
   * The pictures that link previews show (1200 by 630 pixels): one for the campaign page, one per area.
   * The home page's card uses the home page's own title and description under `homeKicker`.
   */
  shareCards: z.strictObject({ homeKicker: line(60), campaign: cardSchema, area: cardSchema }),
  /**
   * Posters (one side of A4) and leaflets (two sides of A5), read by people passing by: short
   * sentences, everyday words (a reading age of 11 or below). No sources, dates or caveats on the
   * sheet: the QR code leads to the area's page, which has them. The contacts come from the area's
   * data (the provider's first phone number only, and on leaflets its first email and its website),
   * or Victim Support's Supportline from content/helplines.json where there is no provider or no phone.
   */
  print: z.strictObject({
    /** On screen only: how to print. May use `{sheet}` ("poster" or "leaflet") and `{paper}` ("A4" or "both sides of A5"). */
    screenIntro: paragraph,
    /** The page's heading on screen. May use `{area}`. */
    posterTitle: line(90),
    leafletTitle: line(90),
    /** The one line read from across a room. Keep it to about 20 characters. */
    headline: line(30),
    /** One line under the headline. */
    subhead: line(60),
    /** What restorative justice is, in exactly three short lines (each one short sentence or two). */
    lines: z.tuple([line(60), line(60), line(60)]),
    /** The heading over the contacts. May use `{area}` and `{provider}` (the service’s own name, or its provider’s). */
    contactHeading: line(100),
    /** On leaflets, under `contactHeading`, where the service has its own name. May use `{organisation}` (who runs it). */
    runBy: line(100),
    /**
     * The heading where we know of no provider, or no phone number or short web address for it:
     * Victim Support’s number follows. May use `{area}` and `{helpline}`.
     */
    noProviderHeading: line(100),
    /** On leaflets, under `noProviderHeading`, where there is a provider. May use `{area}` and `{organisation}`. */
    runsHere: line(160),
    /** On leaflets, before Victim Support’s number, where the provider has an email or web address but no phone. May use `{helpline}`. */
    noPhone: line(100),
    /** The labels of the leaflet’s contacts. */
    phone: line(20),
    email: line(20),
    website: line(20),
    /** Beside the QR code. */
    scan: line(80),
    /** Before the address printed under the QR code, for people who cannot scan. */
    address: line(40),
    /** On the back of the leaflet: what happens if you get in touch, in three or four short points. */
    stepsHeading: line(60),
    steps: z.array(line(90)).min(3).max(4),
    /** On the back of the leaflet: help now. `emergency` uses `{number}` (999); `helpline` uses `{helpline}`, `{number}` and `{hours}`. */
    helpHeading: line(60),
    emergency: line(100),
    helpline: line(160),
  }),
});

export type CampaignInput = z.input<typeof campaignSchema>;
export type Campaign = z.output<typeof campaignSchema>;
export type CampaignPost = z.output<typeof postSchema>;
export type ShareCardWords = z.output<typeof cardSchema>;
