import { fromPromise } from 'xstate';
import { checkAnswers } from '../../../referral/answer-rules.ts';
import { field } from '../../../referral/catalogue.ts';
import type { FieldIssue } from '../../../referral/complete.ts';
import type { Answers } from '../../../machines/types.ts';

/** A step's answers, checked with the same rules the function applies (referral/answer-rules.ts). */
export const checkStep = fromPromise<FieldIssue[], { values: Answers; fields: string[] }>(async ({ input }) =>
  checkAnswers(input.values, input.fields.map((id) => field(id))),
);
