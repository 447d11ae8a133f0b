import { hasEnded } from '../lib/events.ts';

/**
 * Hides events that have ended since the site was built (the build already leaves out those that
 * had ended by then). When none is left, says so instead of showing an empty list.
 */
export function hideEndedEvents(now: Date): void {
  const items = [...document.querySelectorAll<HTMLElement>('[data-event-end]')];
  if (items.length === 0) return;
  for (const item of items)
    if (hasEnded({ end: item.dataset.eventEnd ?? '' }, now)) item.hidden = true;
  if (items.every((item) => item.hidden)) {
    document.querySelector('[data-events]')?.setAttribute('hidden', '');
    document.querySelector('[data-no-events]')?.removeAttribute('hidden');
  }
}
