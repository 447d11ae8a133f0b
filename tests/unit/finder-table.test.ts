import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { areas } from '../../src/lib/areas.ts';
import { buildFinderTable, parseShares } from '../../src/lib/finder-table.ts';
import { SCOTLAND } from '../../src/lib/finder-table-types.ts';

const districtsCsv = readFileSync('content/geo/postcode_district_to_pfa_summary.csv', 'utf8');
const councilsCsv = readFileSync('content/geo/lad23_csp23_pfa23_ew_lookup.csv', 'utf8');
const table = buildFinderTable(districtsCsv, councilsCsv, areas);
const rows = parse(districtsCsv, { columns: true, bom: true }) as Record<string, string>[];

/** The table's entry for a district as [area code or SCOTLAND, share] pairs. */
function entryAsCodes(outcode: string): [string, number][] | undefined {
  const entry = table.districts[outcode];
  if (entry === undefined) return undefined;
  const code = (index: number | typeof SCOTLAND) => (index === SCOTLAND ? 'SCOTLAND' : (table.areas[index]?.[0] ?? '?'));
  if (typeof entry === 'number' || entry === SCOTLAND) return [[code(entry), 1]];
  return entry.map(([index, share]) => [code(index), share]);
}

describe('the postcode table', () => {
  it('agrees with the CSV for every district', () => {
    expect(rows).toHaveLength(2873);
    for (const row of rows) {
      const outcode = row.outcode ?? '';
      const expected = parseShares(row.all_pfas ?? '').filter(([code]) => code !== 'UNKNOWN');
      if (expected.length === 0) {
        expect(table.districts[outcode], outcode).toBeUndefined();
        continue;
      }
      const actual = entryAsCodes(outcode);
      const sorted = [...expected].sort((a, b) => b[1] - a[1]);
      expect(actual, outcode).toEqual(sorted.length === 1 ? [[sorted[0]?.[0], 1]] : sorted);
      if (row.primary_pfa_code) expect(actual?.[0]?.[0], outcode).toBe(row.primary_pfa_code);
    }
  });

  it('has every district in England and Wales, and every area as a primary somewhere', () => {
    const primaries = new Set(rows.map((row) => row.primary_pfa_code).filter(Boolean));
    expect(primaries.size).toBe(43);
    expect(rows.filter((row) => row.primary_pfa_code).length).toBe(2411);
  });

  it('keeps the area list in ONS code order with names and slugs from the area files', () => {
    expect(table.areas.map(([code]) => code)).toEqual(areas.map((area) => area.code).sort());
    for (const [code, name, slug] of table.areas) {
      const area = areas.find((candidate) => candidate.code === code);
      expect([name, slug]).toEqual([area?.name, area?.slug]);
    }
  });
});

describe('the council table', () => {
  it('has all 318 local authorities, each in one area', () => {
    expect(table.councils).toHaveLength(318);
    expect(new Set(table.councils.map(([name]) => name)).size).toBe(318);
  });

  it('adds the 2024 codes for Barnsley and Sheffield, both in South Yorkshire', () => {
    const southYorkshire = table.areas.findIndex(([code]) => code === 'E23000011');
    expect(table.councils.find(([name]) => name === 'Barnsley')).toEqual(['Barnsley', southYorkshire, ['E08000016', 'E08000038']]);
    expect(table.councils.find(([name]) => name === 'Sheffield')).toEqual(['Sheffield', southYorkshire, ['E08000019', 'E08000039']]);
  });
});
