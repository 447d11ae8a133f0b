import { detailsMachine } from '../../../machines/details.ts';
import { sendMachine } from '../../../machines/send.ts';
import { prefetchToken, submitReferral } from './submit.ts';

// The time-trap token is fetched as soon as a referral is on offer, well before anything is sent.
prefetchToken();

/** The referral phase, loaded only when someone asks for a referral: details, then check and send. */
export const referralPhases = {
  details: detailsMachine,
  send: sendMachine.provide({ actors: { submitReferral } }),
};
