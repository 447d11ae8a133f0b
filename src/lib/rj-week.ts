/**
 * Restorative Justice Week by rule: it starts on the third Sunday of November and runs to the
 * Saturday after, from Sunday 00:00 to Saturday 23:59:59 London time. The build and the site script
 * both use this module, so it stays small and has no dependencies.
 *
 * Times are compared as London wall-clock strings ("2026-11-21T23:59"): the browser's own time zone
 * database turns an instant into London time, so GMT and BST need no offsets of our own, and ISO
 * strings of the same shape sort in time order.
 */

/** One year's week, as London calendar dates (YYYY-MM-DD). */
export type RjWeek = { year: number; start: string; end: string };

/** Where an instant falls against its London year's week. */
export type RjWeekState = 'before' | 'during' | 'after';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The week in `year`: the third Sunday of November (always the 15th to the 21st) to the Saturday after. */
export function rjWeek(year: number): RjWeek {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const start = 1 + ((7 - firstWeekday) % 7) + 14;
  return { year, start: `${year}-11-${pad(start)}`, end: `${year}-11-${pad(start + 6)}` };
}

// Made on first use, not when the module loads: the site script imports this module beside the quick
// exit, and a browser without time zone data must not stop the quick exit from loading.
let london: Intl.DateTimeFormat | undefined;
const londonFormat = (): Intl.DateTimeFormat =>
  (london ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    // h23, not hour12: false, which some engines print as "24" at midnight.
    hourCycle: 'h23',
  }));

/** The London wall-clock time of an instant, to the minute: "2026-11-21T23:59". */
export function londonDateTime(instant: Date): string {
  const part: Record<string, string> = {};
  for (const { type, value } of londonFormat().formatToParts(instant)) part[type] = value;
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

/** Whether an instant is before, during or after the week of its own London year. */
export function rjWeekState(instant: Date): RjWeekState {
  const date = londonDateTime(instant).slice(0, 10);
  const week = rjWeek(Number(date.slice(0, 4)));
  if (date < week.start) return 'before';
  return date > week.end ? 'after' : 'during';
}

/**
 * The week pages speak of: this year's until it has ended, then next year's. So from Sunday 00:00
 * after the week, "the next Restorative Justice Week" means next November.
 */
export function upcomingRjWeek(instant: Date): RjWeek {
  const year = Number(londonDateTime(instant).slice(0, 4));
  return rjWeekState(instant) === 'after' ? rjWeek(year + 1) : rjWeek(year);
}

/** Words for a week's dates, to fill `{start}`, `{end}`, `{year}` and `{dates}` in content. */
export function rjWeekWords(week: RjWeek): Record<'start' | 'end' | 'year' | 'dates', string> {
  // The week always runs from a Sunday to a Saturday in November, so no date formatter is needed
  // (and none whose commas differ from one browser to the next).
  const first = Number(week.start.slice(8));
  const last = Number(week.end.slice(8));
  return {
    start: `Sunday ${first} November`,
    end: `Saturday ${last} November ${week.year}`,
    year: String(week.year),
    dates: `${first} to ${last} November ${week.year}`,
  };
}
