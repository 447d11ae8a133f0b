import * as z from 'zod';
import { isoDate, line, webAddress } from './common.ts';

/** One national help line in `content/helplines.json`. */
export const helplineSchema = z
  .strictObject({
  /** Stable id, e.g. `victim-support`; pages and the chat refer to a line by it. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The service’s name, e.g. "Victim Support". */
  name: line(80),
  /** When to use it, in plain words, e.g. "Free support after any crime, whether or not you reported it". */
  purpose: line(200),
  /** The number as people dial it, spaced for reading aloud, e.g. "08 08 16 89 111". */
  number: z.string().regex(/^[0-9 ]{3,16}$/).optional(),
  /** An email address, for services people write to rather than call. */
  email: z.email().optional(),
  /** Opening hours and cost, e.g. "Free, 24 hours a day". */
  hours: line(80).optional(),
  /** Other ways to reach the service: text relay, SMS, web chat, email. */
  alternatives: z.array(line(200)).default([]),
  /** Which help lists show this line: `emergency` lines come first everywhere. */
  group: z.enum(['emergency', 'support', 'specialist']),
  /** `verified` when a current official page shows the number; `check` until then (shown to readers). */
  status: z.enum(['verified', 'check']),
  /** The page that shows the number. */
  source: z.strictObject({ title: line(200), url: webAddress }),
  /** The date we last checked the number against its source (YYYY-MM-DD). */
  checked: isoDate,
  })
  .refine((line) => line.number || line.email, { error: 'needs a number or an email address' });

export type Helpline = z.output<typeof helplineSchema>;
