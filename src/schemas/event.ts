import * as z from 'zod';
import { areaCodePattern } from '../../referral/answer-rules.ts';
import { areaByCode } from '../lib/areas.ts';
import { isoDate, line, webAddress } from './common.ts';

/**
 * One local Restorative Justice Week event in `content/events/<name>.json`. Every field carries a
 * comment: this file is the reference for anyone adding an event. Only add an event that a public
 * page shows, and name that page in `source`. The event leaves the site once its `end` has passed.
 */

/** A London date and time to the minute, as an event's own page gives it: `2026-11-17T10:00`. */
const londonTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    error: 'must be a London date and time written as YYYY-MM-DDTHH:MM, e.g. 2026-11-17T10:00',
  });

export const eventSchema = z
  .strictObject({
    /** ONS code of the police force area the event is in, e.g. `E23000004` (Merseyside). */
    area: z.string().regex(areaCodePattern, {
      error: 'must be an ONS police force area code such as E23000004 or W15000001',
    }),
    /** The event’s name, as its organiser gives it, e.g. "Restorative justice drop-in". */
    title: line(120),
    /** Optional: one or two plain sentences on what happens and who it is for. */
    summary: line(300).optional(),
    /** When it starts, London time (YYYY-MM-DDTHH:MM). */
    start: londonTime,
    /** When it ends, London time (YYYY-MM-DDTHH:MM). From this minute on, the event is not shown. */
    end: londonTime,
    /** Where it is held, as people would find it, e.g. "Central Library, William Brown Street, Liverpool". Leave out for an online-only event. */
    place: line(200).optional(),
    /** `true` when people can join online (as well as, or instead of, at the place). Default `false`. */
    online: z.boolean().default(false),
    /** Optional: the page where people find out more or book, when it is not the source page. */
    link: webAddress.optional(),
    /** The public page that shows this event: its title as the page gives it, and its address. */
    source: z.strictObject({ title: line(200), url: webAddress }),
    /** The date someone last checked the event against its source (YYYY-MM-DD). */
    checked: isoDate,
  })
  .superRefine((event, ctx) => {
    if (!areaByCode(event.area)) {
      ctx.addIssue({
        code: 'custom',
        path: ['area'],
        message: 'is not the code of one of the 43 police force areas',
      });
    }
    if (event.end <= event.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    }
    if (!event.place && !event.online) {
      ctx.addIssue({
        code: 'custom',
        path: ['place'],
        message: 'give a place, or set online to true',
      });
    }
  });

export type EventInput = z.input<typeof eventSchema>;
export type RjEvent = z.output<typeof eventSchema>;
