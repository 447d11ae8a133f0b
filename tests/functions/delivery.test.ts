import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { smtpOptions } from '../../functions/referral/deliver.ts';
import { referralSchema } from '../../referral/schema.ts';
import { loopbackTransport, post, testHandler } from '../support/referral-handler.ts';
import { startSilentServer, startTestSmtp, unusedPort } from '../support/smtp.ts';
import { merseysideInbox, referrals } from '../fixtures/referrals.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function smtp(options: Parameters<typeof startTestSmtp>[0] = {}) {
  const server = await startTestSmtp(options);
  cleanups.push(server.close);
  return server;
}

describe('delivering a referral to a real SMTP server', () => {
  it('reaches the area’s inbox with a generic subject, the safety block first and a valid attachment', async () => {
    const server = await smtp();
    const { handler } = testHandler(loopbackTransport(server.port));
    const response = await handler(post(referrals.domesticAbuse()));
    expect(response.status).toBe(202);
    const { reference } = (await response.json()) as { reference: string };
    expect(server.received).toHaveLength(1);
    const [message] = server.received;
    expect(message?.envelope.to).toEqual([merseysideInbox]);
    expect(message?.mail.subject).toBe(`Restorative justice referral — Merseyside — ref ${reference}`);
    // Nobody can write back to the person by pressing Reply: no Reply-To, and an automatic sender.
    expect(message?.mail.replyTo).toBeUndefined();
    expect(message?.mail.headers.get('auto-submitted')).toBe('auto-generated');
    const text = message?.mail.text ?? '';
    expect(text.indexOf('Safety first')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Safety first')).toBeLessThan(text.indexOf('Their answers:'));
    expect(text.indexOf('SENSITIVE CASE')).toBeLessThan(text.indexOf('Their answers:'));
    const attachment = message?.mail.attachments[0];
    expect(attachment?.contentType).toBe('application/json');
    const json = JSON.parse(attachment?.content.toString('utf8') ?? '{}') as { version: string; referral: unknown; route: unknown };
    expect(json.version).toBe('referral.v2');
    expect(json.route).toEqual({ kind: 'local', recipient: 'Restorative Solutions' });
    expect(z.safeParse(referralSchema, json.referral).success).toBe(true);
  });

  it('refuses to send in plain text to a remote server that offers no STARTTLS', async () => {
    const server = await smtp({ starttls: false });
    // The options used for any host that is not this machine, pointed at the local test server.
    const remote = smtpOptions('smtp://user:secret@smtp.provider.example:587');
    expect(remote.requireTLS).toBe(true);
    const { handler, logs } = testHandler(loopbackTransport(server.port, { ...remote, host: '127.0.0.1', port: server.port }));
    const response = await handler(post(referrals.valid()));
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(0);
    expect(logs[0]?.error).toBe('ETLS');
  });

  it('verifies the SMTP server’s certificate: a self-signed STARTTLS server is refused', async () => {
    const server = await smtp({ starttls: true });
    const remote = { ...smtpOptions('smtp://smtp.provider.example:587'), host: '127.0.0.1', port: server.port };
    expect(remote.tls.rejectUnauthorized).toBe(true);
    const { handler, logs } = testHandler(loopbackTransport(server.port, remote));
    expect((await handler(post(referrals.valid()))).status).toBe(503);
    expect(server.received).toHaveLength(0);
    expect(logs[0]?.error).toMatch(/^E(TLS|SOCKET)$/);
    // The same server, were verification switched off, would have taken it: the check above is what stops it.
    const careless = testHandler(loopbackTransport(server.port, { ...remote, tls: { ...remote.tls, rejectUnauthorized: false as true } }));
    expect((await careless.handler(post(referrals.valid()))).status).toBe(202);
    expect(server.received).toHaveLength(1);
  });

  it('answers caught bots about as slowly as real deliveries, so the timing does not tell', async () => {
    const server = await smtp();
    const { deliveryPace } = await import('../../functions/referral/pace.ts');
    const { handler } = testHandler(loopbackTransport(server.port), { pace: deliveryPace(10) });
    const timed = async (body: unknown) => {
      const started = performance.now();
      await handler(post(body));
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const real: number[] = [];
    for (let i = 0; i < 5; i += 1) real.push(await timed(referrals.valid()));
    const bots: number[] = [];
    for (let i = 0; i < 5; i += 1) bots.push(await timed(referrals.noToken()));
    expect(median(bots)).toBeGreaterThan(median(real) * 0.5);
    expect(median(bots)).toBeLessThan(median(real) * 2);
    expect(server.received).toHaveLength(5);
  });

  it('answers 503 with Retry-After when the server refuses, permanently or for now', async () => {
    for (const mode of ['refuse', 'refuse-temporarily'] as const) {
      const server = await smtp({ mode });
      const { handler } = testHandler(loopbackTransport(server.port));
      const response = await handler(post(referrals.valid()));
      expect(response.status, mode).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('DELIVERY_UNAVAILABLE');
    }
  });

  it('answers 503 at once when the server is unreachable', async () => {
    const { handler } = testHandler(loopbackTransport(await unusedPort()));
    const started = Date.now();
    const response = await handler(post(referrals.valid()));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('answers 503 within 15 seconds when the server hangs, with the production timeouts', async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const { handler } = testHandler(loopbackTransport(silent.port));
    const started = Date.now();
    const response = await handler(post(referrals.valid()));
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(elapsed).toBeLessThan(15_000);
  }, 20_000);

  it('when the server takes the whole message but answers too late, says it may have arrived and never sends it again', async () => {
    const server = await smtp({ acceptAfterMs: 3000 });
    const { handler, logs } = testHandler(loopbackTransport(server.port, {}, 1000));
    const body = referrals.valid();
    const first = await handler(post(body));
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ delivery: 'unconfirmed' });
    const retry = await handler(post(body));
    expect(await retry.json()).toMatchObject({ delivery: 'unconfirmed' });
    expect(server.received).toHaveLength(1);
    expect(logs.map((log) => log.outcome)).toEqual(['unconfirmed', 'replayed']);
  });

  it('sends exactly one message for three concurrent posts with one key', async () => {
    const server = await smtp();
    const { handler } = testHandler(loopbackTransport(server.port));
    const body = referrals.valid();
    const responses = await Promise.all([handler(post(body)), handler(post(body)), handler(post(body))]);
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202]);
    const references = await Promise.all(responses.map(async (response) => ((await response.json()) as { reference: string }).reference));
    expect(new Set(references).size).toBe(1);
    expect(server.received).toHaveLength(1);
  });

  it('after a 503, a retry with the same key sends exactly one message once SMTP is back', async () => {
    const port = await unusedPort();
    const { handler } = testHandler(loopbackTransport(port));
    const body = referrals.valid();
    const failed = await handler(post(body));
    expect(failed.status).toBe(503);
    const server = await smtp({ port });
    const retried = await handler(post(body));
    expect(retried.status).toBe(202);
    const again = await handler(post(body));
    expect(await again.json()).toEqual(await retried.clone().json());
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.mail.headers.get('x-referral-reference')).toBe(((await retried.json()) as { reference: string }).reference);
  });
});
