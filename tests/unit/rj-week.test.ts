import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getViteConfig } from 'astro/config';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas } from '../../src/lib/areas.ts';
import { campaign, fillPosts } from '../../src/lib/campaign.ts';
import {
  eventWhen,
  eventWhere,
  hasEnded,
  timeWords,
  upcomingEvents,
} from '../../src/lib/events.ts';
import {
  londonDateTime,
  rjWeek,
  rjWeekState,
  rjWeekWords,
  upcomingRjWeek,
} from '../../src/lib/rj-week.ts';
import { evidenceSchema } from '../../src/schemas/evidence.ts';
import { eventSchema, type EventInput } from '../../src/schemas/event.ts';
import { describeBuilt } from '../support/built.ts';

/**
 * The instant when London's clocks show `wall` ("2026-11-21T23:59", optionally with seconds). It tries
 * GMT and BST and keeps the one London agrees with, so the tests assume no offset of their own.
 */
function london(wall: string): Date {
  const minute = wall.slice(0, 16);
  const seconds = wall.slice(17) || '00';
  for (const offsetHours of [0, 1]) {
    const instant = new Date(Date.parse(`${minute}:${seconds}Z`) - offsetHours * 3_600_000);
    if (londonDateTime(instant) === minute) return instant;
  }
  throw new Error(`${wall} does not exist in London`);
}

const weekday = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

describe('the date rule', () => {
  it('gives the known dates of 2023 to 2027', () => {
    expect(rjWeek(2023)).toEqual({ year: 2023, start: '2023-11-19', end: '2023-11-25' });
    expect(rjWeek(2024)).toEqual({ year: 2024, start: '2024-11-17', end: '2024-11-23' });
    expect(rjWeek(2025)).toEqual({ year: 2025, start: '2025-11-16', end: '2025-11-22' });
    expect(rjWeek(2026)).toEqual({ year: 2026, start: '2026-11-15', end: '2026-11-21' });
    expect(rjWeek(2027)).toEqual({ year: 2027, start: '2027-11-21', end: '2027-11-27' });
  });

  for (let year = 2023; year <= 2035; year += 1) {
    it(`starts ${year}'s week on a Sunday between 15 and 21 November and ends it on the Saturday six days later`, () => {
      const { start, end } = rjWeek(year);
      expect(start.slice(0, 8)).toBe(`${year}-11-`);
      expect(Number(start.slice(8))).toBeGreaterThanOrEqual(15);
      expect(Number(start.slice(8))).toBeLessThanOrEqual(21);
      expect(weekday(start)).toBe(0);
      expect(weekday(end)).toBe(6);
      expect(Date.parse(end) - Date.parse(start)).toBe(6 * 86_400_000);
    });
  }
});

describe('before, during and after the week, in London time', () => {
  it('is before the week on the Saturday before at 23:59', () => {
    expect(rjWeekState(london('2026-11-14T23:59'))).toBe('before');
    expect(rjWeekState(london('2026-11-14T23:59:59'))).toBe('before');
  });

  it('is during the week from the Sunday at 00:00', () => {
    expect(rjWeekState(london('2026-11-15T00:00'))).toBe('during');
  });

  it('is still during the week on the Saturday at 23:59', () => {
    expect(rjWeekState(london('2026-11-21T23:59'))).toBe('during');
    expect(rjWeekState(london('2026-11-21T23:59:59'))).toBe('during');
  });

  it('is after the week from the Sunday after at 00:00', () => {
    expect(rjWeekState(london('2026-11-22T00:00'))).toBe('after');
  });

  it('reads the clock in London, not in UTC: 23:30 UTC on 1 July is already 2 July in British Summer Time', () => {
    expect(londonDateTime(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02T00:30');
    expect(londonDateTime(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-21T23:30');
  });

  it('finds the week in other years by the same rule', () => {
    expect(rjWeekState(london('2027-11-20T23:59'))).toBe('before');
    expect(rjWeekState(london('2027-11-21T00:00'))).toBe('during');
    expect(rjWeekState(london('2027-11-27T23:59'))).toBe('during');
    expect(rjWeekState(london('2027-11-28T00:00'))).toBe('after');
  });
});

describe('the week pages speak of', () => {
  it('is this year’s before and during the week', () => {
    expect(upcomingRjWeek(london('2026-01-01T00:00')).year).toBe(2026);
    expect(upcomingRjWeek(london('2026-11-21T23:59')).year).toBe(2026);
  });

  it('is next year’s once the week has ended', () => {
    expect(upcomingRjWeek(london('2026-11-22T00:00'))).toEqual(rjWeek(2027));
    expect(upcomingRjWeek(london('2026-12-31T23:59'))).toEqual(rjWeek(2027));
  });

  it('is written in words for the pages and posts', () => {
    expect(rjWeekWords(rjWeek(2026))).toEqual({
      start: 'Sunday 15 November',
      end: 'Saturday 21 November 2026',
      year: '2026',
      dates: '15 to 21 November 2026',
    });
  });
});

const fixtureDir = 'tests/fixtures/events';
const fixtures = readdirSync(fixtureDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => eventSchema.parse(JSON.parse(readFileSync(join(fixtureDir, file), 'utf8'))));
const merseyside = 'E23000004';

describe('local events', () => {
  it('the test fixtures match the event schema', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it('content/events holds only files that match the schema', () => {
    for (const file of readdirSync('content/events').filter((name) => name.endsWith('.json'))) {
      const result = eventSchema.safeParse(
        JSON.parse(readFileSync(join('content/events', file), 'utf8')),
      );
      expect(result.success, file).toBe(true);
    }
  });

  it('shows an area’s events that have not ended, soonest first', () => {
    const shown = upcomingEvents(fixtures, merseyside, london('2026-11-10T09:00'));
    expect(shown.map((event) => event.start)).toEqual(['2026-11-17T10:00', '2026-11-19T18:30']);
  });

  it('drops an event from the minute it ends', () => {
    expect(
      upcomingEvents(fixtures, merseyside, london('2026-11-17T11:59')).map((event) => event.start),
    ).toEqual(['2026-11-17T10:00', '2026-11-19T18:30']);
    expect(
      upcomingEvents(fixtures, merseyside, london('2026-11-17T12:00')).map((event) => event.start),
    ).toEqual(['2026-11-19T18:30']);
    expect(upcomingEvents(fixtures, merseyside, london('2026-11-19T19:30'))).toEqual([]);
  });

  it('keeps to the area: another area’s events never show', () => {
    expect(upcomingEvents(fixtures, 'E23000001', london('2026-01-01T00:00'))).toEqual([]);
  });

  it('ends events in London time, also in British Summer Time', () => {
    const summer = fixtures.find((event) => event.end === '2026-07-01T00:30');
    if (!summer) throw new Error('missing the summer fixture');
    // 23:29 UTC on 30 June is 00:29 in London: not yet ended. 23:30 UTC is 00:30: ended.
    expect(hasEnded(summer, new Date('2026-06-30T23:29:00Z'))).toBe(false);
    expect(hasEnded(summer, new Date('2026-06-30T23:30:00Z'))).toBe(true);
  });

  it('says when and where in words', () => {
    const [dropIn, talk] = upcomingEvents(fixtures, merseyside, london('2026-11-01T00:00'));
    expect(dropIn && eventWhen(dropIn)).toBe('Tuesday 17 November 2026, 10am to midday');
    expect(dropIn && eventWhere(dropIn)).toBe('Test Library, Example Street');
    expect(talk && eventWhen(talk)).toBe('Thursday 19 November 2026, 6:30pm to 7:30pm');
    expect(talk && eventWhere(talk)).toBe('Online');
    expect(eventWhen({ start: '2026-11-20T22:00', end: '2026-11-21T00:00' })).toBe(
      'Friday 20 November 2026, 10pm to Saturday 21 November 2026, midnight',
    );
    expect(timeWords('2026-11-20T00:30')).toBe('12:30am');
  });

  describe('the schema refuses', () => {
    const valid: EventInput = {
      area: merseyside,
      title: 'A drop-in',
      start: '2026-11-17T10:00',
      end: '2026-11-17T12:00',
      place: 'A library',
      source: { title: 'A page', url: 'https://www.example.org/' },
      checked: '2026-11-02',
    };
    const problems = (input: unknown) =>
      eventSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

    it('accepts a valid event', () => expect(problems(valid)).toEqual([]));
    it('an end before the start', () =>
      expect(problems({ ...valid, end: '2026-11-17T09:00' })).toEqual(['end']));
    it('an event with no place that is not online', () =>
      expect(problems({ ...valid, place: undefined })).toEqual(['place']));
    it('a code that is not one of the 43 areas', () =>
      expect(problems({ ...valid, area: 'E23000099' })).toEqual(['area']));
    it('a time with an offset or seconds', () =>
      expect(problems({ ...valid, start: '2026-11-17T10:00:00Z' })).toEqual(['start']));
    it('an event without a source', () =>
      expect(problems({ ...valid, source: undefined })).toEqual(['source']));
  });
});

describe('the event list on an area’s campaign page', () => {
  // Renders the real component with Astro's container API, through Astro's own Vite setup (with a
  // cache of its own, so the dev server's is left alone).
  let vite: ViteDevServer;
  let render: (events: unknown[]) => Promise<string>;

  beforeAll(async () => {
    const config = await getViteConfig({
      appType: 'custom',
      logLevel: 'silent',
      cacheDir: join(tmpdir(), 'rj-week-test-vite'),
      server: { middlewareMode: true, hmr: false, ws: false },
    })({ command: 'serve', mode: 'test' });
    vite = await createServer({ ...config, configFile: false });
    const { default: EventList } = await vite.ssrLoadModule(
      '/src/components/rj-week/EventList.astro',
    );
    const { experimental_AstroContainer: AstroContainer } =
      await vite.ssrLoadModule('astro/container');
    const container = await AstroContainer.create();
    render = (events) =>
      container.renderToString(EventList, { props: { events, areaName: 'Merseyside' } });
  }, 60_000);

  afterAll(async () => {
    await vite?.close();
  });

  it('shows each upcoming event with when, where and its source', async () => {
    const html = await render(upcomingEvents(fixtures, merseyside, london('2026-11-10T09:00')));
    expect(html).toContain('Test fixture: restorative justice drop-in');
    expect(html).toContain('Tuesday 17 November 2026, 10am to midday');
    expect(html).toContain('Test Library, Example Street');
    expect(html).toContain('Online');
    expect(html).toContain('href="https://www.example.org/rj-week/drop-in"');
    expect(html).toContain('we checked it on 2 November 2026');
    expect(html).toContain('data-event-end="2026-11-17T12:00"');
    expect(html).toMatch(/<p data-no-events hidden/);
  });

  it('leaves out an event that ended before the build', async () => {
    const html = await render(upcomingEvents(fixtures, merseyside, london('2026-11-18T09:00')));
    expect(html).not.toContain('restorative justice drop-in');
    expect(html).toContain('Test fixture: online talk');
  });

  it('says there are no events, and points to the contacts, when none is left', async () => {
    const html = await render(upcomingEvents(fixtures, merseyside, london('2026-11-20T09:00')));
    expect(html).not.toContain('data-events');
    expect(html).toMatch(
      /<p data-no-events[^>]*>We do not know of any Restorative Justice Week events in Merseyside\./,
    );
    expect(html).not.toMatch(/<p data-no-events hidden/);
  });
});

const evidence = evidenceSchema
  .array()
  .parse(JSON.parse(readFileSync('content/evidence.json', 'utf8')));
// X counts every link as 23 characters, whatever its length.
const xLength = (text: string): number => text.replace(/https?:\/\/\S+/g, 'x'.repeat(23)).length;
const link = 'https://rj.example.org/rj-week/devon-and-cornwall/?from=social-media';
const week = rjWeekWords(rjWeek(2027));

describe('the campaign words', () => {
  it('explain restorative justice in three sentences', () => {
    expect(campaign.whatIs.sentences).toHaveLength(3);
    for (const sentence of campaign.whatIs.sentences) expect(sentence).toMatch(/^[A-Z].*\.$/);
  });

  it('show three figures, each one in content/evidence.json with its citation', () => {
    expect(campaign.evidence.ids).toHaveLength(3);
    for (const id of campaign.evidence.ids)
      expect(evidence.find((item) => item.id === id)?.citation, id).toBeTruthy();
  });

  it('give campaign posts that fit in a post on X and carry #RJWeek', () => {
    for (const post of fillPosts(campaign.posts.items, { ...week, link }, evidence)) {
      expect(xLength(post.text), post.label).toBeLessThanOrEqual(280);
      expect(post.text, post.label).toContain('#RJWeek');
      expect(post.text, post.label).toContain(link);
    }
  });

  it('give every area posts that fit, with its provider or without one', () => {
    for (const area of areas) {
      const items = area.provider ? campaign.area.posts : campaign.area.postsNoProvider;
      const values = { ...week, link, area: area.name, provider: area.provider?.name ?? '' };
      for (const post of fillPosts(items, values, evidence)) {
        expect(xLength(post.text), `${area.name}: ${post.label}`).toBeLessThanOrEqual(280);
        expect(post.text).toContain('#RJWeek');
      }
    }
  });

  it('give a post with a figure the figure’s source', () => {
    const [, withFigure] = fillPosts(campaign.posts.items, { ...week, link }, evidence);
    expect(withFigure?.text).toContain('(Shapland et al., 2007)');
  });
});

describeBuilt('the built site script', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/<script type="module"([^>]*)>([\s\S]*?)<\/script>/g)];
  const code = scripts.map(([, attributes, body]) => {
    const src = /src="([^"]+)"/.exec(attributes ?? '')?.[1];
    return src ? readFileSync(join('dist', src), 'utf8') : (body ?? '');
  });

  it('is one script that carries the quick exit and the campaign extras', () => {
    expect(scripts).toHaveLength(1);
    expect(code[0]).toContain('data-quick-exit');
    expect(code[0]).toContain('data-rj-week-banner');
    expect(code[0]).toContain('data-carry-from');
  });

  it('imports nothing: a module shared with the chat would make the quick exit wait for a second file', () => {
    expect(code[0]).not.toMatch(/\bimport\s*[{(\w"'`]/);
  });
});
