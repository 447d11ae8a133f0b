import { rjWeekState, rjWeekWords, upcomingRjWeek } from '../lib/rj-week.ts';

/**
 * During Restorative Justice Week (London time), shows the banner that every page carries hidden.
 * "Hide this message" hides it for this page view only: nothing is stored, so it is back on the
 * next page. Also keeps the dates on campaign pages current when the site was built a while ago.
 */
export function showRjWeek(now: Date): void {
  const during = rjWeekState(now) === 'during';
  const banner = document.querySelector<HTMLElement>('[data-rj-week-banner]');
  if (banner && during) {
    banner.hidden = false;
    banner.querySelector('[data-rj-week-hide]')?.addEventListener('click', () => {
      banner.hidden = true;
      // The focused button has gone; without this, keyboard focus would fall back to the page's start.
      document.getElementById('main-content')?.focus();
    });
  }
  const words = rjWeekWords(upcomingRjWeek(now));
  for (const element of document.querySelectorAll<HTMLElement>('[data-rj-week-dates]')) {
    const template = during ? element.dataset.now : element.dataset.upcoming;
    // Not lib/words.ts's fill: the chat imports that module too, and sharing it would split the
    // site script into two files, the quick exit then waiting for the second.
    if (template)
      element.textContent = template.replace(
        /\{(\w+)\}/g,
        (name, key: keyof typeof words) => words[key] ?? name,
      );
  }
}
