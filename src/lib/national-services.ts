/**
 * The national services shown beside every area's own contacts (content/helplines.json ids), in this
 * order: on area pages, in the chat's contact card and on the referral function's own pages.
 */
export const nationalServiceIds: readonly string[] = ['victim-support', 'why-me'];
