import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP receiver for `npm start` without SMTP_URL: referrals travel through the same SMTP code
 * as in production and land as .eml files in the outbox folder, where a person can open exactly what
 * a provider would receive. It listens on loopback only.
 */
export type SmtpSink = { port: number; close(): Promise<void> };

export async function startSmtpSink(outboxDir: string, onSaved: (file: string, reference: string) => void = () => {}): Promise<SmtpSink> {
  await mkdir(outboxDir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Restorative Justice Guide local outbox',
    size: 1024 * 1024,
    logger: false,
    // No reverse DNS lookup of the (loopback) client: it adds a delay to every message.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const message = Buffer.concat(chunks);
        const reference = /^X-Referral-Reference:\s*(\S+)/im.exec(message.toString('latin1'))?.[1] ?? 'message';
        count += 1;
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = join(outboxDir, `${stamp}-${String(count).padStart(3, '0')}-${reference}.eml`);
        writeFile(file, message).then(() => {
          onSaved(file, reference);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
