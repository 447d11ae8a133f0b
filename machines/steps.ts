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
};

const withNotSure = yesNoNotSure;

export const steps = {
  // Screening: whether restorative justice could be possible.
  asker: { kind: 'choice', options: askers },
  place: { kind: 'place' },
  placeChoice: { kind: 'choice' },
  placeList: { kind: 'area-list' },
  placeConfirm: { kind: 'choice', options: ['yes', 'no'] },
  harm: { kind: 'choice', options: harms },
  reported: { kind: 'choice', options: withNotSure },
  responsibleKnown: { kind: 'choice', options: withNotSure },
  admitted: { kind: 'choice', options: admissions },
  stage: { kind: 'choice', options: stages.filter((stage) => stage !== 'not-reported') },
  responsibleUnder18: { kind: 'choice', options: withNotSure },
  askerUnder18: { kind: 'choice', options: askerUnder18Options },
  // Details: only when they choose to send a referral.
  name: { kind: 'text', autocomplete: 'given-name' },
  contactMethods: { kind: 'checkboxes', options: ['phone', 'email'] },
  phoneNumber: { kind: 'text', autocomplete: 'tel' },
  phoneSafety: { kind: 'checkboxes', options: ['call', 'text', 'voicemail', 'name'], optional: true },
  bestTimes: { kind: 'text', optional: true },
  emailAddress: { kind: 'text', autocomplete: 'email' },
  emailSafety: { kind: 'checkboxes', options: ['email', 'name'], optional: true },
  language: { kind: 'text', autocomplete: 'off' },
  interpreter: { kind: 'choice', options: ['yes', 'no'] },
  accessNeeds: { kind: 'text', optional: true, long: true },
  ways: { kind: 'checkboxes', options: ways },
  crimeReference: { kind: 'text', optional: true },
  message: { kind: 'text', optional: true, long: true },
  heardFrom: { kind: 'choice', options: heardFrom, optional: true },
  consent: { kind: 'agreement' },
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
