import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a built page loads, read from its HTML in dist/: its scripts (script tags, an island's
 * component and renderer, and everything they import) and its stylesheets. Chunks a script imports
 * later, with `import("./x.js")`, are listed apart: they load only when needed.
 */
export type Asset = { name: string; code: string };

export function pageScripts(dist: string, html: string): Asset[] {
  const seen = new Map<string, string>();
  const queue = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(([, src]) => src ?? ''),
    ...[...html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map(([, src]) => src ?? ''),
  ].filter(Boolean);
  while (queue.length) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    const code = readFileSync(join(dist, url), 'utf8');
    seen.set(url, code);
    for (const [, imported] of code.matchAll(/(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      queue.push(new URL(imported ?? '', `http://site${url}`).pathname);
    }
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map(([, code], i) => ({
    name: `inline ${i}`,
    code: code ?? '',
  }));
  return [...[...seen].map(([name, code]) => ({ name, code })), ...inline];
}

/** The chunks scripts load later, with `import("./x.js")`. */
export function lazyChunks(scripts: readonly Asset[]): string[] {
  const paths = scripts.flatMap((script) =>
    [...script.code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map(([, path]) => `/_astro/${(path ?? '').replace(/^\.\//, '')}`),
  );
  return [...new Set(paths)];
}

export function pageStyles(dist: string, html: string): Asset[] {
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(([, href]) => ({ name: href ?? '', code: readFileSync(join(dist, href ?? ''), 'utf8') }));
}
