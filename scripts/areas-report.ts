/**
 * `npm run areas:report [-- --today YYYY-MM-DD]`: the state of the area data at a glance. One row per
 * police force area (all 43): whether a provider is known, and has a phone, an email and a
 * self-referral page; the online referral route (`local`: the provider's own inbox; `national`: the
 * national safety-net service; `none`: the person is shown who to contact); whether that inbox has
 * been confirmed by its owner; when the record was checked; and every source last seen more than 12
 * months before today. Then the totals, which the README's "Area data at a glance" quotes.
 */
import { fileURLToPath } from 'node:url';
import { areas } from '../src/lib/areas.ts';
import { areaRoute } from '../src/lib/area-routing.ts';
import { nationalRoute, nationalRouteEnabled } from '../src/lib/national-route.ts';
import type { Area } from '../src/schemas/area.ts';

export type AreaRow = {
  code: string;
  name: string;
  provider: boolean;
  phone: boolean;
  email: boolean;
  selfReferral: boolean;
  route: 'local' | 'national' | 'none';
  /** The date the route's inbox was confirmed by whoever reads it, or null (not yet, or no route). */
  inboxConfirmed: string | null;
  checked: string;
  /** Sources last seen before the cut-off, as "id (seen YYYY-MM-DD)". */
  staleSources: string[];
};

export type Totals = {
  areas: number;
  provider: number;
  phone: number;
  email: number;
  selfReferral: number;
  online: number;
  local: number;
  national: number;
  inboxConfirmed: number;
  staleSource: number;
};

export type AreasReport = { today: string; staleBefore: string; nationalEnabled: boolean; rows: AreaRow[]; totals: Totals };

/** The same day one year earlier, as YYYY-MM-DD (29 February falls back to 28 February). */
export function yearBefore(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year - 1, month - 1, day));
  if (date.getUTCMonth() !== month - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export function areaRow(area: Area, staleBefore: string, nationalEnabled: boolean): AreaRow {
  const route = areaRoute(area, nationalEnabled);
  const kind = route.kind === 'direct' || !route.inbox ? 'none' : route.kind;
  const confirmed = kind === 'local' ? (area.referralEmail?.confirmed ?? null) : kind === 'national' ? nationalRoute.confirmed : null;
  return {
    code: area.code,
    name: area.name,
    provider: area.provider !== null,
    phone: (area.provider?.phones.length ?? 0) > 0,
    email: (area.provider?.emails.length ?? 0) > 0,
    selfReferral: Boolean(area.provider?.selfReferral),
    route: kind,
    inboxConfirmed: confirmed,
    checked: area.checked,
    // ISO dates compare as text.
    staleSources: area.sources.filter((source) => source.seen < staleBefore).map((source) => `${source.id} (seen ${source.seen})`),
  };
}

export function areasReport(today: string, nationalEnabled = nationalRouteEnabled()): AreasReport {
  const staleBefore = yearBefore(today);
  const rows = areas.map((area) => areaRow(area, staleBefore, nationalEnabled));
  const count = (test: (row: AreaRow) => boolean) => rows.filter(test).length;
  return {
    today,
    staleBefore,
    nationalEnabled,
    rows,
    totals: {
      areas: rows.length,
      provider: count((row) => row.provider),
      phone: count((row) => row.phone),
      email: count((row) => row.email),
      selfReferral: count((row) => row.selfReferral),
      online: count((row) => row.route !== 'none'),
      local: count((row) => row.route === 'local'),
      national: count((row) => row.route === 'national'),
      inboxConfirmed: count((row) => row.inboxConfirmed !== null),
      staleSource: count((row) => row.staleSources.length > 0),
    },
  };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function formatReport(report: AreasReport): string {
  const header = ['Code', 'Area', 'Provider', 'Phone', 'Email', 'Self-referral', 'Online route', 'Inbox confirmed', 'Checked', 'Sources older than 12 months'];
  const cells = report.rows.map((row) => [
    row.code,
    row.name,
    yesNo(row.provider),
    yesNo(row.phone),
    yesNo(row.email),
    yesNo(row.selfReferral),
    row.route,
    row.route === 'none' ? '-' : (row.inboxConfirmed ?? 'no'),
    row.checked,
    row.staleSources.length > 0 ? row.staleSources.join(', ') : 'none',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const { totals: t } = report;
  const n = t.areas;
  const national = nationalRoute;
  const nationalStale = national.sources.filter((source) => source.seen < report.staleBefore).length;
  return [
    `Area data at a glance, ${report.today} (a source is older than 12 months if last seen before ${report.staleBefore})`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
    '',
    `National safety-net route: ${national.recipient.name} <${national.recipient.email}>, ${report.nationalEnabled ? 'on' : 'off (NATIONAL_ROUTE=off, or enabled: false)'}; inbox confirmed: ${national.confirmed ?? 'no'}; checked ${national.checked}; sources older than 12 months: ${nationalStale}`,
    '',
    `Totals (${n} areas)`,
    `  with a provider known:        ${t.provider} of ${n}`,
    `  with a phone:                 ${t.phone} of ${n}`,
    `  with an email:                ${t.email} of ${n}`,
    `  with a self-referral page:    ${t.selfReferral} of ${n}`,
    `  with an online route:         ${t.online} of ${n} (local: ${t.local}; national: ${t.national})`,
    `  inbox confirmed:              ${t.inboxConfirmed} of ${t.online} with an online route`,
    `  with a source over 12 months: ${t.staleSource} of ${n}`,
    '',
    `A referral can be sent online in ${t.online} of ${n} areas (local inbox: ${t.local}; national safety-net route: ${t.national}).`,
  ].join('\n');
}

/** Today's date in London, as YYYY-MM-DD. */
function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function main(argv: string[]): number {
  const at = argv.indexOf('--today');
  const today = at >= 0 ? argv[at + 1] : londonToday();
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    console.error('--today must be a date written as YYYY-MM-DD, e.g. --today 2026-12-01');
    return 1;
  }
  console.log(formatReport(areasReport(today)));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
