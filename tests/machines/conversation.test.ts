import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type AnyActorRef } from 'xstate';
import type { AreaFacts } from '../../machines/area-facts.ts';
import { conversationMachine } from '../../machines/conversation.ts';
import { questionsMachine } from '../../machines/questions.ts';
import { sendMachine, type Submitted } from '../../machines/send.ts';
import type { Line } from '../../machines/types.ts';
import { fieldsAsked } from '../../referral/catalogue.ts';
import type { PlaceResult } from '../../referral/place.ts';
import { validateReferral, type Referral } from '../../referral/schema.ts';
import { areaByCode } from '../../src/lib/areas.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { merseyside } from './fixtures.ts';
import { checkStep } from '../../src/components/chat/check-step.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The conversation with its real charts, and fake side effects: a place lookup, area facts, sending. */
function conversation(options: { nationalRoute?: boolean; send?: (referral: Referral) => Promise<Submitted> } = {}) {
  const sent: Referral[] = [];
  const places: Record<string, PlaceResult> = {
    'L1 8JQ': { kind: 'area', area: { code: 'E23000004', name: 'Merseyside', slug: 'merseyside' } },
    'SO23 8UJ': { kind: 'area', area: { code: 'E23000030', name: 'Hampshire and the Isle of Wight', slug: 'hampshire' } },
    'CF10 1EP': { kind: 'area', area: { code: 'W15000003', name: 'South Wales', slug: 'south-wales' } },
  };
  const machine = conversationMachine.provide({
    actors: {
      questions: questionsMachine.provide({
        actors: {
          lookupPlace: fromPromise<PlaceResult, { text: string }>(async ({ input }) => places[input.text.trim().toUpperCase()] ?? { kind: 'invalid' }),
          loadArea: fromPromise<AreaFacts, { code: string }>(async ({ input }) => toAreaFacts(areaByCode(input.code)!, options.nationalRoute ?? false)),
          checkStep,
        },
      }),
      send: sendMachine.provide({
        actors: {
          submitReferral: fromPromise<Submitted, { referral: Referral }>(async ({ input }) => {
            sent.push(structuredClone(input.referral));
            return options.send ? options.send(input.referral) : { reference: 'RJ-2345-6789' };
          }),
        },
      }),
    },
  });
  const actor = createActor(machine).start();
  const phase = () => actor.getSnapshot().children.phase as AnyActorRef | undefined;
  const say = async (event: Record<string, unknown> & { type: string }) => {
    (phase() ?? actor).send(event as never);
    await tick();
    await tick();
  };
  const step = () => (phase()?.getSnapshot().context as { step?: string } | undefined)?.step;
  const asked = () => fieldsAsked(step() ?? '', (phase()?.getSnapshot().context as { answers: Record<string, never> }).answers).map((entry) => entry.id);
  const answer = (values: Record<string, unknown>) => say({ type: 'answer.submit', values });
  const transcript = () => actor.getSnapshot().context.transcript as Line[];
  const phaseLog = () => ((phase()?.getSnapshot().context as { log?: Line[] } | undefined)?.log ?? []) as Line[];
  const said = () => [...transcript(), ...phaseLog()].filter((line) => line.from === 'bot').map((line) => (line as { key: string }).key);
  const flow = () => (actor.getSnapshot().value as { flow: string }).flow;
  return { actor, phase, say, step, asked, answer, sent, said, flow, transcript };
}

type Chat = ReturnType<typeof conversation>;

/** Screening answers for a sentenced burglary, from "Ask for a referral" to what the answers mean. */
async function screen(chat: Chat, overrides: Record<string, unknown> = {}, postcode = 'L1 8JQ') {
  await chat.say({ type: 'menu.choose', choice: 'refer' });
  const plan: Record<string, unknown> = {
    asker: 'person-harmed', askerAge: '18-or-over', happenedHere: 'yes', harm: 'burglary-or-theft', when: 'past-year', reported: 'yes',
    responsibleKnown: 'yes', relationship: 'stranger', accepts: 'found-guilty', stage: 'sentenced', responsibleUnder18: 'no', safetyNow: ['none'], ...overrides,
  };
  for (let guard = 0; chat.flow() === 'screening' && guard < 30; guard += 1) {
    const current = chat.step();
    if (current === 'area') {
      await chat.say({ type: 'place.find', text: postcode });
      continue;
    }
    await chat.answer(Object.fromEntries(chat.asked().map((id) => [id, plan[id]])));
  }
}

async function refer(chat: Chat, plan: Record<string, unknown>) {
  await chat.say({ type: 'referral.start' });
  for (let guard = 0; chat.flow() === 'details' && guard < 30; guard += 1) await chat.answer(Object.fromEntries(chat.asked().map((id) => [id, plan[id]])));
}

const details = { contactWays: ['call'], name: 'Sam', phone: '07700 900123', mayName: 'yes', language: 'english', addMore: 'skip', consent: true };

describe('the conversation, with its real charts', () => {
  it('asks only what applies, says the route as soon as the area is known, and sends one valid referral', async () => {
    const chat = conversation();
    await screen(chat);
    expect(chat.said()).toEqual(expect.arrayContaining(['route.found', 'route.local']));
    expect(chat.said().indexOf('route.local')).toBeLessThan(chat.said().indexOf('questions.happenedHere.prompt'));
    expect(chat.flow()).toBe('outcome');
    expect(chat.actor.getSnapshot().context.assessment?.kind).toBe('possible');
    await refer(chat, details);
    expect(chat.flow()).toBe('checking');
    await chat.say({ type: 'referral.send' });
    expect(chat.flow()).toBe('sent');
    expect(chat.sent).toHaveLength(1);
    const result = validateReferral(chat.sent[0]);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(chat.sent[0]?.answers).toMatchObject({ area: 'E23000004', contactWays: ['call'], phone: '07700 900123', consent: true });
    expect(chat.actor.getSnapshot().context.reference).toBe('RJ-2345-6789');
  });

  it('for a person who does not know who did it: no questions about them, and the outcome says why', async () => {
    const chat = conversation();
    await screen(chat, { responsibleKnown: 'no' });
    const keys = chat.said();
    for (const id of ['relationship', 'accepts', 'stage', 'responsibleUnder18', 'safetyNow']) expect(keys).not.toContain(`questions.${id}.prompt`);
    expect(chat.actor.getSnapshot().context.assessment).toMatchObject({ kind: 'check-first', reasons: ['nobody-found'] });
  });

  it('asks when each safe way is safe, and nothing about a way not marked safe', async () => {
    const chat = conversation();
    await screen(chat);
    await chat.say({ type: 'referral.start' });
    await chat.answer({ contactWays: ['text'] });
    expect(chat.step()).toBe('yourDetails');
    expect(chat.asked()).toEqual(['name', 'phone', 'textTimes']);
    await chat.answer({ name: 'Sam', phone: '07700 900123' });
    // An empty optional answer moves on, with no problem.
    expect(chat.step()).toBe('mayName');
    expect((chat.phase()?.getSnapshot().context as { problems: unknown[] }).problems).toEqual([]);
  });

  it('with no safe way: says kindly at once that it can still be sent, asks a name only and not about naming the service, and says what that means before check your answers', async () => {
    const chat = conversation();
    await screen(chat);
    await refer(chat, { ...details, contactWays: ['none'] });
    expect(chat.said()).not.toContain('questions.mayName.prompt');
    const said = chat.said();
    expect(said[said.indexOf('questions.yourDetails.promptNoContact') - 1]).toBe('noSafeWayFirst');
    expect(chat.said().at(-2)).toBe('noSafeWay');
    expect(chat.flow()).toBe('checking');
  });

  it('keeps a problem beside the question, and the person’s typing, until it is put right', async () => {
    const chat = conversation();
    await chat.say({ type: 'menu.choose', choice: 'refer' });
    await chat.answer({ asker: 'person-harmed' });
    await chat.answer({ askerAge: '18-or-over' });
    await chat.say({ type: 'place.find', text: 'L99 nowhere' });
    const context = chat.phase()?.getSnapshot().context as { draft: string; problems: { key?: string }[] };
    expect(context.draft).toBe('L99 nowhere');
    expect(context.problems).toEqual([{ field: 'area', key: 'questions.area.errors.invalid' }]);
    await chat.say({ type: 'place.find', text: 'L1 8JQ' });
    expect(chat.step()).toBe('happenedHere');
  });

  it('reports a typed answer’s problem by its code, and moves on once it is right', async () => {
    const chat = conversation();
    await screen(chat);
    await chat.say({ type: 'referral.start' });
    await chat.answer({ contactWays: ['call'] });
    await chat.answer({ name: 'Sam', phone: '12' });
    expect((chat.phase()?.getSnapshot().context as { problems: unknown[] }).problems).toEqual([{ field: 'phone', code: 'phone' }]);
    expect(chat.step()).toBe('yourDetails');
    await chat.answer({ name: 'Sam', phone: '07700 900123' });
    expect(chat.step()).toBe('mayName');
  });

  it('says the national route at once where the area has no inbox of its own, and sends there', async () => {
    const chat = conversation({ nationalRoute: true });
    await screen(chat, {}, 'CF10 1EP');
    expect(chat.said()).toContain('route.national');
    expect(chat.actor.getSnapshot().context.area?.route).toBe('national');
    await refer(chat, details);
    expect(chat.said()).toContain('consentExplain.national');
    await chat.say({ type: 'referral.send' });
    expect(chat.sent[0]?.answers.area).toBe('W15000003');
  });

  it('where nothing can be sent, says who to contact and offers no referral', async () => {
    const chat = conversation({ nationalRoute: false });
    await screen(chat, {}, 'CF10 1EP');
    expect(chat.said()).toContain(areaByCode('W15000003')?.provider ? 'route.direct' : 'route.directNoProvider');
    await chat.say({ type: 'referral.start' });
    expect(chat.flow()).toBe('outcome');
  });

  it('Change asks that one step and what it brings in, then returns to check your answers, dropping what no longer applies', async () => {
    const chat = conversation();
    await screen(chat);
    await refer(chat, details);
    await chat.say({ type: 'answer.change', step: 'contactWays' });
    expect(chat.flow()).toBe('changing');
    await chat.answer({ contactWays: ['email'] });
    expect(chat.step()).toBe('yourDetails');
    expect(chat.asked()).toEqual(['name', 'email', 'emailTimes']);
    await chat.answer({ name: 'Sam', email: 'sam@example.org' });
    expect(chat.flow()).toBe('checking');
    await chat.say({ type: 'referral.send' });
    expect(chat.sent[0]?.answers).not.toHaveProperty('phone');
    expect(chat.sent[0]?.answers).toMatchObject({ contactWays: ['email'], email: 'sam@example.org' });
  });

  it('a change that means this site may not send it goes back to what the answers mean', async () => {
    const chat = conversation();
    await screen(chat, { asker: 'person-responsible', accepts: 'yes', stage: 'finished' }, 'SO23 8UJ');
    expect(chat.actor.getSnapshot().context.assessment?.kind).toBe('responsible');
    await refer(chat, details);
    expect(chat.flow()).toBe('checking');
    await chat.say({ type: 'answer.change', step: 'harm' });
    await chat.answer({ harm: 'domestic-abuse' });
    expect(chat.flow()).toBe('outcome');
    expect(chat.said().at(-1)).toBe('outcome.said');
    await chat.say({ type: 'referral.start' });
    expect(chat.flow()).toBe('outcome');
    expect(chat.sent).toHaveLength(0);
  });

  it('a failed send keeps every answer and retries with the same key; it never sends twice', async () => {
    let fail = true;
    const chat = conversation({
      send: async () => {
        if (fail) throw { kind: 'unavailable' };
        return { reference: 'RJ-2345-6789' };
      },
    });
    await screen(chat);
    await refer(chat, details);
    await chat.say({ type: 'referral.send' });
    expect(chat.said()).toContain('failed.unavailable');
    fail = false;
    await chat.say({ type: 'referral.retry' });
    expect(chat.flow()).toBe('sent');
    expect(chat.sent).toHaveLength(2);
    expect(chat.sent[0]?.idempotencyKey).toBe(chat.sent[1]?.idempotencyKey);
    expect(chat.sent[0]?.answers).toEqual(chat.sent[1]?.answers);
  });

  it('"I need help now" opens and closes without losing the place; "Start again" asks first', async () => {
    const chat = conversation();
    await chat.say({ type: 'menu.choose', choice: 'refer' });
    await chat.answer({ asker: 'person-harmed' });
    chat.actor.send({ type: 'help.open' });
    expect(chat.actor.getSnapshot().matches({ help: 'open' })).toBe(true);
    chat.actor.send({ type: 'help.close' });
    expect(chat.step()).toBe('askerAge');
    chat.actor.send({ type: 'restart.ask' });
    expect(chat.actor.getSnapshot().matches({ help: 'confirmingRestart' })).toBe(true);
    chat.actor.send({ type: 'restart.cancel' });
    expect(chat.step()).toBe('askerAge');
    chat.actor.send({ type: 'restart.ask' });
    chat.actor.send({ type: 'conversation.restart' });
    expect(chat.flow()).toBe('start');
    expect(chat.actor.getSnapshot().context.answers).toEqual({});
  });

  it('Back from the first question returns to the menu; Back from the outcome asks the last question again', async () => {
    const chat = conversation();
    await screen(chat);
    await chat.say({ type: 'nav.back' });
    expect(chat.flow()).toBe('resuming');
    expect(chat.step()).toBe('safetyNow');
    await chat.answer({ safetyNow: ['in-contact'] });
    expect(chat.flow()).toBe('outcome');
    expect(chat.actor.getSnapshot().context.answers.safetyNow).toEqual(['in-contact']);
    const fresh = conversation();
    await fresh.say({ type: 'menu.choose', choice: 'check' });
    await fresh.say({ type: 'nav.back' });
    expect(fresh.flow()).toBe('start');
  });

  it('Back keeps going back one question at a time from what the answers mean and from check your answers', async () => {
    const chat = conversation();
    await screen(chat);
    await chat.say({ type: 'nav.back' });
    expect(chat.step()).toBe('safetyNow');
    await chat.say({ type: 'nav.back' });
    expect(chat.step()).toBe('responsibleUnder18');
    await chat.say({ type: 'nav.back' });
    expect(chat.step()).toBe('stage');
    await chat.answer({ stage: 'sentenced' });
    await chat.answer({ responsibleUnder18: 'no' });
    await chat.answer({ safetyNow: ['none'] });
    expect(chat.flow()).toBe('outcome');
    await refer(chat, details);
    expect(chat.flow()).toBe('checking');
    await chat.say({ type: 'nav.back' });
    expect(chat.flow()).toBe('lastDetails');
    expect(chat.step()).toBe('consent');
    await chat.say({ type: 'nav.back' });
    expect(chat.step()).toBe('addMore');
    // Back past the first referral question: what the answers mean, as from that question itself.
    for (let guard = 0; chat.flow() === 'lastDetails' && guard < 10; guard += 1) await chat.say({ type: 'nav.back' });
    expect(chat.flow()).toBe('outcome');
  });

  it('says kindly that no way is safe whenever the answers are checked: after a change to "No way is safe", too', async () => {
    const chat = conversation();
    await screen(chat);
    await refer(chat, details);
    expect(chat.said()).not.toContain('noSafeWay');
    await chat.say({ type: 'answer.change', step: 'contactWays' });
    await chat.answer({ contactWays: ['none'] });
    for (let guard = 0; chat.flow() === 'changing' && guard < 5; guard += 1) await chat.answer(Object.fromEntries(chat.asked().map((id) => [id, (details as Record<string, unknown>)[id]])));
    expect(chat.flow()).toBe('checking');
    expect(chat.said().slice(-2)).toEqual(['noSafeWay', 'check.prompt']);
  });

  it('a campaign code and an area from the page address go into the referral; the area is confirmed, not asked', async () => {
    const chat = conversation();
    chat.actor.send({ type: 'conversation.preset', area: { code: 'E23000004', name: 'Merseyside' }, campaign: 'poster', start: 'refer' });
    await tick();
    await chat.answer({ asker: 'person-harmed' });
    await chat.answer({ askerAge: '18-or-over' });
    expect(chat.said().at(-1)).toBe('questions.area.presetPrompt');
    await chat.say({ type: 'place.confirm', confirmed: true });
    await waitFor(chat.phase()!, (snapshot) => (snapshot.context as { step?: string }).step === 'happenedHere');
    expect(chat.actor.getSnapshot().context.answers.campaign).toBe('poster');
  });

  it('the facts it loads are the site’s own', () => {
    expect(merseyside.route).toBe('local');
    expect(merseyside.recipient).toBe('Restorative Solutions');
  });
});
