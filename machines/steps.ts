import type { Answers } from './types.ts';
import { admissions, askers, askerUnder18Options, harms, heardFrom, stages, ways, yesNoNotSure } from '../functions/referral/options.ts';

/**
 * The questions of the conversation, one per turn. Each step says what kind of answer it takes and,
 * for choices, which values; the wording of every prompt and option lives in content/chat/ under
 * the step's id. The charts refer to steps by id in their states' `meta`, so the island can render
 * any step without knowing the chart.
 */
export type StepKind =
  /** Buttons, one per option: one answer. */
  | 'choice'
  /** Checkboxes: any number of answers (at least one unless optional). */
  | 'checkboxes'
  /** One line of text (or a short text area for `long`). */
  | 'text'
  /** A postcode, or "choose from a list". */
  | 'place'
  /** A list of every area to choose from. */
  | 'area-list'
  /** A yes/no agreement that must be yes to go on. */
  | 'agreement';

export type Step = {
  kind: StepKind;
  options?: readonly string[];
  /** Optional questions offer "Skip"; the answer is left out of the referral. */
  optional?: boolean;
  /** A longer text area (the message). */
  long?: boolean;
  /** The text input's `autocomplete` token, where one fits. */
  autocomplete?: string;
  /** The answer this step records (and shows again when someone goes back or changes it). */
  field?: keyof Answers;
};

const withNotSure = yesNoNotSure;

export const steps = {
  // Screening: whether restorative justice could be possible.
  asker: { kind: 'choice', field: 'asker', options: askers },
  place: { kind: 'place' },
  placeChoice: { kind: 'choice' },
  placeList: { kind: 'area-list' },
  placeConfirm: { kind: 'choice', options: ['yes', 'no'] },
  harm: { kind: 'choice', field: 'harm', options: harms },
  reported: { kind: 'choice', field: 'reported', options: withNotSure },
  responsibleKnown: { kind: 'choice', field: 'responsibleKnown', options: withNotSure },
  admitted: { kind: 'choice', field: 'admitted', options: admissions },
  stage: { kind: 'choice', field: 'stage', options: stages.filter((stage) => stage !== 'not-reported') },
  responsibleUnder18: { kind: 'choice', field: 'responsibleUnder18', options: withNotSure },
  askerUnder18: { kind: 'choice', field: 'askerUnder18', options: askerUnder18Options },
  // Details: only when they choose to send a referral.
  name: { kind: 'text', field: 'name', autocomplete: 'given-name' },
  contactMethods: { kind: 'checkboxes', field: 'contactMethods', options: ['phone', 'email'] },
  phoneNumber: { kind: 'text', field: 'phone', autocomplete: 'tel' },
  phoneSafety: { kind: 'checkboxes', field: 'phoneSafety', options: ['call', 'text', 'voicemail', 'name'], optional: true },
  bestTimes: { kind: 'text', field: 'bestTimes', optional: true },
  emailAddress: { kind: 'text', field: 'email', autocomplete: 'email' },
  emailSafety: { kind: 'checkboxes', field: 'emailSafety', options: ['email', 'name'], optional: true },
  language: { kind: 'text', field: 'language', autocomplete: 'off' },
  interpreter: { kind: 'choice', field: 'interpreter', options: ['yes', 'no'] },
  accessNeeds: { kind: 'text', field: 'accessNeeds', optional: true, long: true },
  ways: { kind: 'checkboxes', field: 'ways', options: ways },
  crimeReference: { kind: 'text', field: 'crimeReference', optional: true },
  message: { kind: 'text', field: 'message', optional: true, long: true },
  heardFrom: { kind: 'choice', field: 'heardFrom', options: heardFrom, optional: true },
  consent: { kind: 'agreement', field: 'consent' },
} as const satisfies Record<string, Step>;

export type StepId = keyof typeof steps;

/** Whether `value` is one of a choice step's options. */
export function isOption(step: StepId, value: unknown): value is string {
  const options: readonly string[] | undefined = (steps[step] as Step).options;
  return typeof value === 'string' && options !== undefined && options.includes(value);
}

/** Whether every value is one of a checkbox step's options, each once. */
export function areOptions(step: StepId, values: unknown): values is string[] {
  return Array.isArray(values) && new Set(values).size === values.length && values.every((value) => isOption(step, value));
}
