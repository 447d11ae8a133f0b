import { detailsMachine } from '../../../machines/details.ts';
import { sendMachine } from '../../../machines/send.ts';
import { submitReferral } from './submit.ts';

/** The referral phase, loaded only when someone asks for a referral: details, then check and send. */
export const referralPhases = {
  details: detailsMachine,
  send: sendMachine.provide({ actors: { submitReferral } }),
};
