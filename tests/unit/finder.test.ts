import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areas } from '../../src/lib/areas.ts';
import { findByPostcode, findCouncils, outcodeOf } from '../../src/lib/finder.ts';
import { buildFinderTable } from '../../src/lib/finder-table.ts';

const table = buildFinderTable(
  readFileSync('content/geo/postcode_district_to_pfa_summary.csv', 'utf8'),
  readFileSync('content/geo/lad23_csp23_pfa23_ew_lookup.csv', 'utf8'),
  areas,
);
const areaName = (input: string) => {
  const result = findByPostcode(table, input);
  return result.kind === 'area' ? result.area.name : result.kind;
};

describe('finding an area by postcode', () => {
  it('finds Merseyside for L1 8JQ, with or without the space, in any case', () => {
    expect(areaName('L1 8JQ')).toBe('Merseyside');
    expect(areaName('l18jq')).toBe('Merseyside');
    expect(areaName('  L1 8JQ  ')).toBe('Merseyside');
  });

  it('finds an area from the first part alone', () => {
    expect(areaName('gl50')).toBe('Gloucestershire');
    expect(areaName('B15')).toBe('West Midlands');
    expect(areaName('GL50 1PX')).toBe('Gloucestershire');
    expect(areaName('B15 2TT')).toBe('West Midlands');
  });

  it('offers a choice where a district straddles areas, largest share first', () => {
    const result = findByPostcode(table, 'CH1');
    expect(result.kind).toBe('choice');
    if (result.kind !== 'choice') return;
    expect(result.options.map((option) => option.area?.name)).toEqual(['Cheshire', 'North Wales']);
    expect(result.options[0]?.share).toBeCloseTo(0.9803);
  });

  it('offers three areas for SY10', () => {
    const result = findByPostcode(table, 'SY10 7AB');
    expect(result.kind === 'choice' && result.options.map((option) => option.area?.code)).toEqual(['E23000016', 'W15000004', 'W15000001']);
  });

  it('offers Scotland as a choice where a district crosses the border', () => {
    const result = findByPostcode(table, 'TD15');
    expect(result.kind === 'choice' && result.options.map((option) => option.area?.name ?? 'Scotland')).toEqual(['Northumbria', 'Scotland']);
  });

  it('says a Scottish postcode is outside England and Wales', () => {
    expect(findByPostcode(table, 'EH1 1YZ')).toEqual({ kind: 'outside', outcode: 'EH1', place: 'Scotland' });
  });

  it('says Northern Ireland, the Isle of Man and the Channel Islands are outside', () => {
    expect(findByPostcode(table, 'BT1 1AA')).toMatchObject({ kind: 'outside', place: 'Northern Ireland' });
    expect(findByPostcode(table, 'IM1 1AA')).toMatchObject({ kind: 'outside', place: 'the Isle of Man' });
    expect(findByPostcode(table, 'JE2 3AB')).toMatchObject({ kind: 'outside', place: 'the Channel Islands' });
  });

  it('says so when a well-formed district is not in the data', () => {
    expect(findByPostcode(table, 'ZZ99')).toEqual({ kind: 'unknown', outcode: 'ZZ99' });
    expect(findByPostcode(table, 'BN91 1AA')).toEqual({ kind: 'unknown', outcode: 'BN91' });
  });

  it('rejects nonsense', () => {
    for (const input of ['', 'hello', 'GL', '12345', 'L1 8JQ8']) expect(findByPostcode(table, input), input).toEqual({ kind: 'invalid' });
  });

  it('reads the outward code of full postcodes and districts', () => {
    expect(outcodeOf(' sw1a 2aa ')).toBe('SW1A');
    expect(outcodeOf('cf10')).toBe('CF10');
    expect(outcodeOf('nonsense')).toBeNull();
  });
});

describe('finding an area by council', () => {
  it('finds a council from part of its name, names that start with it first', () => {
    const found = findCouncils(table, 'shef');
    expect(found[0]).toMatchObject({ name: 'Sheffield', area: { name: 'South Yorkshire' } });
  });

  it('ignores case, punctuation and "&"', () => {
    expect(findCouncils(table, 'st helens')[0]?.area.name).toBe('Merseyside');
    expect(findCouncils(table, 'VALE OF GLAM')[0]?.area.code).toBe('W15000003');
  });

  it('needs at least two letters and returns nothing for no match', () => {
    expect(findCouncils(table, 's')).toEqual([]);
    expect(findCouncils(table, 'atlantis')).toEqual([]);
  });
});
