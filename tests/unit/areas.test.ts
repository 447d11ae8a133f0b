import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaBySlug, areaFileNames, areas, areasByRegion, parseAreaFile } from '../../src/lib/areas.ts';
import { ContentFileError } from '../../src/lib/validation.ts';

const merseyside = JSON.parse(readFileSync('content/areas/E23000004.json', 'utf8'));
const onsAreas = new Map(
  readFileSync('content/geo/lad23_csp23_pfa23_ew_lookup.csv', 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.match(/,(E23\d{6}|W15\d{6}),("[^"]*"|[^,]*),/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => [match[1], (match[2] ?? '').replace(/^"|"$/g, '')]),
);

describe('the area files', () => {
  it('cover all 43 police force areas of England and Wales', () => {
    expect(areas).toHaveLength(43);
    expect(new Set(areas.map((area) => area.code))).toEqual(new Set(onsAreas.keys()));
  });

  it('have unique codes and unique slugs', () => {
    expect(new Set(areas.map((area) => area.code)).size).toBe(43);
    expect(new Set(areas.map((area) => area.slug)).size).toBe(43);
  });

  it('are exactly the files in content/areas', () => {
    const files = readdirSync('content/areas').filter((file) => file.endsWith('.json'));
    expect([...areaFileNames].sort()).toEqual(files.sort());
  });

  it('use the ONS name of their area', () => {
    for (const area of areas) expect(area.onsName, area.code).toBe(onsAreas.get(area.code));
  });

  it('group into the English regions and Wales with every area once', () => {
    const grouped = areasByRegion().flatMap((group) => group.areas.map((area) => area.code));
    expect(grouped.sort()).toEqual(areas.map((area) => area.code).sort());
    const wales = areasByRegion().find((group) => group.region === 'Wales');
    expect(wales?.areas.map((area) => area.code).sort()).toEqual(['W15000001', 'W15000002', 'W15000003', 'W15000004']);
  });

  it('only name a referral inbox where a provider is known', () => {
    for (const area of areas) if (area.referralEmail) expect(area.provider, area.code).not.toBeNull();
  });
});

describe('the seed facts', () => {
  it('Merseyside: Restorative Solutions, its email and phone, commissioned by the PCC', () => {
    const area = areaBySlug('merseyside');
    expect(area?.commissioner.kind).toBe('PCC');
    expect(area?.provider?.name).toBe('Restorative Solutions');
    expect(area?.provider?.emails.map((email) => email.address)).toContain('RJMerseyside@restorativesolutions.org.uk');
    expect(area?.provider?.phones.map((phone) => phone.number)).toContain('07377 800254');
  });

  it('West Midlands: Remedi, open to all victims, informed consent, risk assessment, letters to meetings', () => {
    const area = areas.find((candidate) => candidate.code === 'E23000014');
    expect(area?.provider?.name).toMatch(/Remedi/);
    const words = [area?.provider?.summary, ...(area?.notes ?? [])].join(' ').toLowerCase();
    expect(words).toMatch(/whatever the crime|any (type of )?crime|all victims/);
    expect(words).toMatch(/consent/);
    expect(words).toMatch(/assess/);
    expect(words).toMatch(/letter/);
    expect(words).toMatch(/meeting/);
  });

  it('Gloucestershire: Restorative Gloucestershire, trained PCSOs, Community Trigger meetings', () => {
    const area = areas.find((candidate) => candidate.code === 'E23000037');
    expect(area?.provider?.name).toMatch(/Restorative Gloucestershire/);
    const words = [area?.provider?.summary, ...(area?.notes ?? [])].join(' ');
    expect(words).toMatch(/Police Community Support Officers|PCSOs/);
    expect(words).toMatch(/Community Trigger/);
  });
});

describe('the December 2026 audit (../shared/reference/areas-audit-2026-12.md), applied with its sources', () => {
  const byName = (name: string) => areas.find((area) => area.name === name)!;
  const cited = (area: (typeof areas)[number], id: string) => area.sources.find((source) => source.id === id);

  it('gives Norfolk, Suffolk, Devon and Cornwall, and Avon and Somerset the providers their sources show, no higher than medium confidence', () => {
    for (const [name, provider] of [['Norfolk', 'Norfolk and Suffolk Constabularies'], ['Suffolk', 'Norfolk and Suffolk Constabularies'], ['Devon and Cornwall', 'Shekinah'], ['Avon and Somerset', 'Resolve West']] as const) {
      const area = byName(name);
      expect(area.provider?.name, name).toBe(provider);
      const source = cited(area, area.provider!.source);
      expect(source?.url, name).toMatch(/^https:\/\//);
      expect(['medium', 'low']).toContain(area.confidence);
    }
  });

  it('marks Staffordshire as low confidence, its old Gateway number with a caution, and Surrey’s hub as the commissioner’s', () => {
    const staffordshire = byName('Staffordshire');
    expect(staffordshire.confidence).toBe('low');
    expect(staffordshire.provider?.phones[0]?.caution).toMatch(/before April 2025/);
    expect(byName('Surrey').provider?.name).toBe('Office of the Surrey Police and Crime Commissioner');
  });

  it('adds none of the contacts the audit says are outdated, and no named person’s address', () => {
    const text = JSON.stringify(areas);
    for (const outdated of ['admin@rjhub.org.uk', '01372 371611', '0300 303 0165']) expect(text).not.toContain(outdated);
  });

  it('points every contact, provider and policy at a source of its own area, with the date it was seen, never after the area was checked', () => {
    for (const area of areas) {
      const ids = new Set(area.sources.map((source) => source.id));
      const refs = [
        area.provider?.source,
        ...(area.provider?.phones ?? []).map((phone) => phone.source),
        ...(area.provider?.emails ?? []).map((email) => email.source),
        area.provider?.website?.source,
        area.provider?.selfReferral?.source,
        area.provider?.worksWith?.source,
        area.provider?.responsibleReferrals?.source,
        area.referralEmail?.source,
      ].filter((ref): ref is string => Boolean(ref));
      for (const ref of refs) expect(ids.has(ref), `${area.code}: ${ref}`).toBe(true);
      for (const source of area.sources) {
        expect(source.url, `${area.code}: ${source.id}`).toMatch(/^https?:\/\//);
        expect(source.seen <= area.checked, `${area.code}: ${source.id} seen ${source.seen} after checked ${area.checked}`).toBe(true);
      }
    }
  });
});

describe('a bad area file', () => {
  it('is rejected with a message naming the file and each bad field', () => {
    const bad = structuredClone(merseyside);
    bad.provider.phones[0].number = 'call us';
    bad.checked = 'last week';
    bad.provider.website.source = 'nowhere';
    let error: unknown;
    try {
      parseAreaFile('E23000004.json', bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentFileError);
    const message = (error as Error).message;
    expect(message).toContain('content/areas/E23000004.json does not match the area schema');
    expect(message).toContain('provider.phones.0.number: must be a UK number');
    expect(message).toContain('checked: must be a date written as YYYY-MM-DD');
    expect(message).toContain('provider.website.source: points at source "nowhere"');
  });

  it('is rejected when its name does not match its code', () => {
    expect(() => parseAreaFile('E23000005.json', merseyside)).toThrow(
      'code: is E23000004, so the file must be named E23000004.json',
    );
  });

  it('is rejected when it has a field the schema does not know', () => {
    expect(() => parseAreaFile('E23000004.json', { ...merseyside, phone: '0800' })).toThrow(/phone/);
  });
});
