import { questionsMachine } from '../../../machines/questions.ts';
import { sendMachine } from '../../../machines/send.ts';
import { CheckAnswers } from './CheckAnswers.tsx';
import { checkStep } from './check-step.ts';
import { PlaceStep } from './PlaceStep.tsx';
import { QuestionStep } from './QuestionStep.tsx';
import { loadArea, lookupPlace } from './lookups.ts';
import { submitReferral } from './submit.ts';

/**
 * The questions and sending, loaded just after the page: the charts with the browser's side effects,
 * and the parts of the panel that show them. The menu does not need them, so the first download is
 * smaller; a choice made before they arrive waits for them.
 */
export const phases = {
  questions: questionsMachine.provide({ actors: { lookupPlace, loadArea, checkStep } }),
  send: sendMachine.provide({ actors: { submitReferral } }),
  QuestionStep,
  PlaceStep,
  CheckAnswers,
};
export type Phases = typeof phases;
