import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from '../support/server-process.ts';

/**
 * Slow and greedy clients: slow headers and slow bodies are cut off; one address cannot hold every
 * socket; a body declared too large is refused before a byte of it is read. The server runs with its
 * production timeouts (headers 10 s, whole request 15 s).
 */
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: tempDir('rj-data-'), MAX_CONNECTIONS_PER_CLIENT: '32' });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

/** A connection from `localAddress` (any 127.x.x.x is this machine), resolving once connected. */
function open(localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port: server.port, host: '127.0.0.1', localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with the milliseconds until the server closes the socket (or `limitMs` passes). */
function closedWithin(socket: Socket, limitMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(Number.POSITIVE_INFINITY), limitMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
    socket.on('error', () => {});
    socket.resume();
  });
}

describe('slow and greedy clients', () => {
  it.concurrent('cuts off headers that arrive too slowly within 20 seconds', async () => {
    const socket = await open();
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 1000);
    const elapsed = await closedWithin(socket, 25_000);
    clearInterval(drip);
    expect(elapsed).toBeLessThan(20_000);
  }, 30_000);

  it.concurrent('cuts off a body that arrives too slowly within 20 seconds', async () => {
    const socket = await open();
    socket.write(`POST /api/referral HTTP/1.1\r\nHost: localhost\r\nOrigin: ${server.origin}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`);
    const drip = setInterval(() => socket.writable && socket.write(' '), 1000);
    const elapsed = await closedWithin(socket, 25_000);
    clearInterval(drip);
    expect(elapsed).toBeLessThan(20_000);
  }, 30_000);

  it('refuses a declared 1 GiB body with 413 at once, without reading it', async () => {
    const socket = await open();
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.write('POST /api/referral HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n');
    const elapsed = await closedWithin(socket, 5_000);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toContain('PAYLOAD_TOO_LARGE');
    expect(elapsed).toBeLessThan(2_000);
  });

  it('does not invite an oversized body with "100 Continue"', async () => {
    const socket = await open();
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.write('POST /api/referral HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n');
    await closedWithin(socket, 5_000);
    expect(reply).not.toContain('100 Continue');
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
  });

  it('invites a small body with "100 Continue" and reads it', async () => {
    const socket = await open();
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.startsWith('HTTP/1.1 100')) {
        socket.write('{');
        reply = '';
      }
    });
    socket.write(`POST /api/referral HTTP/1.1\r\nHost: localhost\r\nOrigin: ${server.origin}\r\nContent-Type: application/json\r\nContent-Length: 1\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
    await closedWithin(socket, 5_000);
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain('INVALID_JSON');
  });

  it('when one address opens 1,100 slow connections, refuses those past its cap and still serves everyone else', async () => {
    const sockets: Socket[] = [];
    // Counted only for connections the server accepted: one this test could not open is not a refusal.
    let connected = 0;
    let refused = 0;
    for (let i = 0; i < 1100; i += 1) {
      const socket = connect({ port: server.port, host: '127.0.0.1', localAddress: '127.0.0.2' });
      let open = false;
      socket.on('error', () => {});
      socket.on('connect', () => {
        open = true;
        connected += 1;
        socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
      });
      socket.on('close', () => {
        if (open) refused += 1;
      });
      sockets.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(connected).toBeGreaterThanOrEqual(1000);
    expect(refused).toBeGreaterThanOrEqual(connected - 32);
    // The ones still open are within the cap.
    expect(connected - refused).toBeLessThanOrEqual(32);
    // Another client is served at once.
    const other = await open('127.0.0.3');
    let reply = '';
    other.on('data', (chunk) => (reply += chunk.toString()));
    other.write('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await closedWithin(other, 5_000);
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    for (const socket of sockets) socket.destroy();
  }, 30_000);
});
