import nodemailer from 'nodemailer';
import type { ComposedEmail } from './compose.ts';

/**
 * Delivery over SMTP with nodemailer: TLS required unless the server is on this machine, certificates
 * verified, short timeouts, no pooling, every send awaited and cut off at a deadline, and optional
 * DKIM signing. A transport is a small object with one `send`.
 *
 * A failure says whether the provider may have the message after all: `failed` means it cannot have
 * arrived (the connection broke, or the server refused it, before accepting); `unknown` means the whole
 * message had been handed over when the answer was lost, so it may well have arrived.
 */
export type Transport = {
  /** Resolves when the SMTP server has accepted the message; rejects with a DeliveryError otherwise. */
  send(email: ComposedEmail): Promise<void>;
};

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  /** nodemailer's error code (ECONNECTION, ETIMEDOUT, ETLS, EENVELOPE, EMESSAGE…) or EDEADLINE; safe to log. */
  readonly code: string;
  readonly outcome: 'failed' | 'unknown';
  constructor(code: string, outcome: 'failed' | 'unknown' = 'failed') {
    super(`delivery ${outcome}: ${code}`);
    this.code = code;
    this.outcome = outcome;
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
  tls: { minVersion: 'TLSv1.2'; rejectUnauthorized: true; ca?: string | Buffer };
  dkim?: { domainName: string; keySelector: string; privateKey: string };
};

export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Transport options from SMTP_URL: smtps:// is implicit TLS; smtp:// must upgrade with STARTTLS unless on loopback. */
export function smtpOptions(smtpUrl: string, dkim?: SmtpOptions['dkim']): SmtpOptions {
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
    ...(dkim ? { dkim: { ...dkim, privateKey: dkim.privateKey.replace(/\\n/g, '\n') } } : {}),
  };
}

export function smtpTransport(options: SmtpOptions, deadlineMs = DELIVERY_DEADLINE_MS): Transport {
  return {
    async send(email) {
      let handedOver = false;
      // One transporter per message (there is no pooling), so its log tells this message's story:
      // nodemailer logs the byte counts once the whole message, with its final dot, is on the socket.
      const transporter = nodemailer.createTransport({ ...options, logger: handOverWatcher(() => (handedOver = true)) });
      const signal = AbortSignal.timeout(deadlineMs);
      try {
        await transporter.sendMail({ ...email, signal });
      } catch (error) {
        const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
        const name = signal.aborted ? 'EDEADLINE' : typeof code === 'string' ? code : 'EUNKNOWN';
        // A reply from the server (such as 550) is a clear refusal; silence after the hand-over is not.
        const refused = typeof responseCode === 'number' && responseCode >= 400;
        throw new DeliveryError(name, handedOver && !refused ? 'unknown' : 'failed');
      } finally {
        transporter.close();
      }
    },
  };
}

/** A quiet logger for nodemailer that calls `onHandedOver` when a message body has been written. */
function handOverWatcher(onHandedOver: () => void) {
  const quiet = () => {};
  return {
    info(entry: unknown) {
      if (entry && typeof entry === 'object' && (entry as { tnx?: unknown }).tnx === 'message' && 'outByteCount' in entry) onHandedOver();
    },
    debug: quiet,
    trace: quiet,
    warn: quiet,
    error: quiet,
    fatal: quiet,
  };
}
