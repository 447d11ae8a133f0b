import nodemailer from 'nodemailer';
import type { ComposedEmail } from './compose.ts';

/**
 * Delivery over SMTP with nodemailer: TLS required unless the server is on this machine, short
 * timeouts, no pooling, and every send awaited. A transport is a small object with one `send`.
 */
export type Transport = {
  /** Resolves when the SMTP server has accepted the message; rejects with a coded error otherwise. */
  send(email: ComposedEmail): Promise<void>;
};

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  /** nodemailer's error code (ECONNECTION, ETIMEDOUT, ETLS, EENVELOPE, EMESSAGE…), safe to log. */
  readonly code: string;
  constructor(code: string) {
    super(`delivery failed: ${code}`);
    this.code = code;
  }
}

/** Overall bound on one delivery, so the person gets an answer within 15 seconds. */
export const DELIVERY_DEADLINE_MS = 14_000;

export type SmtpOptions = {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  ignoreTLS: boolean;
  auth?: { user: string; pass: string };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
  dnsTimeout: number;
  pool: false;
  tls: { minVersion: 'TLSv1.2'; rejectUnauthorized: true };
};

export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Transport options from SMTP_URL: smtps:// is implicit TLS; smtp:// must upgrade with STARTTLS unless on loopback. */
export function smtpOptions(smtpUrl: string): SmtpOptions {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  const loopback = isLoopback(url.hostname);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    requireTLS: !secure && !loopback,
    // On loopback, a receiver that offers no TLS is fine: nothing leaves the machine.
    ignoreTLS: !secure && loopback,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    dnsTimeout: 5_000,
    pool: false,
    tls: { minVersion: 'TLSv1.2', rejectUnauthorized: true },
  };
}

export function smtpTransport(options: SmtpOptions, deadlineMs = DELIVERY_DEADLINE_MS): Transport {
  const transporter = nodemailer.createTransport(options);
  return {
    async send(email) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeliveryError('EDEADLINE')), deadlineMs);
      });
      try {
        await Promise.race([transporter.sendMail(email), deadline]);
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        throw new DeliveryError(typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'EUNKNOWN');
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
