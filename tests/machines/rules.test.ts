import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, initialTransition, transition, type AnyActorRef } from 'xstate';
import type { AreaFacts } from '../../machines/area-facts.ts';
import { conversationMachine } from '../../machines/conversation.ts';
import { detailsMachine } from '../../machines/details.ts';
import { assess } from '../../machines/outcome.ts';
import { toReferral } from '../../machines/referral.ts';
import { screenMachine } from '../../machines/screen.ts';
import { sendMachine } from '../../machines/send.ts';
import { validateReferral } from '../../functions/referral/validate.ts';
import type { ReferralInput } from '../../functions/referral/schema.ts';
import type { PostcodeResult } from '../../src/lib/finder.ts';
import { answers, merseyside } from './fixtures.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const merseysidePlace: PostcodeResult = { kind: 'area', outcode: 'L1', area: { code: 'E23000004', name: 'Merseyside', slug: 'merseyside' } };

/** The conversation with fake side effects: a postcode lookup, area facts, and sending. */
function conversation(options: { area?: AreaFacts; send?: (referral: ReferralInput) => Promise<{ reference: string }> } = {}) {
  const sent: unknown[] = [];
  const machine = conversationMachine.provide({
    actors: {
      loadArea: fromPromise(async () => options.area ?? merseyside),
      screen: screenMachine.provide({ actors: { lookupPlace: fromPromise(async () => merseysidePlace) } }),
      details: detailsMachine,
      send: sendMachine.provide({
        actors: {
          submitReferral: fromPromise<{ reference: string }, { referral: ReferralInput }>(async ({ input }) => {
            sent.push(input.referral);
            return options.send ? options.send(input.referral) : { reference: 'RJ-2345-6789' };
          }),
        },
      }),
    },
  });
  const actor = createActor(machine).start();
  const phase = () => actor.getSnapshot().children.phase as AnyActorRef | undefined;
  const say = (event: Record<string, unknown> & { type: string }) => (phase() ?? actor).send(event as never);
  return { actor, phase, say, sent };
}

async function screenThrough(say: (event: { type: string; value?: unknown }) => void, choices: string[]) {
  say({ type: 'answer.choose', value: 'person-harmed' });
  say({ type: 'answer.submit', value: 'L1 8JQ' });
  await tick();
  for (const value of choices) say({ type: 'answer.choose', value });
  await tick();
}

const sentenced = ['burglary-or-theft', 'yes', 'yes', 'admitted', 'sentenced', 'no', 'no'];

async function detailsThrough(say: (event: { type: string; value?: unknown }) => void) {
  for (const event of [
    { type: 'answer.submit', value: 'Sam' },
    { type: 'answer.submit', value: ['phone'] },
    { type: 'answer.submit', value: '07700 900123' },
    { type: 'answer.submit', value: ['call'] },
    { type: 'answer.skip' },
    { type: 'answer.submit', value: 'English' },
    { type: 'answer.choose', value: 'no' },
    { type: 'answer.skip' },
    { type: 'answer.submit', value: ['letters'] },
    { type: 'answer.skip' },
    { type: 'answer.skip' },
    { type: 'answer.choose', value: 'search' },
    { type: 'answer.submit', value: ['yes'] },
  ]) say(event);
}

describe('the outcome rules: never a hard no', () => {
  const screening = { harm: 'burglary-or-theft', reported: 'yes', responsibleKnown: 'yes', admitted: 'admitted', stage: 'sentenced', responsibleUnder18: 'no', askerUnder18: 'no' } as const;

  it('says restorative justice could be possible when someone admitted it or was found guilty', () => {
    expect(assess(screening).kind).toBe('possible');
    expect(assess({ ...screening, admitted: 'found-guilty' }).kind).toBe('possible');
    expect(assess({ ...screening, admitted: 'not-sure', responsibleKnown: 'not-sure' }).kind).toBe('possible');
  });

  it('says on hold while the case is investigated or waiting for court', () => {
    expect(assess({ ...screening, stage: 'investigation' }).kind).toBe('on-hold');
    expect(assess({ ...screening, stage: 'awaiting-court' }).kind).toBe('on-hold');
  });

  it('says not possible yet, with the reason, when nobody is identified or they deny it', () => {
    expect(assess({ ...screening, responsibleKnown: 'no' })).toMatchObject({ kind: 'not-yet', reasons: ['nobody-identified'] });
    expect(assess({ ...screening, admitted: 'denies' })).toMatchObject({ kind: 'not-yet', reasons: ['denied'] });
  });

  it('flags sensitive and complex cases, under-18s, the person responsible asking, and unreported crimes', () => {
    for (const harm of ['domestic-abuse', 'sexual-harm', 'hate-crime', 'bereavement'] as const) expect(assess({ ...screening, harm }).notes).toContain('sensitive');
    expect(assess({ ...screening, responsibleUnder18: 'yes' }).notes).toContain('responsible-under-18');
    expect(assess({ ...screening, askerUnder18: 'yes' }).notes).toContain('asker-under-18');
    expect(assess(screening, 'person-responsible').notes).toContain('asker-is-responsible');
    expect(assess({ ...screening, reported: 'no' }).notes).toContain('not-reported');
    expect(assess(screening).notes).toEqual([]);
  });
});

describe('the conversation, as an actor', () => {
  it('offers a referral when it could be possible and the area takes online referrals', async () => {
    const { actor, say } = conversation();
    actor.send({ type: 'menu.choose', choice: 'refer' });
    await screenThrough(say, sentenced);
    expect(actor.getSnapshot().matches({ flow: 'outcome' })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'referral.start' })).toBe(true);
  });

  it('does not offer a referral when it is not possible yet, and says why', async () => {
    const { actor, say } = conversation();
    actor.send({ type: 'menu.choose', choice: 'check' });
    await screenThrough(say, ['violence', 'yes', 'no', 'not-sure', 'investigation', 'no', 'no']);
    const snapshot = actor.getSnapshot();
    expect(snapshot.can({ type: 'referral.start' })).toBe(false);
    expect(snapshot.context.transcript.map((line) => ('key' in line ? line.key : ''))).toEqual(
      expect.arrayContaining(['outcome.kinds.not-yet', 'outcome.reasons.nobody-identified', 'outcome.provider']),
    );
  });

  it('does not offer a referral where the area has no online inbox, but shows the contacts', async () => {
    const { actor, say } = conversation({ area: { ...merseyside, acceptsReferrals: false } });
    actor.send({ type: 'menu.choose', choice: 'refer' });
    await screenThrough(say, sentenced);
    expect(actor.getSnapshot().can({ type: 'referral.start' })).toBe(false);
    expect(actor.getSnapshot().context.transcript.map((line) => ('key' in line ? line.key : ''))).toContain('outcome.contactDirectly');
  });

  it('skips "where is the case now" when it was never reported, recording that', async () => {
    const { actor, say } = conversation();
    actor.send({ type: 'menu.choose', choice: 'check' });
    await screenThrough(say, ['violence', 'no', 'yes', 'admitted', 'no', 'no']);
    expect(actor.getSnapshot().context.answers.stage).toBe('not-reported');
    expect(actor.getSnapshot().matches({ flow: 'outcome' })).toBe(true);
  });

  it('opens help from any step and comes back to the same question', async () => {
    const { actor, say, phase } = conversation();
    actor.send({ type: 'menu.choose', choice: 'check' });
    say({ type: 'answer.choose', value: 'person-harmed' });
    actor.send({ type: 'help.open' });
    expect(actor.getSnapshot().matches({ help: 'open', flow: 'screening' })).toBe(true);
    actor.send({ type: 'help.close' });
    expect(phase()?.getSnapshot().value).toEqual({ place: 'asking' });
  });

  it('forgets every answer and the whole transcript on start again', async () => {
    const { actor, say } = conversation();
    actor.send({ type: 'menu.choose', choice: 'refer' });
    await screenThrough(say, sentenced);
    actor.send({ type: 'conversation.restart' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.context.answers).toEqual({});
    expect(snapshot.context.transcript).toHaveLength(2);
    expect(snapshot.matches({ flow: 'start', help: 'closed' })).toBe(true);
    expect(snapshot.children.phase).toBeUndefined();
  });

  it('confirms an area from the page address instead of asking, and takes a campaign code as how they heard', async () => {
    const { actor, say, phase } = conversation();
    actor.send({ type: 'conversation.preset', area: { code: 'E23000004', name: 'Merseyside' }, heardFrom: 'poster', start: 'refer' });
    say({ type: 'answer.choose', value: 'person-harmed' });
    expect(phase()?.getSnapshot().value).toEqual({ place: 'confirming' });
    say({ type: 'answer.choose', value: 'yes' });
    for (const value of sentenced) say({ type: 'answer.choose', value });
    await tick();
    actor.send({ type: 'referral.start' });
    for (const event of [
      { type: 'answer.submit', value: 'Sam' },
      { type: 'answer.submit', value: ['email'] },
      { type: 'answer.submit', value: 'sam@example.org' },
      { type: 'answer.submit', value: ['email'] },
      { type: 'answer.submit', value: 'English' },
      { type: 'answer.choose', value: 'no' },
      { type: 'answer.skip' },
      { type: 'answer.submit', value: ['not-sure'] },
      { type: 'answer.skip' },
      { type: 'answer.skip' },
    ]) say(event);
    // "How did you hear about us" is not asked: the consent question comes next.
    expect(phase()?.getSnapshot().value).toBe('consent');
    say({ type: 'answer.submit', value: ['yes'] });
    expect(actor.getSnapshot().context.answers.heardFrom).toBe('poster');
  });

  it('keeps every answer when sending fails, and retries with the same idempotency key', async () => {
    let fail = true;
    const { actor, say, sent } = conversation({
      send: async () => {
        if (fail) throw { kind: 'unavailable' };
        return { reference: 'RJ-2345-6789' };
      },
    });
    actor.send({ type: 'menu.choose', choice: 'refer' });
    await screenThrough(say, sentenced);
    actor.send({ type: 'referral.start' });
    await detailsThrough(say);
    say({ type: 'referral.send' });
    await tick();
    expect((actor.getSnapshot().children.phase as AnyActorRef).getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.answers.name).toBe('Sam');
    fail = false;
    say({ type: 'referral.retry' });
    await tick();
    expect(actor.getSnapshot().matches({ flow: 'sent' })).toBe(true);
    expect(actor.getSnapshot().context.reference).toBe('RJ-2345-6789');
    const [first, second] = sent as { idempotencyKey: string }[];
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  });

  it('returns to check your answers after a change, with a new key, or to the outcome if a referral is no longer possible', async () => {
    const { actor, say } = conversation();
    actor.send({ type: 'menu.choose', choice: 'refer' });
    await screenThrough(say, sentenced);
    actor.send({ type: 'referral.start' });
    await detailsThrough(say);
    const key = actor.getSnapshot().context.idempotencyKey;
    say({ type: 'answer.change', field: 'message' });
    say({ type: 'answer.submit', value: 'Please call in the morning' });
    expect(actor.getSnapshot().matches({ flow: 'checking' })).toBe(true);
    expect(actor.getSnapshot().context.answers.message).toBe('Please call in the morning');
    expect(actor.getSnapshot().context.idempotencyKey).not.toBe(key);
    say({ type: 'answer.change', field: 'admitted' });
    say({ type: 'answer.choose', value: 'denies' });
    await tick();
    expect(actor.getSnapshot().matches({ flow: 'outcome' })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'referral.start' })).toBe(false);
  });
});

describe('the details chart, as an actor', () => {
  const start = (extra: Record<string, unknown> = {}) =>
    createActor(detailsMachine, { input: { answers: { language: 'English' }, nextId: 0, providerName: 'Restorative Solutions', ...extra } }).start();

  it('checks typed answers with the referral schema’s own words', () => {
    const actor = start();
    actor.send({ type: 'answer.submit', value: '   ' });
    expect(actor.getSnapshot().context.error).toEqual({ text: 'Enter the name we should use' });
    expect(actor.getSnapshot().value).toBe('name');
  });

  it('needs at least one way of contact that is safe', () => {
    const actor = start();
    for (const event of [
      { type: 'answer.submit', value: 'Sam' },
      { type: 'answer.submit', value: ['phone'] },
      { type: 'answer.submit', value: '07700 900123' },
      { type: 'answer.submit', value: [] },
      { type: 'answer.skip' },
    ] as const) actor.send(event as never);
    expect(actor.getSnapshot().value).toBe('contactMethods');
    expect(actor.getSnapshot().context.error).toEqual({ key: 'contactMethods.errors.noSafeWay' });
  });

  it('forgets the details of a contact method they no longer want used', () => {
    const actor = createActor(detailsMachine, {
      input: { answers: { ...answers.details, contactMethods: ['phone', 'email'], email: 'sam@example.org', emailSafety: ['email'] }, nextId: 0, providerName: 'RS', startAt: 'contactMethods', mode: 'change' },
    }).start();
    actor.send({ type: 'answer.submit', value: ['email'] });
    expect(actor.getSnapshot().context.answers.phone).toBeUndefined();
    expect(actor.getSnapshot().context.answers.phoneSafety).toBeUndefined();
  });

  it('will not go on without consent', () => {
    const actor = createActor(detailsMachine, { input: { answers: answers.details, nextId: 0, providerName: 'RS', startAt: 'consent', mode: 'change' } }).start();
    actor.send({ type: 'answer.submit', value: [] });
    expect(actor.getSnapshot().value).toBe('consent');
    expect(actor.getSnapshot().context.error).toEqual({ key: 'consent.errors.required' });
  });
});

describe('pure transitions (nothing runs)', () => {
  it('screen: a valid answer moves on and records it; an invalid one changes nothing', () => {
    const [initial] = initialTransition(screenMachine, { answers: {}, nextId: 0 });
    expect(initial.value).toBe('asker');
    const [next] = transition(screenMachine, initial, { type: 'answer.choose', value: 'family-member' });
    expect(next.value).toEqual({ place: 'asking' });
    expect(next.context.answers.asker).toBe('family-member');
    const [same] = transition(screenMachine, initial, { type: 'answer.choose', value: 'robbery' });
    expect(same.value).toBe('asker');
    expect(same.context.answers).toEqual({});
  });

  it('screen: a postcode starts the lookup without running it', () => {
    const [initial] = initialTransition(screenMachine, { answers: {}, nextId: 0, scope: 'place' });
    const [next, actions] = transition(screenMachine, initial, { type: 'answer.submit', value: 'CH1' });
    expect(next.value).toEqual({ place: 'lookingUp' });
    expect(actions.some((action) => action.type === 'xstate.spawnChild')).toBe(true);
  });

  it('send: an incomplete referral cannot be sent', () => {
    const [initial] = initialTransition(sendMachine, { referral: { ...answers.referral(), name: '' }, providerName: 'RS', nextId: 0 });
    const [next] = transition(sendMachine, initial, { type: 'referral.send' });
    expect(next.value).toBe('checking');
    expect(next.context.error).toEqual({ key: 'check.errors.incomplete' });
  });

  it('conversation: help opens alongside the current step', () => {
    const [initial] = initialTransition(conversationMachine);
    const [next] = transition(conversationMachine, initial, { type: 'help.open' });
    expect(next.value).toEqual({ help: 'open', flow: 'start' });
  });
});

describe('the referral the conversation sends', () => {
  it('is valid under the shared schema when every question is answered', () => {
    expect(validateReferral(answers.referral()).ok).toBe(true);
  });

  it('leaves out what was skipped and keeps only the chosen contact methods', () => {
    const referral = toReferral({ ...answers.screening, ...answers.details, email: 'old@example.org' }, { idempotencyKey: 'k' });
    expect(referral.contact.email).toBeUndefined();
    expect(referral).not.toHaveProperty('message');
    expect(referral.contact.phone).toMatchObject({ safeToCall: true, safeToText: false });
  });
});
