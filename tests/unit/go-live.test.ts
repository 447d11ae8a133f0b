import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { catalogue, fieldIds, type Field } from '../../referral/catalogue.ts';
import { REFERRAL_VERSION, referralSchema } from '../../referral/schema.ts';
import { areas } from '../../src/lib/areas.ts';
import { areaRoute } from '../../src/lib/area-routing.ts';
import { contactHref, operatorProblem, resolveOperator } from '../../src/lib/operator.ts';
import { buildSiteAddress, isProductionBuild, isPublicHttps, siteAddress } from '../../src/lib/site.ts';
import { areasReport, formatReport, yearBefore } from '../../scripts/areas-report.ts';
import { describeBuilt } from '../support/built.ts';

/**
 * What a site needs before it can go live, and the checks that stop it otherwise: its public address
 * (never localhost in a production build), who runs it, the published JSON Schema of the referral,
 * the Node version guard, and the area data report.
 */
const run = promisify(execFile);
async function exec(file: string, args: string[], env: Record<string, string>, timeout = 60_000) {
  try {
    const { stdout, stderr } = await run(file, args, { env, timeout });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
/** The environment a child process gets: the Node that runs these tests first on PATH, and nothing else inherited. */
const baseEnv = () => ({ PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '/tmp', ASTRO_TELEMETRY_DISABLED: '1' });

const fullOperator = {
  OPERATOR_NAME: 'Example Restorative Justice CIC',
  OPERATOR_CONTACT: 'hello@rj.example.org',
  OPERATOR_DPO_CONTACT: 'https://rj.example.org/data-protection/',
  OPERATOR_ICO_NUMBER: 'ZA123456',
  OPERATOR_HOSTING: 'Netlify, EU (Frankfurt)',
};

describe('the site address', () => {
  it('is SITE_URL, else Netlify’s URL, else localhost for development', () => {
    expect(siteAddress({ SITE_URL: 'https://rj.example.org', URL: 'https://other.netlify.app' })).toEqual({ url: 'https://rj.example.org', from: 'SITE_URL' });
    expect(siteAddress({ URL: 'https://rj-guide.netlify.app' })).toEqual({ url: 'https://rj-guide.netlify.app', from: 'URL' });
    expect(siteAddress({})).toEqual({ url: 'http://localhost:4321', from: 'default' });
    expect(siteAddress({ SITE_URL: '  ' })).toEqual({ url: 'http://localhost:4321', from: 'default' });
  });

  it('is production on Netlify’s production context, or with NODE_ENV=production as the build was started', () => {
    expect(isProductionBuild({ CONTEXT: 'production' })).toBe(true);
    expect(isProductionBuild({ CONTEXT: 'deploy-preview' })).toBe(false);
    expect(isProductionBuild({ NODE_ENV: 'production' })).toBe(true);
    // Astro sets NODE_ENV=production for every build; `npm run build` passes on the caller's own.
    expect(isProductionBuild({ NODE_ENV: 'production', BUILD_NODE_ENV: '' })).toBe(false);
    expect(isProductionBuild({ NODE_ENV: 'production', BUILD_NODE_ENV: 'production' })).toBe(true);
  });

  it('must be a public https:// address in production', () => {
    expect(isPublicHttps('https://rj.example.org')).toBe(true);
    for (const address of ['http://rj.example.org', 'https://localhost:4321', 'https://127.0.0.1', 'https://[::1]:4321', 'https://app.localhost', 'not an address']) {
      expect(isPublicHttps(address), address).toBe(false);
    }
    const line = "Cannot build for production: set SITE_URL to the site's public https:// address (Netlify sets URL";
    expect(buildSiteAddress({ CONTEXT: 'production' })).toMatchObject({ ok: false, problem: expect.stringContaining(line) });
    expect(buildSiteAddress({ CONTEXT: 'production', URL: 'http://localhost:4321' })).toMatchObject({ ok: false, problem: expect.stringContaining(line) });
    expect(buildSiteAddress({ NODE_ENV: 'production', SITE_URL: 'http://rj.example.org' })).toMatchObject({ ok: false });
    expect(buildSiteAddress({ CONTEXT: 'production', URL: 'https://rj.example.org/' })).toEqual({ ok: true, url: 'https://rj.example.org' });
    expect(buildSiteAddress({})).toEqual({ ok: true, url: 'http://localhost:4321' });
    expect(buildSiteAddress({ SITE_URL: 'rj.example.org' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^Cannot build: SITE_URL must be a web address/) });
  });
});

describe('who runs the website', () => {
  it('is not configured in the content as shipped, so a development build says so and a production build stops', () => {
    const shipped = resolveOperator({});
    expect(shipped.ok && shipped.missing).toEqual(['name', 'contact', 'dataProtectionContact', 'icoNumber', 'hosting']);
    expect(operatorProblem({}, false)).toBeUndefined();
    const problem = operatorProblem({}, true) ?? '';
    expect(lines(problem)).toHaveLength(1);
    expect(problem).toMatch(/^Cannot build for production: who runs this website is not configured/);
    for (const name of Object.keys(fullOperator)) expect(problem).toContain(name);
  });

  it('names only what is missing', () => {
    const { OPERATOR_ICO_NUMBER: _ico, ...rest } = fullOperator;
    const problem = operatorProblem(rest, true) ?? '';
    expect(problem).toContain('OPERATOR_ICO_NUMBER');
    expect(problem).not.toContain('OPERATOR_NAME');
    expect(operatorProblem(fullOperator, true)).toBeUndefined();
  });

  it('takes each detail from its variable over the file', () => {
    const file = { name: 'From the file', contact: 'https://rj.example.org/contact/', dataProtectionContact: null, icoNumber: null, hosting: null };
    const result = resolveOperator({ OPERATOR_NAME: 'From the environment' }, file);
    expect(result).toMatchObject({ ok: true, operator: { name: 'From the environment', contact: 'https://rj.example.org/contact/' }, missing: ['dataProtectionContact', 'icoNumber', 'hosting'] });
  });

  it('refuses a detail that breaks its rule, with one line naming it', () => {
    expect(operatorProblem({ OPERATOR_ICO_NUMBER: '12345' }, false)).toMatch(/^Cannot build: OPERATOR_ICO_NUMBER must be an ICO registration number/);
    expect(operatorProblem({ OPERATOR_CONTACT: 'call us' }, false)).toMatch(/^Cannot build: OPERATOR_CONTACT must be an email address or a web address/);
    expect(operatorProblem({ OPERATOR_NAME: ' ' }, false)).toBe('Cannot build: OPERATOR_NAME is set but empty: remove it or give it a value');
    expect(operatorProblem({}, false, { name: null, contact: null, dataProtectionContact: null, icoNumber: 'nope', hosting: null })).toMatch(/^Cannot build: content\/operator\.json: icoNumber must be/);
    expect(operatorProblem({}, false, { name: null })).toMatch(/^Cannot build: content\/operator\.json/);
  });

  it('links a contact by email or web address', () => {
    expect(contactHref('hello@rj.example.org')).toBe('mailto:hello@rj.example.org');
    expect(contactHref('https://rj.example.org/contact/')).toBe('https://rj.example.org/contact/');
  });
});

describe('a production build that is not ready stops with one line', () => {
  const astro = ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join('test-results', 'go-live-refused')];

  it('without a public https:// address', async () => {
    const result = await exec(process.execPath, astro, { ...baseEnv(), CONTEXT: 'production', ...fullOperator });
    expect(result.code).not.toBe(0);
    expect(lines(result.stderr)).toEqual(["Cannot build for production: set SITE_URL to the site's public https:// address (Netlify sets URL; it is not set)"]);
  });

  it('with localhost as its address', async () => {
    const result = await exec(process.execPath, astro, { ...baseEnv(), CONTEXT: 'production', URL: 'http://localhost:4321', ...fullOperator });
    expect(result.code).not.toBe(0);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('URL is "http://localhost:4321"');
  });

  it('without saying who runs the website', async () => {
    const result = await exec(process.execPath, astro, { ...baseEnv(), CONTEXT: 'production', URL: 'https://rj.example.org' });
    expect(result.code).not.toBe(0);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^Cannot build for production: who runs this website is not configured: set OPERATOR_NAME/);
  });

  it('with NODE_ENV=production given to npm run build', async () => {
    // Into a folder of its own, should it ever not refuse: never over the dist/ other tests read.
    const result = await exec('npm', ['run', 'build', '--', '--outDir', join('test-results', 'go-live-refused')], { ...baseEnv(), NODE_ENV: 'production', ...fullOperator });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Cannot build for production: set SITE_URL to the site's public https:// address");
  });
});

describe('the Node version guard', () => {
  const guard = 'scripts/check-node.mjs';
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('runs before install, start, test and build', () => {
    for (const name of ['preinstall', 'prestart', 'pretest', 'prebuild']) expect(scripts[name], name).toBe(`node ${guard}`);
  });

  it('says nothing on this Node', async () => {
    const result = await exec(process.execPath, [guard], baseEnv());
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  // The machine's own Node, where it is older than the project needs (Debian's is 20).
  // Found when the file is collected, so a machine whose own Node is new enough reports this test as
  // skipped, not as passed.
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node', '/bin/node'].find((file) => {
    if (!existsSync(file)) return false;
    const [major = 0, minor = 0] = execFileSync(file, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '').split('.').map(Number);
    return major < 22 || (major === 22 && minor < 12);
  });
  it.skipIf(!oldNode)('stops an older Node at once with one line saying what to do', async () => {
    const version = (await exec(oldNode!, ['--version'], baseEnv())).stdout.trim();
    const result = await exec(oldNode!, [guard], baseEnv());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      `This project needs Node.js 22.12 or later (you have ${version}). Run "nvm install" (it reads .nvmrc) or install Node 22.`,
    ]);
  });
});

/** One valid value per question of the catalogue: a referral that answers every field. */
function everyAnswer(): Record<string, unknown> {
  const value = (field: Field): unknown => {
    switch (field.kind) {
      case 'choice':
        return field.options[0];
      case 'multi':
        return [field.options[0]];
      case 'text':
        return field.text.format === 'email' ? 'sam@example.org' : field.text.format === 'phone' ? '07700 900123' : 'x';
      case 'place':
        return 'E23000004';
      case 'agreement':
        return true;
    }
  };
  return Object.fromEntries((catalogue as readonly Field[]).map((field) => [field.id, value(field)]));
}

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
};

/** The problems a value has under the published schema (the keywords zod's conversion uses here). */
function problems(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) out.push(`${path}.${key}: required`);
    for (const [key, item] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) out.push(...problems(property, item, `${path}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
    }
  } else if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${path}: too few items`);
    value.forEach((item, i) => schema.items && out.push(...problems(schema.items, item, `${path}[${i}]`)));
  } else if (schema.type === 'string') {
    if (typeof value !== 'string') return [`${path}: not a string`];
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${path}: too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) out.push(`${path}: too long`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${path}: does not match ${schema.pattern}`);
  } else if (schema.type === 'boolean') {
    if (typeof value !== 'boolean') out.push(`${path}: not a boolean`);
  }
  if (schema.enum && !schema.enum.includes(value)) out.push(`${path}: not one of the options`);
  return out;
}

const dist = process.env.DIST_DIR ?? 'dist';
const schemaFile = join(dist, 'schemas', `${REFERRAL_VERSION}.json`);
describeBuilt(`the published JSON Schema, /schemas/${REFERRAL_VERSION}.json`, () => {
  it('is built, is valid JSON, and names itself at the site’s own address', () => {
    expect(existsSync(schemaFile)).toBe(true);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1] ?? '';
    expect(schema.$id).toBe(new URL(`/schemas/${REFERRAL_VERSION}.json`, canonical).href);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toEqual(expect.stringContaining(REFERRAL_VERSION));
    expect(typeof schema.description).toBe('string');
  });

  it('has every question of the catalogue as a property of `answers`, and nothing else', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as JsonSchema;
    const answers = schema.properties?.answers;
    expect(Object.keys(answers?.properties ?? {}).sort()).toEqual([...fieldIds].sort());
    expect(answers?.additionalProperties).toBe(false);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['answers', 'idempotencyKey']));
  });

  it('accepts a referral that answers every question of the catalogue, as the zod schema does', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as JsonSchema;
    const referral = { answers: everyAnswer(), idempotencyKey: '6f1c2b8e-4f57-4c1e-9d2a-3b7c5e8f9a10' };
    expect(Object.keys(referral.answers)).toEqual([...fieldIds]);
    expect(z.safeParse(referralSchema, referral).success).toBe(true);
    expect(problems(schema, referral)).toEqual([]);
  });

  it('refuses what the zod schema refuses: an unknown answer, a choice that is not offered, a missing key', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as JsonSchema;
    const key = '6f1c2b8e-4f57-4c1e-9d2a-3b7c5e8f9a10';
    for (const referral of [
      { answers: { ...everyAnswer(), favouriteColour: 'blue' }, idempotencyKey: key },
      { answers: { ...everyAnswer(), asker: 'someone-else' }, idempotencyKey: key },
      { answers: { ...everyAnswer(), area: 'E99' }, idempotencyKey: key },
      { answers: everyAnswer() },
    ]) {
      expect(z.safeParse(referralSchema, referral).success).toBe(false);
      expect(problems(schema, referral)).not.toEqual([]);
    }
  });
});

describe('npm run areas:report', () => {
  const report = areasReport('2026-12-01', true);

  it('has one row for each of the 43 areas, with the route the function would take', () => {
    expect(report.rows).toHaveLength(43);
    for (const [i, area] of areas.entries()) {
      const route = areaRoute(area, true);
      expect(report.rows[i]?.route, area.code).toBe(route.inbox ? route.kind : 'none');
    }
  });

  it('adds up', () => {
    const { totals } = report;
    expect(totals.areas).toBe(43);
    expect(totals.online).toBe(totals.local + totals.national);
    expect(totals.local).toBe(areas.filter((area) => areaRoute(area, true).kind === 'local').length);
    expect(totals.provider).toBe(areas.filter((area) => area.provider).length);
    expect(formatReport(report)).toContain(
      `A referral can be sent online in ${totals.online} of 43 areas (local inbox: ${totals.local}; national safety-net route: ${totals.national}).`,
    );
  });

  it('counts a source as older than 12 months from the date', () => {
    expect(yearBefore('2026-12-01')).toBe('2025-12-01');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    const seen = areas.flatMap((area) => area.sources.map((source) => source.seen)).sort();
    const yearsAfter = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
    // Exactly a year after the oldest source was seen, none is older than 12 months yet.
    expect(areasReport(yearsAfter(seen[0]!, 1), true).totals.staleSource).toBe(0);
    // Over a year after the newest was seen, every area has one.
    const late = areasReport(yearsAfter(seen.at(-1)!, 2), true);
    expect(late.totals.staleSource).toBe(43);
    expect(late.rows[0]?.staleSources[0]).toMatch(/ \(seen \d{4}-\d{2}-\d{2}\)$/);
  });

  it('without the national route, only local inboxes can take referrals', () => {
    const off = areasReport('2026-12-01', false);
    expect(off.totals.national).toBe(0);
    expect(off.totals.online).toBe(off.totals.local);
  });
});
