import { areaSchema, regions, type Area, type Region } from '../schemas/area.ts';
import { ContentFileError, parseContentFile } from './validation.ts';
// One static import per area file, so that the same list works in Astro pages, in Node (the local
// server and the referral function) and in Netlify's function bundler. A unit test checks that this
// list and the files in content/areas/ agree.
import e23000001 from '../../content/areas/E23000001.json' with { type: 'json' };
import e23000002 from '../../content/areas/E23000002.json' with { type: 'json' };
import e23000003 from '../../content/areas/E23000003.json' with { type: 'json' };
import e23000004 from '../../content/areas/E23000004.json' with { type: 'json' };
import e23000005 from '../../content/areas/E23000005.json' with { type: 'json' };
import e23000006 from '../../content/areas/E23000006.json' with { type: 'json' };
import e23000007 from '../../content/areas/E23000007.json' with { type: 'json' };
import e23000008 from '../../content/areas/E23000008.json' with { type: 'json' };
import e23000009 from '../../content/areas/E23000009.json' with { type: 'json' };
import e23000010 from '../../content/areas/E23000010.json' with { type: 'json' };
import e23000011 from '../../content/areas/E23000011.json' with { type: 'json' };
import e23000012 from '../../content/areas/E23000012.json' with { type: 'json' };
import e23000013 from '../../content/areas/E23000013.json' with { type: 'json' };
import e23000014 from '../../content/areas/E23000014.json' with { type: 'json' };
import e23000015 from '../../content/areas/E23000015.json' with { type: 'json' };
import e23000016 from '../../content/areas/E23000016.json' with { type: 'json' };
import e23000017 from '../../content/areas/E23000017.json' with { type: 'json' };
import e23000018 from '../../content/areas/E23000018.json' with { type: 'json' };
import e23000019 from '../../content/areas/E23000019.json' with { type: 'json' };
import e23000020 from '../../content/areas/E23000020.json' with { type: 'json' };
import e23000021 from '../../content/areas/E23000021.json' with { type: 'json' };
import e23000022 from '../../content/areas/E23000022.json' with { type: 'json' };
import e23000023 from '../../content/areas/E23000023.json' with { type: 'json' };
import e23000024 from '../../content/areas/E23000024.json' with { type: 'json' };
import e23000025 from '../../content/areas/E23000025.json' with { type: 'json' };
import e23000026 from '../../content/areas/E23000026.json' with { type: 'json' };
import e23000027 from '../../content/areas/E23000027.json' with { type: 'json' };
import e23000028 from '../../content/areas/E23000028.json' with { type: 'json' };
import e23000029 from '../../content/areas/E23000029.json' with { type: 'json' };
import e23000030 from '../../content/areas/E23000030.json' with { type: 'json' };
import e23000031 from '../../content/areas/E23000031.json' with { type: 'json' };
import e23000032 from '../../content/areas/E23000032.json' with { type: 'json' };
import e23000033 from '../../content/areas/E23000033.json' with { type: 'json' };
import e23000034 from '../../content/areas/E23000034.json' with { type: 'json' };
import e23000035 from '../../content/areas/E23000035.json' with { type: 'json' };
import e23000036 from '../../content/areas/E23000036.json' with { type: 'json' };
import e23000037 from '../../content/areas/E23000037.json' with { type: 'json' };
import e23000038 from '../../content/areas/E23000038.json' with { type: 'json' };
import e23000039 from '../../content/areas/E23000039.json' with { type: 'json' };
import w15000001 from '../../content/areas/W15000001.json' with { type: 'json' };
import w15000002 from '../../content/areas/W15000002.json' with { type: 'json' };
import w15000003 from '../../content/areas/W15000003.json' with { type: 'json' };
import w15000004 from '../../content/areas/W15000004.json' with { type: 'json' };

const areaFiles: ReadonlyArray<readonly [string, unknown]> = [
  ['E23000001.json', e23000001],
  ['E23000002.json', e23000002],
  ['E23000003.json', e23000003],
  ['E23000004.json', e23000004],
  ['E23000005.json', e23000005],
  ['E23000006.json', e23000006],
  ['E23000007.json', e23000007],
  ['E23000008.json', e23000008],
  ['E23000009.json', e23000009],
  ['E23000010.json', e23000010],
  ['E23000011.json', e23000011],
  ['E23000012.json', e23000012],
  ['E23000013.json', e23000013],
  ['E23000014.json', e23000014],
  ['E23000015.json', e23000015],
  ['E23000016.json', e23000016],
  ['E23000017.json', e23000017],
  ['E23000018.json', e23000018],
  ['E23000019.json', e23000019],
  ['E23000020.json', e23000020],
  ['E23000021.json', e23000021],
  ['E23000022.json', e23000022],
  ['E23000023.json', e23000023],
  ['E23000024.json', e23000024],
  ['E23000025.json', e23000025],
  ['E23000026.json', e23000026],
  ['E23000027.json', e23000027],
  ['E23000028.json', e23000028],
  ['E23000029.json', e23000029],
  ['E23000030.json', e23000030],
  ['E23000031.json', e23000031],
  ['E23000032.json', e23000032],
  ['E23000033.json', e23000033],
  ['E23000034.json', e23000034],
  ['E23000035.json', e23000035],
  ['E23000036.json', e23000036],
  ['E23000037.json', e23000037],
  ['E23000038.json', e23000038],
  ['E23000039.json', e23000039],
  ['W15000001.json', w15000001],
  ['W15000002.json', w15000002],
  ['W15000003.json', w15000003],
  ['W15000004.json', w15000004],
];

/** Validates one area file, and checks that its name matches its ONS code. */
export function parseAreaFile(fileName: string, data: unknown): Area {
  const file = `content/areas/${fileName}`;
  const area = parseContentFile(areaSchema, 'area', file, data);
  if (fileName !== `${area.code}.json`) {
    throw new ContentFileError(file, 'area', [
      { path: 'code', message: `is ${area.code}, so the file must be named ${area.code}.json` },
    ]);
  }
  return area;
}

/** Every police force area in England and Wales, in ONS code order. */
export const areas: readonly Area[] = areaFiles.map(([fileName, data]) => parseAreaFile(fileName, data));

/** The file names this module reads, for the test that compares them with the folder. */
export const areaFileNames: readonly string[] = areaFiles.map(([fileName]) => fileName);

const byCode = new Map(areas.map((area) => [area.code, area]));
const bySlug = new Map(areas.map((area) => [area.slug, area]));

export function areaByCode(code: string): Area | undefined {
  return byCode.get(code);
}

export function areaBySlug(slug: string): Area | undefined {
  return bySlug.get(slug);
}

/** Areas grouped by region in the order of `regions`, each group sorted by name. */
export function areasByRegion(): { region: Region; areas: Area[] }[] {
  return regions.map((region) => ({
    region,
    areas: areas.filter((area) => area.region === region).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  }));
}

export { areaPath } from './paths.ts';
