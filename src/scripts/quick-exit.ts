/**
 * Quick exit, on top of the plain "Exit this page" link that works without JavaScript.
 * Clicking any [data-quick-exit] link, or pressing Shift three times with at most 5 seconds between
 * presses, hides the page at once and replaces this history entry with the neutral site, so Back
 * does not return here. Shift held as a modifier (Shift+A) and any other key reset the count.
 */
export {};
// The campaign extras (Restorative Justice Week banner, campaign codes) ride in this one script.
import './campaign.ts';

const PRESSES = 3;
const WINDOW_MS = 5000;

const links = document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]');
const status = document.querySelector<HTMLElement>('[data-quick-exit-status]');
const target = links[0]?.href;

function announce(text: string): void {
  if (status) status.textContent = text;
}

function exit(url: string): void {
  document.documentElement.classList.add('is-exiting');
  document.title = 'Loading';
  // The chat listens for this and forgets every answer before the page goes.
  window.dispatchEvent(new Event('rj:quick-exit'));
  window.location.replace(url);
}

for (const link of links) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    exit(link.href);
  });
}

let presses = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let otherKeyWhileShift = false;

function reset(): void {
  clearTimeout(timer);
  if (presses > 0) announce('');
  presses = 0;
}

document.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Shift') {
      otherKeyWhileShift = false;
      return;
    }
    otherKeyWhileShift = true;
    reset();
  },
  true,
);

document.addEventListener(
  'keyup',
  (event) => {
    if (event.key !== 'Shift' || otherKeyWhileShift || !target) return;
    presses += 1;
    clearTimeout(timer);
    if (presses >= PRESSES) {
      exit(target);
      return;
    }
    const left = PRESSES - presses;
    announce(`Shift, press ${left} more ${left === 1 ? 'time' : 'times'} to exit.`);
    timer = setTimeout(() => {
      presses = 0;
      announce('Exit this page expired.');
    }, WINDOW_MS);
  },
  true,
);

document.querySelector('[data-quick-exit-hint]')?.removeAttribute('hidden');

// A page restored from the back-forward cache must show again.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) document.documentElement.classList.remove('is-exiting');
});
