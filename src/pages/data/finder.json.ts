import type { APIRoute } from 'astro';
import districtsCsv from '../../../content/geo/postcode_district_to_pfa_summary.csv?raw';
import councilsCsv from '../../../content/geo/lad23_csp23_pfa23_ew_lookup.csv?raw';
import { areas } from '../../lib/areas.ts';
import { buildFinderTable } from '../../lib/finder-table.ts';

// Built once, at build time: the finder's whole table, fetched only by pages that look places up.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildFinderTable(districtsCsv, councilsCsv, areas)), {
    headers: { 'Content-Type': 'application/json' },
  });
