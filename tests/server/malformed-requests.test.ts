import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from '../support/server-process.ts';
import { startTestSmtp } from '../support/smtp.ts';

/**
 * What one line of curl used to do: take the whole server down. Each malformed request goes over a
 * raw socket, and after each the server must still answer GET / — and the process must still run.
 */
let server: ServerProcess;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startServerProcess({ SMTP_URL: smtp.url, DATA_DIR: tempDir('rj-data-') });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

/** Sends raw bytes and resolves with what comes back: once the socket closes, or goes quiet after an answer, or after 3 s. */
function raw(payload: string, port = server.port): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(quiet);
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(3000, finish);
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      clearTimeout(quiet);
      quiet = setTimeout(finish, 100);
    });
    socket.on('end', finish);
    socket.on('error', finish);
    socket.on('connect', () => socket.write(payload));
  });
}

async function stillServing(): Promise<void> {
  const response = await fetch(`${server.origin}/`);
  expect(response.status).toBe(200);
  expect(server.process.exitCode).toBeNull();
}

const malformed: [string, string][] = [
  ['TRACE to the function', 'TRACE /api/referral HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ['TRACK', 'TRACK / HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ['CONNECT', 'CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n'],
  ['a Host with a space', 'POST /api/referral HTTP/1.1\r\nHost: a b\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'],
  ['a Host with user info', 'POST /api/referral HTTP/1.1\r\nHost: u@127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'],
  ['a Host with an impossible port', 'POST /api/referral HTTP/1.1\r\nHost: x:99999\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'],
  ['a Host with a bad escape', 'POST /api/referral HTTP/1.1\r\nHost: %zz\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'],
  ['a GET with a broken Host', 'GET / HTTP/1.1\r\nHost: [::1\r\n\r\n'],
  ['a broken absolute-form target', 'GET http://[/api/referral HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ['an absolute-form target on another host', 'POST http://evil.example/api/referral HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'],
  ['an asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ['a target without a slash', 'GET api/referral HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ['no Host at all', 'GET / HTTP/1.1\r\n\r\n'],
  ['two Hosts', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
  ['a chunked post', 'POST /api/referral HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\n\r\n'],
  ['a bad Content-Length', 'POST /api/referral HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n'],
  ['a control character in the path', 'GET /\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ['a request for the host’s headers file', 'GET /_headers HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ['a POST to a page', 'POST /about/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n'],
  ['HTTP/0.9 style', 'GET /\r\n\r\n'],
  ['garbage', '\u0000\u0001\u0002 hello\r\n\r\n'],
  ['an enormous header', `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`],
];

describe('the local server and malformed requests', () => {
  for (const [name, payload] of malformed) {
    it(`survives ${name}`, async () => {
      const reply = await raw(payload);
      expect(reply).not.toMatch(/^HTTP\/1\.1 5\d\d/);
      await stillServing();
    });
  }

  it('answers TRACE and CONNECT with 405 (and TRACK, which Node does not parse, with 400)', async () => {
    expect(await raw('TRACE /api/referral HTTP/1.1\r\nHost: localhost\r\n\r\n')).toMatch(/^HTTP\/1\.1 405/);
    expect(await raw('TRACE / HTTP/1.1\r\nHost: localhost\r\n\r\n')).toMatch(/^HTTP\/1\.1 405/);
    expect(await raw('TRACK / HTTP/1.1\r\nHost: localhost\r\n\r\n')).toMatch(/^HTTP\/1\.1 40[05]/);
    expect(await raw('CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n')).toMatch(/^HTTP\/1\.1 405/);
  });

  it('serves pages only to GET and HEAD, and never the host’s _headers file', async () => {
    expect((await fetch(`${server.origin}/about/`, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(`${server.origin}/about/`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${server.origin}/about/`, { method: 'HEAD' })).status).toBe(200);
    const hidden = await fetch(`${server.origin}/_headers`);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain('Content-Security-Policy');
  });

  it('builds addresses from SITE_URL: a post naming another Host is still judged by its Origin', async () => {
    const reply = await raw('POST /api/referral HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
    expect(reply).toMatch(/^HTTP\/1\.1 403/);
    expect(reply).toContain('FORBIDDEN_ORIGIN');
  });

  it('survives a fuzzed set of request lines and Host values', async () => {
    const token = fc.stringMatching(/^[\x21-\x7e]{0,12}$/);
    const samples = fc.sample(
      fc.record({
        method: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'TRACE', 'X', ''),
        target: fc.oneof(token, token.map((value) => `/${value}`), token.map((value) => `http://${value}/api/referral`), fc.constantFrom('/api/referral', '/api/referral/token')),
        host: fc.oneof(token, fc.string({ maxLength: 12 })),
      }),
      { numRuns: 150, seed: 20261201 },
    );
    for (const sample of samples) {
      const host = sample.host.replace(/[\r\n]/g, '');
      await raw(`${sample.method} ${sample.target} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\n\r\n`);
    }
    await stillServing();
  }, 120_000);
});
