import * as z from 'zod';
import { line, webAddress } from './common.ts';

/**
 * Who runs this website: `content/operator.json`. The privacy notice, About and the accessibility
 * statement show it in one box (src/components/OperatorDetails.astro), and their words point at it
 * ("the organisation named on this page"). Each field may be left `null` in the file and set instead
 * by an environment variable at build time (named beside each field), so a deployment can name itself
 * without editing content. A production build stops, naming what is missing, until every field has a
 * value; a development build shows "not yet configured" in its place. Never put invented details here.
 */

/** A web address (https://…) or an email address. */
const contactPoint = z.union([z.email({ error: 'must be an email address or a web address starting with https://' }), webAddress], {
  error: 'must be an email address or a web address starting with https://',
});

export const operatorSchema = z.strictObject({
  /** A note for people editing the file; not shown. */
  $comment: z.string().optional(),
  /**
   * The organisation that runs the website and decides how referrals are handled, so the data
   * controller, as it is registered, e.g. "Example Restorative Justice CIC". OPERATOR_NAME.
   */
  name: line(120).nullable(),
  /**
   * How the public contacts it about the website (problems, accessibility, complaints): a web address
   * (https://…, e.g. a contact page) or an email address. OPERATOR_CONTACT.
   */
  contact: contactPoint.nullable(),
  /**
   * Who to contact about personal data (its data protection officer, or the person who handles data
   * protection): a web address or an email address. OPERATOR_DPO_CONTACT.
   */
  dataProtectionContact: contactPoint.nullable(),
  /**
   * Its registration number in the Information Commissioner's Office's register of data protection fee
   * payers: 8 characters starting with Z, e.g. ZA123456 or Z1234567. OPERATOR_ICO_NUMBER.
   */
  icoNumber: z
    .string()
    .trim()
    .regex(/^Z[A-Z0-9]\d{6}$/, { error: 'must be an ICO registration number: 8 characters starting with Z, e.g. ZA123456' })
    .nullable(),
  /**
   * Where the referral function runs, so where referrals are processed before they are emailed: the
   * platform and its region, e.g. "Netlify, EU (Frankfurt)". OPERATOR_HOSTING.
   */
  hosting: line(120).nullable(),
});

export type OperatorFile = z.output<typeof operatorSchema>;
export type OperatorField = Exclude<keyof OperatorFile, '$comment'>;
