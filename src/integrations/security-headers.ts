import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { baseSecurityHeaders, pageCspFromMeta } from '../lib/security-headers.ts';
import { formatHeadersFile, type HeaderRule } from '../lib/headers-file.ts';

const metaCsp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/**
 * After the build, writes `dist/_headers` (Netlify's format), which the local server reads too, so
 * both send the same headers. Astro hashes every inline script and style into a `<meta>` CSP on each
 * page; a meta CSP cannot carry `frame-ancestors`, so the header repeats the page policy with the
 * header-only directives added. All pages share one policy: the union of every page's hashes.
 */
export default function securityHeaders(): AstroIntegration {
  return {
    name: 'rj:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = await pagePolicies(root);
        if (policies.length === 0) throw new Error('No page carried a CSP meta tag: is security.csp on?');
        const csp = pageCspFromMeta(mergePolicies(policies));
        const rules: HeaderRule[] = [
          { path: '/*', headers: { ...baseSecurityHeaders, 'Content-Security-Policy': csp } },
          { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
          // Unhashed address, so browsers check for a newer copy (cheaply, by ETag) before using it.
          { path: '/styles/*', headers: { 'Cache-Control': 'no-cache' } },
          // Pages that may hold a person's answers are never cached, so Back cannot show them again.
          { path: '/talk-it-through/*', headers: { 'Cache-Control': 'no-store' } },
        ];
        await writeFile(join(root, '_headers'), formatHeadersFile(rules));
        logger.info(`wrote _headers (${policies.length} pages, one CSP)`);
      },
    },
  };
}

async function pagePolicies(root: string): Promise<string[]> {
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
  const policies: string[] = [];
  for (const file of files) {
    const match = metaCsp.exec(await readFile(join(root, file), 'utf8'));
    if (match?.[1]) policies.push(match[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
  }
  return policies;
}

/** Merges policies directive by directive, keeping every source once, in first-seen order. */
export function mergePolicies(policies: readonly string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const set = merged.get(name) ?? new Set<string>();
      sources.forEach((source) => set.add(source));
      merged.set(name, set);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}
