import { parse } from 'csv-parse/sync';
import { SCOTLAND, type DistrictShare, type FinderTable } from './finder-table-types.ts';

/**
 * Builds the compact table that the finder uses in the browser, from the two ONS/OS files in
 * content/geo/. Runs at build time only (the /data/finder.json page) and in tests.
 */

type AreaRef = { code: string; name: string; slug: string };

/** New ONS codes issued in April 2024 that the December 2023 lookup does not have yet. */
const laterCouncilCodes: Record<string, string> = {
  E08000016: 'E08000038', // Barnsley
  E08000019: 'E08000039', // Sheffield
};

export function buildFinderTable(districtsCsv: string, councilsCsv: string, areaList: readonly AreaRef[]): FinderTable {
  const areas = [...areaList].sort((a, b) => a.code.localeCompare(b.code));
  const index = new Map(areas.map((area, i) => [area.code, i]));
  const areaIndex = (code: string, where: string): number => {
    const i = index.get(code);
    if (i === undefined) throw new Error(`${where}: police force area ${code} has no area file`);
    return i;
  };
  return {
    v: 1,
    areas: areas.map((area) => [area.code, area.name, area.slug]),
    districts: buildDistricts(districtsCsv, areaIndex),
    councils: buildCouncils(councilsCsv, areaIndex),
  };
}

function buildDistricts(csv: string, areaIndex: (code: string, where: string) => number): FinderTable['districts'] {
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const districts: FinderTable['districts'] = {};
  for (const row of rows) {
    const outcode = row.outcode ?? '';
    const shares = parseShares(row.all_pfas ?? '').filter(([code]) => code !== 'UNKNOWN');
    if (shares.length === 0) continue;
    const mapped: DistrictShare[] = shares.map(([code, share]) => [
      code === 'SCOTLAND' ? SCOTLAND : areaIndex(code, `postcode district ${outcode}`),
      share,
    ]);
    mapped.sort((a, b) => b[1] - a[1]);
    const only = mapped.length === 1 ? mapped[0] : undefined;
    districts[outcode] = only ? only[0] : mapped;
  }
  return districts;
}

/** "E23000006:Cheshire:0.9803;W15000001:North Wales:0.0197" → [[code, share], …]. Names may hold colons or commas. */
export function parseShares(allPfas: string): [string, number][] {
  return allPfas
    .split(';')
    .filter(Boolean)
    .map((entry) => {
      const code = entry.slice(0, entry.indexOf(':'));
      const share = Number(entry.slice(entry.lastIndexOf(':') + 1));
      if (!code || Number.isNaN(share)) throw new Error(`cannot read the area share "${entry}"`);
      return [code, share];
    });
}

function buildCouncils(csv: string, areaIndex: (code: string, where: string) => number): FinderTable['councils'] {
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const councils = new Map<string, [string, number, string[]]>();
  for (const row of rows) {
    const code = row.LAD23CD ?? '';
    if (councils.has(code)) continue;
    const codes = laterCouncilCodes[code] ? [code, laterCouncilCodes[code]] : [code];
    councils.set(code, [row.LAD23NM ?? '', areaIndex(row.PFA23CD ?? '', `council ${code}`), codes]);
  }
  return [...councils.values()].sort((a, b) => a[0].localeCompare(b[0], 'en-GB'));
}
