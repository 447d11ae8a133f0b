import data from '../../content/operator.json' with { type: 'json' };
import { operatorSchema, type OperatorField, type OperatorFile } from '../schemas/operator.ts';

/**
 * Who runs this website, from content/operator.json with each field overridable at build time by an
 * environment variable. Read by the box on the privacy notice, About and the accessibility statement
 * (src/components/OperatorDetails.astro), and checked by the build (astro.config.mjs): a production
 * build stops with one line naming what is missing.
 */
type Env = Record<string, string | undefined>;

/** Every field, in the order the box shows it, with the variable that sets it and what it is. */
export const operatorFields: readonly { field: OperatorField; env: string; what: string }[] = [
  { field: 'name', env: 'OPERATOR_NAME', what: "the organisation's name" },
  { field: 'contact', env: 'OPERATOR_CONTACT', what: 'its contact web address or email' },
  { field: 'dataProtectionContact', env: 'OPERATOR_DPO_CONTACT', what: 'its data protection contact' },
  { field: 'icoNumber', env: 'OPERATOR_ICO_NUMBER', what: 'its ICO registration number' },
  { field: 'hosting', env: 'OPERATOR_HOSTING', what: 'where the referral function runs, e.g. "Netlify, EU (Frankfurt)"' },
];

export type Operator = { [K in OperatorField]: string | null };

export type OperatorResult =
  /** Every field that has a value, and the fields that have none yet. */
  | { ok: true; operator: Operator; missing: OperatorField[] }
  /** A value that breaks its rule (in the file or a variable): one line naming it. */
  | { ok: false; problem: string };

/** The operator: the file's values, each replaced by its variable when that is set. */
export function resolveOperator(env: Env = process.env, file: unknown = data): OperatorResult {
  const parsed = operatorSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(the whole file)';
    return { ok: false, problem: `Cannot build: content/operator.json: ${path} ${issue?.message ?? 'is not valid'} (see src/schemas/operator.ts)` };
  }
  const operator = {} as Operator;
  for (const { field, env: name } of operatorFields) {
    const raw = env[name];
    if (raw === undefined) {
      operator[field] = parsed.data[field];
      continue;
    }
    if (raw.trim() === '') return { ok: false, problem: `Cannot build: ${name} is set but empty: remove it or give it a value` };
    const value = operatorSchema.shape[field].safeParse(raw);
    if (!value.success) return { ok: false, problem: `Cannot build: ${name} ${value.error.issues[0]?.message ?? 'is not valid'} (it is "${raw}")` };
    operator[field] = value.data;
  }
  return { ok: true, operator, missing: operatorFields.filter(({ field }) => operator[field] === null).map(({ field }) => field) };
}

/**
 * The one line that stops a build, if any: a value that breaks its rule; or, in production, any field
 * without a value (a live site must say who is responsible for people's data).
 */
export function operatorProblem(env: Env, production: boolean, file: unknown = data): string | undefined {
  const result = resolveOperator(env, file);
  if (!result.ok) return result.problem;
  if (!production || result.missing.length === 0) return undefined;
  const missing = operatorFields.filter(({ field }) => result.missing.includes(field));
  const list = missing.map(({ env: name, what }) => `${name} (${what})`);
  const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  return `Cannot build for production: who runs this website is not configured: set ${joined}, or fill in content/operator.json`;
}

/** A contact as a link: `mailto:` for an email address, the address itself for a web page. */
export function contactHref(contact: string): string {
  return contact.includes('@') && !/^https?:\/\//.test(contact) ? `mailto:${contact}` : contact;
}

export type { OperatorField, OperatorFile };
