import { describe, expect, it } from 'vitest';
import { stepsAsked } from '../../referral/catalogue.ts';
import { OUTCOME } from '../../referral/form-pages.ts';
import { capturingTransport, testHandler } from '../support/referral-handler.ts';
import { firstPage, formRequest, readPage, submitPage, walk } from '../support/form-driver.ts';
import { emptyStore } from '../support/store.ts';
import { referrals, tokenIssued } from '../fixtures/referrals.ts';

/**
 * The referral as plain HTML pages, for people without JavaScript: the same catalogue, the same rules
 * and notes as the chat, a few questions a page, every answer carried along, and a check page whose
 * send button carries the time-trap token.
 */
const setUp = (options: Parameters<typeof testHandler>[1] = {}) => {
  const transport = capturingTransport();
  return { transport, ...testHandler(transport, options) };
};
const answersOf = (body: ReturnType<typeof referrals.valid>) => body.answers as Record<string, string | string[] | boolean>;

describe('the no-JavaScript form', () => {
  it('asks exactly the catalogue’s questions, in its order, with what the answers mean between the two halves', async () => {
    const { handler, transport } = setUp();
    const answers = answersOf(referrals.valid());
    const pages = await walk(handler, answers);
    const asked = pages.flatMap((page) => page.steps);
    expect(asked.filter((step) => step !== OUTCOME)).toEqual(stepsAsked(answers));
    expect(asked.indexOf(OUTCOME)).toBe(stepsAsked(answers, 'screen').length);
    const last = pages.at(-1);
    expect(last?.hasToken).toBe(true);
    expect(last?.html).toContain('Check your answers');
    expect(transport.sent).toHaveLength(0);
  });

  it('never puts a question on the same page as the answer that decides whether it is asked', async () => {
    const { handler } = setUp();
    const pages = await walk(handler, answersOf(referrals.textOnly()));
    const yourDetails = pages.find((page) => page.steps.includes('yourDetails'));
    expect(yourDetails?.steps).not.toContain('contactWays');
    // Only the texts' safe times are asked when only texts are safe.
    expect(yourDetails?.html).toContain('When is it safe to text you?');
    expect(yourDetails?.html).not.toContain('When is it safe to call you?');
  });

  it('with no safe way, says kindly on the name page and the check page that it can still be sent and they will not be contacted', async () => {
    const { handler } = setUp();
    const pages = await walk(handler, answersOf(referrals.noSafeWay()));
    const note = /That is OK\. You can still ask for a referral\. We will tell [^<]+ not to contact you\./;
    expect(pages.find((page) => page.steps.includes('yourDetails'))?.html).toMatch(note);
    expect(pages.at(-1)?.html).toContain('Check your answers');
    expect(pages.at(-1)?.html).toMatch(note);
    // Not said to someone who has a safe way.
    expect((await walk(handler, answersOf(referrals.valid()))).some((page) => note.test(page.html))).toBe(false);
  });

  it('keeps every answer and says what to change when one is missing or wrong', async () => {
    const { handler } = setUp();
    const second = await submitPage(handler, await firstPage(handler), { asker: 'person-harmed' });
    // Whether a young person is asked about an adult they trust depends on their age: the next page.
    expect(second.steps).toEqual(['askerAge']);
    const third = await submitPage(handler, second, { askerAge: '13-15' });
    expect(third.steps).toEqual(['trustedAdult']);
    const fourth = await submitPage(handler, third, { trustedAdult: 'knows-may-contact' });
    expect(fourth.steps).toEqual(['trustedAdultContact', 'area']);
    const problem = await submitPage(handler, fourth, { trustedAdultContact: 'Ms Shah, 07700 900456' });
    expect(problem.status).toBe(400);
    expect(problem.html).toContain('There is a problem');
    expect(problem.html).toContain('<a href="#f-area">Choose your area</a>');
    expect(problem.html).toContain('value="Ms Shah, 07700 900456"');
    expect(problem.hidden).toEqual(expect.arrayContaining([['askerAge', '13-15'], ['trustedAdult', 'knows-may-contact']]));
    expect(problem.steps).toEqual(fourth.steps);
  });

  it('shows the same outcome notes as the chat, and sends nothing the rules forbid', async () => {
    const { handler } = setUp();
    const pages = await walk(handler, { ...answersOf(referrals.domesticAbuse()), asker: 'person-responsible', accepts: 'yes', stage: 'awaiting-court', responsibleKnown: undefined });
    const outcome = pages.find((page) => page.steps.includes(OUTCOME));
    expect(outcome?.html).toContain('Please do not contact the person you harmed yourself');
    expect(outcome?.html).toContain('I cannot send this request for you');
    expect(outcome?.canContinue).toBe(false);
    expect(pages.at(-1)).toBe(outcome);
  });

  it('sends from the check page once its token is old enough, and treats a fresh or missing token as a bot', async () => {
    const { handler, transport } = setUp();
    const answers = answersOf(referrals.valid());
    const check = (await walk(handler, answers)).at(-1);
    if (!check) throw new Error('no check page');
    const fields = check.hidden.filter(([name]) => name !== 'token');
    const early = await handler(formRequest([...fields, ['token', tokenIssued(500)], ['_action', 'send']]));
    expect(early.status).toBe(202);
    expect(transport.sent).toHaveLength(0);
    const missing = await handler(formRequest([...fields, ['_action', 'send']]));
    expect(missing.status).toBe(202);
    expect(transport.sent).toHaveLength(0);
    const sent = await handler(formRequest([...fields, ['token', tokenIssued(10_000)], ['_action', 'send']]));
    expect(sent.status).toBe(202);
    const page = await sent.text();
    const reference = /RJ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(page)?.[0] ?? 'no reference';
    // Wherever the page writes the reference, it cannot be broken across lines at its hyphens.
    const written = page.split(reference).length - 1;
    const whole = page.split(`<strong class="reference">${reference}</strong>`).length - 1 + page.split(`<span class="nowrap">${reference}</span>`).length - 1;
    expect(written).toBeGreaterThanOrEqual(2);
    expect(whole).toBe(written);
    expect(transport.sent).toHaveLength(1);
    // The same answers sent again: the same referral (its key is made from the answers), nothing new.
    expect((await handler(formRequest([...fields, ['token', tokenIssued(10_000)], ['_action', 'send']]))).status).toBe(202);
    expect(transport.sent).toHaveLength(1);
  });

  it('lets the person change an answer from check your answers and come back to it', async () => {
    const { handler } = setUp();
    const check = (await walk(handler, answersOf(referrals.valid()))).at(-1);
    if (!check) throw new Error('no check page');
    const change = readPage(200, await (await handler(formRequest([...check.hidden.filter(([name]) => name !== 'token'), ['_action', 'change:harm']]))).text());
    expect(change.steps).toEqual(['harm']);
    const back = await submitPage(handler, change, { harm: 'robbery' });
    expect(back.hasToken).toBe(true);
    expect(back.hidden).toContainEqual(['harm', 'robbery']);
  });

  it('over the budget, shows check your answers again with every answer, the reason and the provider’s phone', async () => {
    const { handler } = setUp({ settings: { areaBudget: 1 }, store: emptyStore() });
    const send = async (name: string) => {
      const check = (await walk(handler, { ...answersOf(referrals.valid()), name })).at(-1);
      if (!check) throw new Error('no check page');
      return handler(formRequest([...check.hidden.filter(([field]) => field !== 'token'), ['token', tokenIssued(10_000)], ['_action', 'send']]));
    };
    expect((await send('Sam')).status).toBe(202);
    const limited = await send('Alex');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await limited.text();
    expect(html).toContain('<input type="hidden" name="name" value="Alex">');
    expect(html).toContain('name="token"');
    expect(html).toContain('07377 800254');
  });

  it('when delivery fails, answers 503 with Retry-After, every answer kept, and the page’s strict CSP', async () => {
    const { DeliveryError } = await import('../../functions/referral/deliver.ts');
    const { handler } = testHandler({
      send: async () => {
        throw new DeliveryError('ECONNECTION');
      },
    });
    const check = (await walk(handler, { ...answersOf(referrals.valid()), name: 'Robin' })).at(-1);
    if (!check) throw new Error('no check page');
    const response = await handler(formRequest([...check.hidden.filter(([field]) => field !== 'token'), ['token', tokenIssued(10_000)], ['_action', 'send']]));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(await response.text()).toContain('<input type="hidden" name="name" value="Robin">');
  });
});
