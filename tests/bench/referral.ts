/**
 * `npm run bench:referral`: throughput and latency of the referral function through the local server
 * on loopback, with an embedded SMTP sink that counts what arrives. Prints requests/s and p50/p95/p99
 * for (a) rejected requests, (b) valid referrals delivered, (c) a bare 204 handler for reference, and
 * the server's peak memory. A small load generator (keep-alive HTTP, fixed concurrency) records every
 * latency, so the percentiles are exact.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import valid from '../fixtures/referral.valid.json' with { type: 'json' };
import { startFastSmtpSink } from './fast-smtp-sink.ts';

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CONCURRENCY = 10;

type Result = { requests: number; rps: number; p50: number; p95: number; p99: number; statuses: Record<number, number>; cpuUsPerRequest?: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function load(port: number, body: () => string, path = '/api/referral'): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const end = performance.now() + DURATION_MS;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const payload = body();
      const started = performance.now();
      const req = request(
        { port, host: 'localhost', path, method: 'POST', agent, headers: { 'content-type': 'application/json', origin: `http://localhost:${port}`, 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < end) await once();
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, rps: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), statuses };
}

async function startSmtpServerSink(): Promise<{ port: number; count: () => number; close: () => void }> {
  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // No reverse DNS lookup of the (loopback) client: it adds a delay to every message.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  return { port: (sink.server.address() as AddressInfo).port, count: () => received, close: () => sink.close() };
}

async function startServer(script: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--experimental-strip-types', script], { env: { ...process.env, ...env, PORT: String(port), HOST: 'localhost' }, stdio: 'ignore' });
  for (let i = 0; i < 300; i += 1) {
    const up = await new Promise<boolean>((resolve) => {
      const req = request({ port, host: 'localhost', path: '/', method: 'HEAD' }, (res) => { res.resume(); resolve(true); });
      req.on('error', () => resolve(false));
      req.end();
    });
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${script} did not start`);
}

/** CPU seconds a process has used so far (user + system), from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident memory of a process, from /proc (Linux). */
function peakMemoryMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const fmt = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  const sink = await startFastSmtpSink();
  const slowSink = await startSmtpServerSink();
  // The referral servers run as `npm start` does, with the Postgres store on PGlite in a fresh data
  // folder; the time trap is off explicitly (REFERRAL_MIN_FILL_MS=0) and the budgets out of the way.
  const referralEnv = (port: number, smtpPort: number) => ({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Restorative Justice Guide <referrals@bench.example.org>',
    SITE_URL: `http://localhost:${port}`,
    REFERRAL_RATE_LIMIT: '100000000',
    REFERRAL_AREA_BUDGET: '100000000',
    REFERRAL_ADDRESS_BUDGET: '100000000',
    REFERRAL_MIN_FILL_MS: '0',
    REFERRAL_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'rj-bench-')),
  });
  const bare = await startServer('tests/bench/bare-server.ts', 4396, {});
  const server = await startServer('src/server/start.ts', 4397, referralEnv(4397, sink.port));
  const slowServer = await startServer('src/server/start.ts', 4395, referralEnv(4395, slowSink.port));
  // Rejected by the answers' own rules (an empty name, no way of contact), not by the envelope.
  const invalid = JSON.stringify({ ...valid, answers: { ...valid.answers, name: '', contactWays: [] } });
  const preflight = (await (await fetch('http://localhost:4397/api/referral', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:4397' }, body: invalid })).json()) as { error?: { code: string; issues?: { path: string }[] } };
  const paths = preflight.error?.issues?.map((issue) => issue.path) ?? [];
  if (preflight.error?.code !== 'INVALID_REFERRAL' || !paths.includes('answers.name')) throw new Error(`the rejected case is not rejected by the answers' rules: ${JSON.stringify(preflight)}`);
  const fresh = () => JSON.stringify({ ...valid, idempotencyKey: randomUUID() });
  try {
    let cpu = cpuSeconds(bare.pid);
    // The reference gets the same bytes as the rejected case, so only the handler's work differs.
    const reference = await load(4396, () => invalid, '/');
    reference.cpuUsPerRequest = ((cpuSeconds(bare.pid) - cpu) * 1e6) / reference.requests;
    cpu = cpuSeconds(server.pid);
    const rejected = await load(4397, () => invalid);
    rejected.cpuUsPerRequest = ((cpuSeconds(server.pid) - cpu) * 1e6) / rejected.requests;
    cpu = cpuSeconds(server.pid);
    const delivered = await load(4397, fresh);
    delivered.cpuUsPerRequest = ((cpuSeconds(server.pid) - cpu) * 1e6) / delivered.requests;
    const slow = await load(4395, fresh);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const accepted = delivered.statuses[202] ?? 0;
    const arrived = sink.count();
    const slowAccepted = slow.statuses[202] ?? 0;
    const slowArrived = slowSink.count();
    console.log(`Loopback, ${CONCURRENCY} concurrent connections, ${DURATION_MS / 1000} s each, Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs; adapter @hono/node-server; store: Postgres on PGlite`);
    console.log('| case | requests | req/s | p50 ms | p95 ms | p99 ms | server CPU µs/request | statuses |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---|');
    const rows = [
      ['(a) rejected (400 INVALID_REFERRAL)', rejected],
      ['(b) delivered (202), SMTP sink that greets at once', delivered],
      ['(b′) delivered (202), smtp-server sink (100 ms greeting delay)', slow],
      ['(c) bare 204 handler', reference],
    ] as const;
    for (const [name, result] of rows) {
      console.log(`| ${name} | ${result.requests} | ${fmt(result.rps)} | ${fmt(result.p50)} | ${fmt(result.p95)} | ${fmt(result.p99)} | ${result.cpuUsPerRequest === undefined ? '' : fmt(result.cpuUsPerRequest)} | ${JSON.stringify(result.statuses)} |`);
    }
    console.log(`Delivered: ${accepted} answered 202, ${arrived} messages reached the sink, lost: ${accepted - arrived} (smtp-server sink: ${slowAccepted} answered, ${slowArrived} arrived, lost: ${slowAccepted - slowArrived})`);
    console.log(`Rejection throughput vs bare handler: ${fmt(rejected.rps / reference.rps)}x`);
    console.log(`Peak memory of the referral server: ${fmt(peakMemoryMb(server.pid))} MB (bare: ${fmt(peakMemoryMb(bare.pid))} MB)`);
    const checks = [
      ['rejection p95 <= 5 ms', rejected.p95 <= 5],
      ['rejection >= 0.3x bare throughput', rejected.rps >= 0.3 * reference.rps],
      ['delivered p95 <= 50 ms', delivered.p95 <= 50],
      ['delivered >= 100/s', delivered.rps >= 100],
      ['zero lost', accepted === arrived && slowAccepted === slowArrived],
      ['every rejected request answered 400', Object.keys(rejected.statuses).join() === '400'],
      ['every delivered request answered 202', Object.keys(delivered.statuses).join() === '202' && Object.keys(slow.statuses).join() === '202'],
    ] as const;
    for (const [name, ok] of checks) console.log(`${ok ? 'MET   ' : 'MISSED'} ${name}`);
  } finally {
    server.kill();
    slowServer.kill();
    bare.kill();
    sink.close();
    slowSink.close();
  }
}

await main();
