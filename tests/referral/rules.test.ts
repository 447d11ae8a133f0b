import { describe, expect, it } from 'vitest';
import { assess, flags, helpLinesFor, isSensitive, noSafeWay, referralBlock, safeTimes, safeWays, unsafeWays } from '../../referral/rules.ts';
import { outcomeLines, siteMaySend } from '../../referral/outcome.ts';
import { routeKind } from '../../referral/route.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { areaByCode, areas } from '../../src/lib/areas.ts';
import { servicePolicy } from '../../src/lib/area-routing.ts';
import { randomChooser, walk } from '../support/catalogue-walk.ts';

const merseyside = toAreaFacts(areaByCode('E23000004')!, false);
const hampshire = toAreaFacts(areaByCode('E23000030')!, false);
const adult = { asker: 'person-harmed', askerAge: '18-or-over', area: 'E23000004', happenedHere: 'yes', when: 'past-year' } as const;
const keys = (answers: Record<string, unknown>, area = merseyside) => outcomeLines(answers as never, area).map((line) => line.key);

/**
 * The cases of the practice and safeguarding review (December 2026), run through the rules: each row
 * is the review's case, and what a practitioner said should happen.
 */
describe('the outcome rules, on the practice review’s cases', () => {
  it('a stranger burglary, sentenced, whose name the person does not know: found by a court, so possible, with the conviction caveat', () => {
    const answers = { ...adult, harm: 'burglary-or-theft', reported: 'yes', responsibleKnown: 'yes', relationship: 'stranger', accepts: 'found-guilty', stage: 'sentenced', responsibleUnder18: 'no' };
    expect(assess(answers)).toEqual({ kind: 'possible', reasons: [], notes: ['found-guilty'] });
    expect(siteMaySend(answers, merseyside)).toBe(true);
  });

  it('someone in prison who the person thinks denies it: a facilitator checks, and the person may still ask', () => {
    const answers = { ...adult, harm: 'violence', reported: 'yes', responsibleKnown: 'yes', relationship: 'known', accepts: 'denies', stage: 'prison-or-probation', release: 'not-soon', responsibleUnder18: 'no' };
    expect(assess(answers).kind).toBe('check-first');
    expect(assess(answers).reasons).toEqual(['denies']);
    expect(siteMaySend(answers, merseyside)).toBe(true);
    expect(keys(answers)).toContain('outcome.offerReferral');
  });

  it('every key answer "not sure": never "possible" on no information, still askable', () => {
    const answers = { ...adult, harm: 'other', reported: 'not-sure', responsibleKnown: 'not-sure', relationship: 'prefer-not-to-say', accepts: 'not-sure', stage: 'not-sure', responsibleUnder18: 'not-sure' };
    expect(assess(answers).kind).toBe('check-first');
    expect(assess(answers).reasons).toContain('too-unsure');
    expect(siteMaySend(answers, merseyside)).toBe(true);
  });

  it('nobody found: "check first" with the other ways (never a hard no), and the site may still send', () => {
    const answers = { ...adult, harm: 'burglary-or-theft', reported: 'yes', responsibleKnown: 'no' };
    expect(assess(answers)).toMatchObject({ kind: 'check-first', reasons: ['nobody-found'] });
    expect(siteMaySend(answers, merseyside)).toBe(true);
  });

  it('the person responsible asking in a domestic abuse case awaiting court: their own path, and the site does not send', () => {
    const answers = { asker: 'person-responsible', askerAge: '18-or-over', area: 'E23000030', happenedHere: 'yes', harm: 'domestic-abuse', when: 'past-month', reported: 'yes', relationship: 'partner', accepts: 'yes', stage: 'awaiting-court', responsibleUnder18: 'no' };
    expect(assess(answers).kind).toBe('responsible');
    expect(assess(answers).notes).toContain('asker-is-responsible');
    expect(referralBlock(answers, hampshire.policy)).toBe('responsible-case');
    expect(siteMaySend(answers, hampshire)).toBe(false);
    expect(keys(answers, hampshire)).toEqual(expect.arrayContaining(['outcome.kinds.responsible', 'outcome.notes.asker-is-responsible', 'outcome.blocks.responsible-case']));
    expect(keys(answers, hampshire)).not.toContain('outcome.offerReferral');
  });

  it('the person responsible asking about sexual harm, in prison: not through a website, in any area', () => {
    const answers = { asker: 'person-responsible', askerAge: '18-or-over', area: 'E23000030', happenedHere: 'yes', harm: 'sexual-harm', when: 'over-five-years', reported: 'yes', relationship: 'known', accepts: 'yes', stage: 'prison-or-probation', release: 'soon', responsibleUnder18: 'no' };
    for (const area of [hampshire, merseyside]) expect(siteMaySend(answers, area)).toBe(false);
  });

  it('the person responsible asking about a burglary, sentenced: sent where the service takes such requests, with their own words', () => {
    const answers = { asker: 'person-responsible', askerAge: '18-or-over', area: 'E23000030', happenedHere: 'yes', harm: 'burglary-or-theft', when: 'past-year', reported: 'yes', relationship: 'stranger', accepts: 'yes', stage: 'finished', responsibleUnder18: 'no' };
    expect(siteMaySend(answers, hampshire)).toBe(true);
    expect(flags(answers)).toContain('responsible-asking');
    expect(isSensitive(answers)).toBe(false);
  });

  it('where a service takes no requests from the person responsible for a harm, says so', () => {
    const answers = { asker: 'person-responsible', askerAge: '18-or-over', harm: 'stalking-or-harassment', relationship: 'known', accepts: 'yes', stage: 'finished', responsibleUnder18: 'no' };
    expect(referralBlock(answers, { adultsOnly: false, responsibleReferrals: { accepted: true, exceptFor: ['stalking-or-harassment'] } })).toBe('service-responsible');
    expect(referralBlock(answers, { adultsOnly: false, responsibleReferrals: { accepted: false, exceptFor: [] } })).toBe('service-responsible');
    expect(referralBlock(answers, { adultsOnly: false })).toBeUndefined();
  });

  it('an assault by an ex-partner entered as "violence" is treated as domestic abuse', () => {
    const answers = { ...adult, harm: 'violence', reported: 'yes', responsibleKnown: 'yes', relationship: 'partner', accepts: 'yes', stage: 'finished', responsibleUnder18: 'no', safetyNow: ['none'] };
    expect(isSensitive(answers)).toBe(true);
    expect(assess(answers).notes).toContain('sensitive');
    expect(flags(answers)).toContain('sensitive');
  });

  it('a child, sexual harm, never reported: safeguarding notes and flags; the site sends only where the service works with young people', () => {
    const answers = { asker: 'person-harmed', askerAge: '13-15', trustedAdult: 'nobody-knows', area: 'E23000030', happenedHere: 'yes', harm: 'sexual-harm', when: 'past-year', reported: 'no', responsibleKnown: 'yes', relationship: 'known', accepts: 'not-sure', responsibleUnder18: 'yes', safetyNow: ['not-safe'] };
    expect(assess(answers).notes).toEqual(expect.arrayContaining(['sensitive', 'asker-under-18', 'not-reported', 'responsible-under-18', 'not-safe-now']));
    expect(flags(answers)).toEqual(expect.arrayContaining(['asker-under-18', 'sensitive', 'not-safe-now']));
    expect(siteMaySend(answers, hampshire)).toBe(true);
    expect(merseyside.policy.adultsOnly).toBe(true);
    expect(referralBlock({ ...answers, area: 'E23000004' }, merseyside.policy)).toBe('adults-only');
    expect(keys({ ...answers, area: 'E23000004' })).toContain('outcome.blocks.adults-only');
  });

  it('someone asking for another person who does not know: the note that it only happens if they want it', () => {
    const answers = { asker: 'family-member', askerAge: '18-or-over', area: 'E23000004', happenedHere: 'yes', harm: 'violence', knowsAndAgrees: 'no', when: 'past-year', reported: 'yes', responsibleKnown: 'no' };
    expect(assess(answers).notes).toContain('someone-else-asking');
    expect(flags(answers)).toContain('someone-else-asking');
  });

  it('an open case is on hold, and flagged', () => {
    const answers = { ...adult, harm: 'robbery', reported: 'yes', responsibleKnown: 'yes', relationship: 'stranger', accepts: 'yes', stage: 'investigation', responsibleUnder18: 'no', safetyNow: ['none'] };
    expect(assess(answers).kind).toBe('on-hold');
    expect(flags(answers)).toContain('on-hold');
  });
});

describe('the help lines shown with the outcome', () => {
  const base = { asker: 'person-harmed', askerAge: '18-or-over', responsibleKnown: 'yes', relationship: 'stranger', accepts: 'yes', stage: 'finished', responsibleUnder18: 'no', safetyNow: ['none'] };
  it('fit what happened: domestic abuse lines for a partner, Rape Crisis for sexual harm, the hate crime line for hate crime', () => {
    expect(helpLinesFor({ ...base, harm: 'violence', relationship: 'partner' })).toEqual(['national-domestic-abuse-helpline', 'mens-advice-line', 'samaritans']);
    expect(helpLinesFor({ ...base, harm: 'domestic-abuse' })).not.toContain('stop-hate-uk');
    expect(helpLinesFor({ ...base, harm: 'sexual-harm' })).toEqual(['rape-crisis', 'samaritans']);
    expect(helpLinesFor({ ...base, harm: 'hate-crime' })).toEqual(['stop-hate-uk', 'samaritans']);
  });

  it('show Childline, not Rape Crisis, to someone under 16; none where no extra care is needed; none for the person responsible', () => {
    expect(helpLinesFor({ ...base, askerAge: '13-15', harm: 'sexual-harm' })).toEqual(['childline', 'samaritans']);
    expect(helpLinesFor({ ...base, askerAge: '16-17', harm: 'sexual-harm' })).toEqual(['childline', 'rape-crisis', 'samaritans']);
    expect(helpLinesFor({ ...base, harm: 'burglary-or-theft' })).toEqual([]);
    expect(helpLinesFor({ ...base, harm: 'burglary-or-theft', safetyNow: ['not-safe'] })).toEqual(['samaritans']);
    expect(helpLinesFor({ ...base, asker: 'person-responsible', harm: 'domestic-abuse' })).toEqual([]);
  });
});

describe('safe contact', () => {
  it('never lists a way as both safe and not safe, for every set of ways', () => {
    const all = ['call', 'text', 'voicemail', 'email'] as const;
    for (let mask = 0; mask < 16; mask += 1) {
      const chosen = all.filter((_, index) => mask & (1 << index));
      const answers = { contactWays: chosen.length ? chosen : ['none'] };
      expect(safeWays(answers)).toEqual(chosen);
      expect([...safeWays(answers), ...unsafeWays(answers)].sort()).toEqual([...all].sort());
      expect(safeWays(answers).filter((way) => unsafeWays(answers).includes(way))).toEqual([]);
      expect(noSafeWay(answers)).toBe(chosen.length === 0);
      expect(flags({ ...answers }).includes('no-safe-way')).toBe(chosen.length === 0);
    }
  });

  it('gives each way its own times: voicemail shares the call times, never the text or email ones', () => {
    const answers = { contactWays: ['call', 'voicemail', 'text', 'email'], callTimes: 'mornings', textTimes: 'after 6pm', emailTimes: 'any time' };
    expect(safeTimes(answers, 'call')).toBe('mornings');
    expect(safeTimes(answers, 'voicemail')).toBe('mornings');
    expect(safeTimes(answers, 'text')).toBe('after 6pm');
    expect(safeTimes(answers, 'email')).toBe('any time');
  });
});

describe('flags', () => {
  it('are empty only when none of the rules apply', () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const answers = walk(randomChooser(seed));
      const found = flags(answers);
      const anyApplies =
        noSafeWay(answers) || isSensitive(answers) || assess(answers).kind !== 'possible' || assess(answers).notes.some((note) => ['asker-under-18', 'not-safe-now', 'responsible-under-18', 'someone-else-asking'].includes(note)) ||
        ((answers.safetyNow as string[] | undefined) ?? []).some((item) => ['in-contact', 'order', 'not-safe'].includes(item)) || answers.harm === 'prefer-not-to-say';
      expect(found.length === 0, `seed ${seed}: ${JSON.stringify(found)}`).toBe(!anyApplies);
    }
  });
});

describe('routes, from our area data', () => {
  it('sends locally only where a provider and a usable inbox are known, otherwise the national route or direct contact', () => {
    for (const area of areas) {
      const local = Boolean(area.provider && area.referralEmail && area.referralEmail.secureRoute !== 'cjsm');
      expect(routeKind(area, true), area.code).toBe(local ? 'local' : 'national');
      expect(routeKind(area, false), area.code).toBe(local ? 'local' : 'direct');
      expect(toAreaFacts(area, false).recipient, area.code).toBe(local ? area.provider!.name : '');
      expect(servicePolicy(area).adultsOnly).toBe(area.provider?.worksWith?.adultsOnly ?? false);
    }
  });

  it('never offers a referral in an area with no route, and always names who to contact instead', () => {
    const answers = { ...adult, harm: 'burglary-or-theft', reported: 'yes', responsibleKnown: 'no' };
    for (const area of areas) {
      const facts = toAreaFacts(area, false);
      const lines = keys({ ...answers, area: area.code }, facts);
      if (facts.route === 'direct') {
        expect(lines, area.code).toContain('outcome.contactDirectly');
        expect(siteMaySend(answers, facts)).toBe(false);
      } else expect(lines, area.code).toContain('outcome.offerReferral');
      expect(lines).toContain(facts.provider ? 'outcome.provider' : 'outcome.noProvider');
    }
  });
});
