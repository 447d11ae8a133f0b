import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nationalInbox, referrals, testSecret } from '../fixtures/referrals.ts';
import { startTestSmtp, unusedPort } from '../support/smtp.ts';

/**
 * The handler module, called directly with a Request as the Netlify runtime calls it, behaves the
 * same as the local server of `npm start` that mounts it.
 */
type Smtp = Awaited<ReturnType<typeof startTestSmtp>>;
let smtp: Smtp;
let server: ChildProcess;
let origin: string;
let direct: (request: Request, context?: { ip?: string }) => Promise<Response>;

beforeAll(async () => {
  smtp = await startTestSmtp();
  const port = await unusedPort();
  origin = `http://localhost:${port}`;
  const env = { SMTP_URL: smtp.url, MAIL_FROM: 'Restorative Justice Guide <referrals@rj.example.org>', REFERRAL_RATE_LIMIT: '1000', REFERRAL_SECRET: testSecret, SITE_URL: origin, DATA_DIR: mkdtempSync(join(tmpdir(), 'rj-data-')) };
  // The handler called directly keeps its own embedded database (two processes never share one folder).
  Object.assign(process.env, { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'rj-data-direct-')) });
  direct = (await import('../../functions/referral/referral.ts')).default;
  if (!existsSync('dist/_headers')) throw new Error('Build the site first (npm run build)');
  server = spawn(process.execPath, ['--experimental-strip-types', 'src/server/start.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: 'localhost' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i += 1) {
    if (await fetch(`${origin}/`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the local server did not start');
}, 40_000);

afterAll(async () => {
  server?.kill();
  await smtp?.close();
});

type Spec = { name: string; init: () => RequestInit };
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const specs: Spec[] = [
  { name: 'a valid referral', init: () => json(referrals.valid()) },
  { name: 'an invalid referral', init: () => json({ area: 'x', to: 'a@evil.example' }) },
  { name: 'broken JSON', init: () => json('{') },
  { name: 'no consent', init: () => json(referrals.noConsent()) },
  { name: 'an area on the national route', init: () => json(referrals.nationalRoute()) },
  { name: 'a GET', init: () => ({ method: 'GET' }) },
  { name: 'plain text', init: () => json('hello', { 'content-type': 'text/plain' }) },
  { name: 'a foreign origin', init: () => json(referrals.valid(), { origin: 'https://evil.example' }) },
  { name: 'too large', init: () => json({ ...referrals.valid(), padding: 'a'.repeat(20_000) }) },
];

/** What must match: status, the headers that matter, and the body with the reference masked. */
async function shape(response: Response) {
  const body = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    csp: response.headers.get('content-security-policy'),
    hsts: response.headers.get('strict-transport-security'),
    allow: response.headers.get('allow'),
    retryAfter: response.headers.get('retry-after'),
    body: body.replace(/RJ-[A-Z0-9]{4}-[A-Z0-9]{4}/g, 'RJ-XXXX-XXXX'),
  };
}

describe('the referral handler, directly and through the local server', () => {
  for (const spec of specs) {
    it(`answers ${spec.name} the same way`, async () => {
      const viaServer = await shape(await fetch(`${origin}/api/referral`, spec.init()));
      const viaHandler = await shape(await direct(new Request(`${origin}/api/referral`, spec.init()), { ip: '127.0.0.1' }));
      expect(viaHandler).toEqual(viaServer);
    });
  }

  it('delivers through both to the same inboxes', () => {
    expect(smtp.received.map((message) => message.envelope.to)).toEqual([
      ['RJMerseyside@restorativesolutions.org.uk'],
      ['RJMerseyside@restorativesolutions.org.uk'],
      [nationalInbox],
      [nationalInbox],
    ]);
  });
});
