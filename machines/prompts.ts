import { stepById, type Field } from '../referral/catalogue.ts';
import { noSafeWay, perspective } from '../referral/rules.ts';
import { areaVars } from '../referral/outcome.ts';
import type { AreaFacts } from './area-facts.ts';
import type { Answers } from './types.ts';

/**
 * What the conversation says to ask a step: the question's words (by key), filled in with the area and
 * who receives the referral, in the person responsible's own words where they are the one asking
 * (`variant`), and, before some steps, a line that must come first (who receives it, before consent).
 */
export type AskLine = { key: string; vars?: Record<string, string>; variant?: string };

export function variantFor(entry: Field | undefined, answers: Answers): string | undefined {
  return entry?.perspective && perspective(answers) === 'responsible' ? 'responsible' : undefined;
}

export function askLines(stepId: string, answers: Answers, area: AreaFacts | undefined): AskLine[] {
  const step = stepById(stepId);
  const first = step?.fields[0];
  const vars = areaVars(area);
  const variant = variantFor(first, answers);
  const line = (key: string): AskLine => ({ key, vars, ...(variant ? { variant } : {}) });
  switch (stepId) {
    case 'yourDetails':
      // No way is safe: said kindly at once, before anything else is asked (and again, with the
      // service's details, before sending).
      return noSafeWay(answers) ? [line('noSafeWayFirst'), line('questions.yourDetails.promptNoContact')] : [line('questions.yourDetails.prompt')];
    case 'consent':
      return [line(`consentExplain.${area?.route === 'national' ? 'national' : 'local'}`), line('questions.consent.prompt')];
    default:
      return [line(`questions.${stepId}.prompt`)];
  }
}

/** The words key of a chosen option. */
export function choiceKey(entry: Field, value: string, _answers: Answers): string {
  return `questions.${entry.id}.options.${value}`;
}
