import { holds, type Answers, type Condition } from './conditions.ts';
import {
  acceptance,
  campaignCodes,
  addMoreAnswers,
  ageGroups,
  askers,
  contactWays,
  forSomeoneElseAskers,
  openStages,
  responsibleSideAskers,
  safeContactWays,
  harms,
  heardFrom,
  hopes,
  languages,
  relationships,
  releaseAnswers,
  safetyNowAnswers,
  stages,
  supportAnswers,
  trustedAdultAnswers,
  under18Groups,
  ways,
  whenOptions,
  yesNo,
  yesNoNotSure,
} from './vocabulary.ts';

/**
 * The question catalogue: every question a referral can hold, in the order it is asked. The chat's
 * steps, the no-JavaScript form, check your answers (with its Change links), the email's rows, the JSON
 * attachment and the schema's field list all come from this one list. Adding a question is one entry
 * here, its words in content/locales/<locale>/questions.json and email.json, and its tests.
 *
 * Each entry is a field of the answers, named by `id`. Fields that share a `step` are asked together
 * (one turn of the chat); a step is asked when any of its fields applies. `when` says when a field
 * applies, from earlier answers; an answer to a field that does not apply is dropped, never sent.
 */
export type Phase = 'screen' | 'details';

/** The sections of check your answers and of the email, in the order they are shown. */
export const sections = ['you', 'where', 'what-happened', 'person-responsible', 'safety-now', 'contact', 'taking-part', 'more', 'consent'] as const;
export type Section = (typeof sections)[number];

export type TextRule = {
  max: number;
  multiline?: boolean;
  /** A stricter shape than free text. */
  format?: 'phone' | 'email' | 'crime-reference';
  autocomplete?: string;
  inputmode?: 'tel' | 'email' | 'text';
};

type Common = {
  id: string;
  /** The chat step this field is asked in; fields sharing a step are asked together. Defaults to `id`. */
  step?: string;
  phase: Phase;
  /** Where the answer is listed on check your answers and in the email. */
  section: Section;
  /** When the field applies. Always, when left out. */
  when?: Condition;
  /** May be left unanswered ("Continue" moves on; the answer is left out). */
  optional?: boolean;
  /** Words differ when the person asking is the person responsible (keys ending `_responsible`). */
  perspective?: boolean;
  /** Not an answer to show or send (a choice about what to ask next). */
  navigation?: boolean;
  /** Never asked: filled in from the page address (a campaign code). */
  notAsked?: boolean;
};

export type Field =
  | (Common & { kind: 'choice'; options: readonly string[]; optionWhen?: Readonly<Record<string, Condition>> })
  | (Common & { kind: 'multi'; options: readonly string[]; exclusive?: readonly string[]; optionWhen?: Readonly<Record<string, Condition>> })
  | (Common & { kind: 'text'; text: TextRule })
  /** A police force area, from a postcode, a council name or a list; `confirm` says the route there. */
  | (Common & { kind: 'place'; confirm: boolean })
  /** A box to tick: true when ticked. A required one must be ticked to go on. */
  | (Common & { kind: 'agreement' });

const someoneFound: Condition = { field: 'responsibleKnown', isNot: ['no'] };
const wantsMore: Condition = { field: 'addMore', is: ['add'] };

export const catalogue = [
  // About the person asking.
  { id: 'asker', kind: 'choice', phase: 'screen', section: 'you', options: askers },
  { id: 'askerAge', kind: 'choice', phase: 'screen', section: 'you', options: ageGroups, when: { field: 'asker', isNot: ['professional'] } },
  { id: 'trustedAdult', kind: 'choice', phase: 'screen', section: 'you', options: trustedAdultAnswers, when: { field: 'askerAge', is: under18Groups } },
  { id: 'trustedAdultContact', kind: 'text', phase: 'screen', section: 'you', optional: true, text: { max: 200 }, when: { field: 'trustedAdult', is: ['knows-may-contact'] } },
  // Where.
  { id: 'area', kind: 'place', phase: 'screen', section: 'where', confirm: true },
  { id: 'happenedHere', kind: 'choice', phase: 'screen', section: 'where', options: ['yes', 'elsewhere', 'not-sure'] },
  { id: 'happenedArea', kind: 'place', phase: 'screen', section: 'where', confirm: false, optional: true, when: { field: 'happenedHere', is: ['elsewhere'] } },
  // What happened.
  { id: 'harm', kind: 'choice', phase: 'screen', section: 'what-happened', options: harms, perspective: true },
  {
    id: 'knowsAndAgrees',
    kind: 'choice',
    phase: 'screen',
    section: 'you',
    options: yesNoNotSure,
    when: { all: [{ field: 'asker', is: forSomeoneElseAskers }, { field: 'harm', isNot: ['bereavement'] }] },
  },
  { id: 'when', kind: 'choice', phase: 'screen', section: 'what-happened', options: whenOptions },
  { id: 'reported', kind: 'choice', phase: 'screen', section: 'what-happened', options: yesNoNotSure },
  // The person responsible.
  { id: 'responsibleKnown', kind: 'choice', phase: 'screen', section: 'person-responsible', options: yesNoNotSure, when: { field: 'asker', isNot: responsibleSideAskers } },
  { id: 'relationship', kind: 'choice', phase: 'screen', section: 'person-responsible', options: relationships, perspective: true, when: someoneFound },
  { id: 'accepts', kind: 'choice', phase: 'screen', section: 'person-responsible', options: acceptance, perspective: true, when: someoneFound },
  {
    id: 'stage',
    kind: 'choice',
    phase: 'screen',
    section: 'person-responsible',
    options: stages,
    perspective: true,
    when: { all: [someoneFound, { field: 'reported', isNot: ['no'] }] },
    // Once a court has found them guilty, the case is past investigation and trial.
    optionWhen: Object.fromEntries(openStages.map((stage) => [stage, { field: 'accepts', isNot: ['found-guilty'] }])),
  },
  { id: 'release', kind: 'choice', phase: 'screen', section: 'person-responsible', options: releaseAnswers, perspective: true, when: { field: 'stage', is: ['prison-or-probation'] } },
  { id: 'responsibleUnder18', kind: 'choice', phase: 'screen', section: 'person-responsible', options: yesNoNotSure, perspective: true, when: someoneFound },
  // Safety now.
  {
    id: 'safetyNow',
    kind: 'multi',
    phase: 'screen',
    section: 'safety-now',
    options: safetyNowAnswers,
    exclusive: ['none', 'prefer-not-to-say'],
    perspective: true,
    when: someoneFound,
    optionWhen: { 'not-safe': { field: 'asker', isNot: responsibleSideAskers } },
  },

  // How to contact them safely: which ways are safe, then the details and when each is safe, then naming the service.
  { id: 'contactWays', kind: 'multi', phase: 'details', section: 'contact', options: contactWays, exclusive: ['none'] },
  { id: 'name', step: 'yourDetails', kind: 'text', phase: 'details', section: 'contact', text: { max: 80, autocomplete: 'given-name' } },
  { id: 'phone', step: 'yourDetails', kind: 'text', phase: 'details', section: 'contact', text: { max: 20, format: 'phone', autocomplete: 'tel', inputmode: 'tel' }, when: { field: 'contactWays', includes: ['call', 'text', 'voicemail'] } },
  { id: 'callTimes', step: 'yourDetails', kind: 'text', phase: 'details', section: 'contact', optional: true, text: { max: 200 }, when: { field: 'contactWays', includes: ['call', 'voicemail'] } },
  { id: 'textTimes', step: 'yourDetails', kind: 'text', phase: 'details', section: 'contact', optional: true, text: { max: 200 }, when: { field: 'contactWays', includes: ['text'] } },
  { id: 'email', step: 'yourDetails', kind: 'text', phase: 'details', section: 'contact', text: { max: 254, format: 'email', autocomplete: 'email', inputmode: 'email' }, when: { field: 'contactWays', includes: ['email'] } },
  { id: 'emailTimes', step: 'yourDetails', kind: 'text', phase: 'details', section: 'contact', optional: true, text: { max: 200 }, when: { field: 'contactWays', includes: ['email'] } },
  { id: 'mayName', kind: 'choice', phase: 'details', section: 'contact', options: yesNo, when: { field: 'contactWays', includes: safeContactWays } },
  // Taking part.
  { id: 'language', kind: 'choice', phase: 'details', section: 'taking-part', options: languages },
  { id: 'languageOther', kind: 'text', phase: 'details', section: 'taking-part', text: { max: 60 }, when: { field: 'language', is: ['other'] } },
  { id: 'interpreter', kind: 'choice', phase: 'details', section: 'taking-part', options: yesNo, when: { field: 'language', is: ['welsh', 'bsl', 'other'] } },
  // The optional questions, asked only if the person wants to.
  { id: 'addMore', kind: 'choice', phase: 'details', section: 'more', options: addMoreAnswers, navigation: true },
  { id: 'support', kind: 'multi', phase: 'details', section: 'safety-now', optional: true, options: supportAnswers, exclusive: ['none'], when: wantsMore },
  { id: 'ways', kind: 'multi', phase: 'details', section: 'taking-part', optional: true, options: ways, when: wantsMore },
  { id: 'hopes', kind: 'multi', phase: 'details', section: 'taking-part', optional: true, options: hopes, when: wantsMore },
  { id: 'accessNeeds', kind: 'text', phase: 'details', section: 'taking-part', optional: true, text: { max: 500, multiline: true }, when: wantsMore },
  { id: 'crimeReference', kind: 'text', phase: 'details', section: 'more', optional: true, text: { max: 40, format: 'crime-reference' }, when: wantsMore },
  { id: 'message', kind: 'text', phase: 'details', section: 'more', optional: true, text: { max: 1000, multiline: true }, when: wantsMore },
  { id: 'heardFrom', kind: 'choice', phase: 'details', section: 'more', optional: true, options: heardFrom, when: wantsMore },
  { id: 'campaign', kind: 'choice', phase: 'details', section: 'more', optional: true, options: campaignCodes, notAsked: true },
  // Consent: to share (required), and to let the service check details (optional), asked together.
  { id: 'consent', step: 'consent', kind: 'agreement', phase: 'details', section: 'consent' },
  { id: 'checkDetails', step: 'consent', kind: 'agreement', phase: 'details', section: 'consent', optional: true },
] as const satisfies readonly Field[];

export type FieldId = (typeof catalogue)[number]['id'];
export const fieldIds: readonly FieldId[] = catalogue.map((field) => field.id);

const byId = new Map<string, Field>(catalogue.map((field) => [field.id, field]));

export function field(id: string): Field {
  const found = byId.get(id);
  if (!found) throw new Error(`no question "${id}" in the catalogue`);
  return found;
}

export function isFieldId(id: string): id is FieldId {
  return byId.has(id);
}

export const stepOf = (entry: Field): string => entry.step ?? entry.id;

/** The steps in the order they are asked, each with its fields. */
export const steps: readonly { id: string; phase: Phase; fields: readonly Field[] }[] = (() => {
  const order: { id: string; phase: Phase; fields: Field[] }[] = [];
  for (const entry of catalogue as readonly Field[]) {
    if (entry.notAsked) continue;
    const id = stepOf(entry);
    const existing = order.find((step) => step.id === id);
    if (existing) existing.fields.push(entry);
    else order.push({ id, phase: entry.phase, fields: [entry] });
  }
  return order;
})();

export function stepById(id: string): (typeof steps)[number] | undefined {
  return steps.find((step) => step.id === id);
}

/** Whether a field is asked, given the answers so far. */
export function applies(entry: Field, answers: Answers): boolean {
  return holds(entry.when, answers);
}

/** The fields of a step that are asked now. */
export function fieldsAsked(stepId: string, answers: Answers): Field[] {
  return (stepById(stepId)?.fields ?? []).filter((entry) => applies(entry, answers));
}

/** The options a choice offers now (some depend on earlier answers). */
export function optionsFor(entry: Field, answers: Answers): readonly string[] {
  if (entry.kind !== 'choice' && entry.kind !== 'multi') return [];
  const conditions = entry.optionWhen as Readonly<Record<string, Condition>> | undefined;
  return conditions ? entry.options.filter((option) => holds(conditions[option], answers)) : entry.options;
}

/** The steps asked, in order, in one phase (or both), for these answers. */
export function stepsAsked(answers: Answers, phase?: Phase): string[] {
  return steps.filter((step) => (!phase || step.phase === phase) && step.fields.some((entry) => applies(entry, answers))).map((step) => step.id);
}

/** The next step asked after `after` (or the first), within a phase. */
export function nextStep(answers: Answers, phase: Phase, after?: string): string | undefined {
  const asked = stepsAsked(answers, phase);
  if (after === undefined) return asked[0];
  const all = steps.map((step) => step.id);
  const from = all.indexOf(after);
  return asked.find((id) => all.indexOf(id) > from);
}

/**
 * The answers without those to questions that no longer apply (an earlier answer changed), applied in
 * order, so that a dropped answer also drops the questions that depended on it.
 */
export function prune(answers: Answers): Record<string, NonNullable<Answers[string]>> {
  const kept: Record<string, NonNullable<Answers[string]>> = {};
  for (const entry of catalogue as readonly Field[]) {
    const value = answers[entry.id];
    if (value === undefined || !applies(entry, kept)) continue;
    kept[entry.id] = value;
  }
  return kept;
}

/** The answers in catalogue order, as shown on check your answers and in the email: asked, and not navigation. */
export function shownFields(answers: Answers, phase?: Phase): Field[] {
  return (catalogue as readonly Field[]).filter(
    (entry) => !entry.navigation && (!entry.notAsked || answers[entry.id] !== undefined) && (!phase || entry.phase === phase) && applies(entry, answers),
  );
}

/**
 * The answers shown, grouped by section in the sections' own order (a question asked late, such as the
 * support already in place, still sits in its section): check your answers, the form's summary and the
 * email all list them this way.
 */
export function shownBySection(answers: Answers, phase?: Phase): { section: Section; fields: Field[] }[] {
  const shown = shownFields(answers, phase);
  return sections.map((section) => ({ section, fields: shown.filter((entry) => entry.section === section) })).filter((group) => group.fields.length > 0);
}
