import type { RjEvent } from '../schemas/event.ts';
import { londonDateTime } from './rj-week.ts';

/**
 * Local events: which to show, and how to say when and where. Event times are London wall-clock
 * strings, compared with the London time now, so the rule holds in GMT and BST alike.
 */

/** Whether the event has ended at `now`: from the minute of its `end`, it has. */
export function hasEnded(event: Pick<RjEvent, 'end'>, now: Date): boolean {
  return event.end <= londonDateTime(now);
}

/** The area's events that have not ended at `now`, soonest first. */
export function upcomingEvents(events: readonly RjEvent[], areaCode: string, now: Date): RjEvent[] {
  return events
    .filter((event) => event.area === areaCode && !hasEnded(event, now))
    .sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title, 'en-GB'));
}

/** "2026-11-17T10:00" → "Tuesday 17 November 2026". */
function dayWords(time: string): string {
  // Formatted in two parts: en-GB puts a comma after the weekday when both come from one format.
  // (No module-level formatter either: the site script imports hasEnded from this module.)
  const date = new Date(`${time.slice(0, 10)}T00:00:00Z`);
  const words = (options: Intl.DateTimeFormatOptions) =>
    date.toLocaleDateString('en-GB', { ...options, timeZone: 'UTC' });
  return `${words({ weekday: 'long' })} ${words({ day: 'numeric', month: 'long', year: 'numeric' })}`;
}

/** A time in GOV.UK style: "10am", "2:30pm", "midday", "midnight". */
export function timeWords(time: string): string {
  const [hours = 0, minutes = 0] = time.slice(11, 16).split(':').map(Number);
  if (minutes === 0 && hours === 0) return 'midnight';
  if (minutes === 0 && hours === 12) return 'midday';
  const clock = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? 'am' : 'pm';
  return minutes === 0
    ? `${clock}${suffix}`
    : `${clock}:${String(minutes).padStart(2, '0')}${suffix}`;
}

/** When an event is, in words: "Tuesday 17 November 2026, 10am to midday". */
export function eventWhen(event: Pick<RjEvent, 'start' | 'end'>): string {
  const sameDay = event.start.slice(0, 10) === event.end.slice(0, 10);
  const from = `${dayWords(event.start)}, ${timeWords(event.start)}`;
  return sameDay
    ? `${from} to ${timeWords(event.end)}`
    : `${from} to ${dayWords(event.end)}, ${timeWords(event.end)}`;
}

/** Where an event is, in words: the place, "Online", or both. */
export function eventWhere(event: Pick<RjEvent, 'place' | 'online'>): string {
  if (event.place && event.online) return `${event.place}, or online`;
  return event.place ?? 'Online';
}
