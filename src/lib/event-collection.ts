import { getCollection } from 'astro:content';
import type { RjEvent } from '../schemas/event.ts';

let events: Promise<RjEvent[]> | undefined;

/**
 * Every event in content/events/, read once per build (Astro warns on each read of an empty
 * collection, and the folder is often empty). Kept apart from lib/events.ts, which the site script uses.
 */
export function allEvents(): Promise<RjEvent[]> {
  events ??= getCollection('events').then((entries) => entries.map((entry) => entry.data));
  return events;
}
