/**
 * `npm run bench:site`: bytes and Lighthouse mobile scores for key pages of the built site.
 * Prints, for the home page, an area page, the largest page and the chat page: HTML + CSS + JS bytes
 * (raw, gzip, brotli) and the median of 3 Lighthouse mobile runs with the system Chromium.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, findChromium, noChromiumMessage } from '../support/chromium.ts';
import { lazyChunks, pageScripts, pageStyles } from '../support/page-assets.ts';

const port = 4398;
const origin = `http://localhost:${port}`;
const runs = 3;

function pageFile(path: string): string {
  return join('dist', path, 'index.html');
}

/** The largest information page (the chat page is measured on its own). */
function largestPage(): string {
  const files = readdirSync('dist', { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('index.html') && !file.startsWith('talk-it-through'));
  const largest = files.sort((a, b) => statSync(join('dist', b)).size - statSync(join('dist', a)).size)[0] ?? 'index.html';
  return `/${largest.replace(/index\.html$/, '')}`;
}

/** HTML + CSS + JS a page loads up to the first interaction (JS loaded later is not counted). */
function bytes(path: string): { raw: number; gzip: number; brotli: number } {
  const html = readFileSync(pageFile(path), 'utf8');
  const parts = [html, ...pageStyles('dist', html).map((style) => style.code), ...pageScripts('dist', html).map((script) => script.code)].map((part) => Buffer.from(part));
  return {
    raw: parts.reduce((sum, part) => sum + part.length, 0),
    gzip: parts.reduce((sum, part) => sum + gzipSync(part, { level: 9 }).length, 0),
    brotli: parts.reduce((sum, part) => sum + brotliCompressSync(part).length, 0),
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function lighthouseScores(url: string, chromePath: string): Promise<Record<string, number>> {
  const scores: Record<string, number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
  for (let i = 0; i < runs; i += 1) {
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      for (const [id, category] of Object.entries(result?.lhr.categories ?? {})) scores[id]?.push(Math.round((category.score ?? 0) * 100));
    } finally {
      chrome.kill();
    }
  }
  return Object.fromEntries(Object.entries(scores).map(([id, values]) => [id, median(values)]));
}

async function main(): Promise<void> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error(noChromiumMessage);
  const server = spawn(process.execPath, ['--experimental-strip-types', 'src/server/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: 'localhost' },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 50; i += 1) {
      const ok = await fetch(`${origin}/`).then((response) => response.ok).catch(() => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const pages = [
      { label: 'home', path: '/' },
      { label: 'area page', path: '/areas/merseyside/' },
      { label: 'largest page', path: largestPage() },
      ...(statSyncSafe(pageFile('/talk-it-through/')) ? [{ label: 'chat page', path: '/talk-it-through/' }] : []),
    ];
    console.log(`Lighthouse ${runs} runs per page, mobile (simulated throttling), median; bytes = HTML + CSS + JS`);
    console.log('| page | path | raw | gzip | brotli | perf | a11y | best practices | SEO |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const page of pages) {
      const size = bytes(page.path);
      const scores = await lighthouseScores(`${origin}${page.path}`, chromePath);
      console.log(
        `| ${page.label} | ${page.path} | ${size.raw} | ${size.gzip} | ${size.brotli} | ${scores.performance} | ${scores.accessibility} | ${scores['best-practices']} | ${scores.seo} |`,
      );
    }
    if (statSyncSafe(pageFile('/talk-it-through/'))) {
      // The chat's JavaScript: up to the first interaction, what loads just after (the questions and
      // sending), and the whole conversation (budgets: 100 KB and 110 KB gzip).
      const scripts = pageScripts('dist', readFileSync(pageFile('/talk-it-through/'), 'utf8'));
      const later = lazyChunks(scripts).map((path) => readFileSync(join('dist', path), 'utf8'));
      const gz = (codes: string[]) => codes.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
      const first = gz(scripts.map((script) => script.code));
      console.log(`chat JavaScript (gzip): first interaction ${first} B; loaded just after ${gz(later)} B; whole conversation ${first + gz(later)} B`);
    }
  } finally {
    server.kill();
  }
}

function statSyncSafe(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

await main();
