/** Formatting shared by pages, the chat and the referral email. */

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-11-21" → "21 November 2026". */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The `tel:` address for a number written for reading, e.g. "07377 800254" → "tel:07377800254". */
/** A phone number as shown: its spaces made non-breaking, so it never wraps across lines. */
export function phoneText(number: string): string {
  return number.replace(/ /g, '\u00a0');
}

export function telHref(number: string): string {
  return `tel:${number.replace(/\s+/g, '')}`;
}
