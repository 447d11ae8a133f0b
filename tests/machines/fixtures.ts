import type { AreaFacts } from '../../machines/area-facts.ts';
import type { Answers } from '../../machines/types.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { areaByCode } from '../../src/lib/areas.ts';

/** Named answers shared by the machine tests (the same shape the chat, the form and the function use). */
export const answers = {
  /** A sentenced burglary in Merseyside, everything known. */
  screening: {
    asker: 'person-harmed',
    askerAge: '18-or-over',
    area: 'E23000004',
    happenedHere: 'yes',
    harm: 'burglary-or-theft',
    when: 'past-year',
    reported: 'yes',
    responsibleKnown: 'yes',
    relationship: 'stranger',
    accepts: 'found-guilty',
    stage: 'sentenced',
    responsibleUnder18: 'no',
    safetyNow: ['none'],
  } satisfies Answers,
  /** Details for a referral: calls safe, English, nothing more added, consent given. */
  details: {
    contactWays: ['call'],
    name: 'Sam',
    phone: '07700 900123',
    mayName: 'yes',
    language: 'english',
    addMore: 'skip',
    consent: true,
  } satisfies Answers,
  /** Answers that bring in as many questions as possible: a 15-year-old, elsewhere, every way, another language, more added. */
  widest: {
    asker: 'person-harmed',
    askerAge: '13-15',
    trustedAdult: 'knows-may-contact',
    trustedAdultContact: 'Ms Shah, 07700 900456',
    area: 'E23000030',
    happenedHere: 'elsewhere',
    happenedArea: 'E23000004',
    harm: 'violence',
    when: 'past-year',
    reported: 'yes',
    responsibleKnown: 'yes',
    relationship: 'known',
    accepts: 'yes',
    stage: 'prison-or-probation',
    release: 'soon',
    responsibleUnder18: 'no',
    safetyNow: ['in-contact'],
    contactWays: ['call', 'text', 'voicemail', 'email'],
    name: 'Sam',
    phone: '07700 900123',
    callTimes: 'Mornings',
    textTimes: 'After 6pm',
    email: 'sam@example.org',
    emailTimes: 'Any time',
    mayName: 'no',
    language: 'other',
    languageOther: 'Polish',
    interpreter: 'yes',
    addMore: 'add',
    support: ['victim-support'],
    ways: ['letters'],
    hopes: ['ask-questions'],
    accessNeeds: 'Step-free access',
    crimeReference: 'MP/12345/26',
    message: 'I would like to ask why.',
    heardFrom: 'poster',
    consent: true,
    checkDetails: true,
  } satisfies Answers,
};

export const merseyside: AreaFacts = toAreaFacts(areaByCode('E23000004')!, true);
export const hampshire: AreaFacts = toAreaFacts(areaByCode('E23000030')!, true);
/** An area with no inbox while the national route is off: the person contacts the service directly. */
export const direct: AreaFacts = toAreaFacts(areaByCode('W15000001')!, false);
/** The same area with the national safety-net route on. */
export const national: AreaFacts = toAreaFacts(areaByCode('W15000001')!, true);
