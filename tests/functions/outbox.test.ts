import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { referrals, testSecret } from '../fixtures/referrals.ts';
import { unusedPort } from '../support/smtp.ts';

describe('npm start without SMTP_URL', () => {
  it('delivers a referral over SMTP to its own receiver and saves what the provider would get in the outbox', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'rj-outbox-'));
    const port = await unusedPort();
    const { SMTP_URL: _unset, ...env } = process.env;
    const server = spawn(process.execPath, ['--experimental-strip-types', 'src/server/start.ts'], {
      env: { ...env, PORT: String(port), HOST: 'localhost', OUTBOX_DIR: outbox, DATA_DIR: mkdtempSync(join(tmpdir(), 'rj-data-')), REFERRAL_SECRET: testSecret },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const origin = `http://localhost:${port}`;
      for (let i = 0; i < 300 && !output.includes(origin); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await fetch(`${origin}/api/referral`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(referrals.valid()),
      });
      expect(response.status).toBe(202);
      const { reference } = (await response.json()) as { reference: string };
      for (let i = 0; i < 50 && readdirSync(outbox).length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      const files = readdirSync(outbox);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(new RegExp(`${reference}\\.eml$`));
      const mail = await simpleParser(readFileSync(join(outbox, files[0] ?? '')));
      expect(mail.subject).toContain(reference);
      expect(output).toContain(`Referral ${reference} delivered to the local outbox`);
      expect(output).not.toContain('Sam');
    } finally {
      server.kill();
    }
  }, 60_000);
});
