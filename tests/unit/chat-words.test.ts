import { describe, expect, it } from 'vitest';
import { topics, evidenceIds } from '../../machines/explain.ts';
import { changeableFields } from '../../machines/send.ts';
import { steps, type Step } from '../../machines/steps.ts';
import { chatWords } from '../../src/lib/chat-words.ts';
import { lookup } from '../../src/lib/words.ts';
import evidence from '../../content/evidence.json' with { type: 'json' };

/**
 * Every words key the charts and the island can ask for exists in content/chat/, so nothing ever shows
 * a bare key. (The model-based tests reach every state; these are the keys those states use.)
 */
const keys: string[] = [
  'conversation.intro',
  'conversation.menu',
  ...['learn', 'check', 'refer', 'find'].map((choice) => `conversation.choices.${choice}`),
  ...['back', 'backToMenu', 'skipped', 'continue', 'skip', 'startAgain', 'startAgainHint', 'helpNow', 'botName', 'youSaid', 'transcriptLabel', 'errorPrefix', 'optional', 'loading', 'noScript'].map((key) => `common.${key}`),
  ...['heading', 'emergency', 'relay', 'silent', 'nonEmergency', 'linesHeading', 'allHelp', 'close'].map((key) => `help.${key}`),
  'explain.prompt',
  'explain.check',
  ...topics.flatMap((topic) => [`explain.topics.${topic}.label`, `explain.topics.${topic}.text`]),
  ...['possible', 'on-hold', 'not-yet'].map((kind) => `outcome.kinds.${kind}`),
  ...['nobody-identified', 'denied'].map((reason) => `outcome.reasons.${reason}`),
  ...['sensitive', 'responsible-under-18', 'asker-under-18', 'asker-is-responsible', 'not-reported'].map((note) => `outcome.notes.${note}`),
  ...['provider', 'noProvider', 'offerReferral', 'contactDirectly', 'areaUnavailable', 'contactsHeading', 'notesHeading', 'nationalHeading', 'areaPage', 'choices.refer'].map((key) => `outcome.${key}`),
  'service.prompt',
  ...['prompt', 'heading', 'send', 'sendButton', 'changeLink', 'notGiven', 'errors.incomplete', 'safeWays', 'notSafe', 'interpreter', 'consentGiven'].map((key) => `check.${key}`),
  ...changeableFields.flatMap((field) => [`check.labels.${field}`, `check.change.${field}`]),
  'sending.prompt',
  ...['prompt', 'heading', 'referenceLabel', 'nextHeading', 'contactsHeading', 'forget'].map((key) => `sent.${key}`),
  ...['unavailable', 'busy', 'not-accepting', 'invalid', 'retry', 'retryButton', 'alternative'].map((key) => `failed.${key}`),
  ...['place.errors.empty', 'place.errors.invalid', 'place.errors.unknown', 'place.errors.unavailable', 'place.chooseFromList', 'place.label', 'place.hint', 'place.button'],
  'placeConfirm.prompt', 'placeChoice.prompt', 'placeChoice.scotland', 'placeList.prompt', 'placeList.label', 'placeOutside.prompt', 'placeOutside.retry',
  'contactMethods.errors.none', 'contactMethods.errors.noSafeWay', 'ways.errors.none', 'consent.errors.required', 'consent.label',
];

describe('the chat’s words', () => {
  it('has every key the conversation uses', () => {
    const stepKeys = Object.entries(steps as Record<string, Step>).flatMap(([id, step]) => {
      const own = id === 'placeOutside' ? [] : [`${id}.prompt`];
      const options = id === 'placeChoice' ? [] : (step.options ?? []).map((option) => `${id}.options.${option}`);
      const labels = step.kind === 'text' ? [`${id}.label`, `${id}.hint`] : [];
      return [...own, ...options, ...labels];
    });
    const missing = [...keys, ...stepKeys].filter((key) => lookup(chatWords, key) === undefined);
    expect(missing).toEqual([]);
  });

  it('quotes only evidence that has a source in content/evidence.json', () => {
    const ids = new Set(evidence.map((item) => item.id));
    for (const id of evidenceIds) expect(ids.has(id), id).toBe(true);
  });

  it('says plainly what the bot is not, before anything else', () => {
    const intro = lookup(chatWords, 'conversation.intro') ?? '';
    expect(intro).toMatch(/not an emergency service/);
    expect(intro).toMatch(/cannot report a crime/);
    expect(intro).toMatch(/Nothing you tell me is sent anywhere unless you choose/);
    expect(intro).toMatch(/Exit this page/);
  });
});
