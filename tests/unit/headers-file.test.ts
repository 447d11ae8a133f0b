import { describe, expect, it } from 'vitest';
import { formatHeadersFile, headersFor, parseHeadersFile, type HeaderRule } from '../../src/lib/headers-file.ts';
import { mergePolicies } from '../../src/integrations/security-headers.ts';
import { pageCspFromMeta } from '../../src/lib/security-headers.ts';

describe('the _headers file', () => {
  const rules: HeaderRule[] = [
    { path: '/*', headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' } },
    { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  ];

  it('reads back what it writes', () => {
    expect(parseHeadersFile(formatHeadersFile(rules))).toEqual(rules);
  });

  it('applies every matching rule, later rules winning', () => {
    expect(headersFor(rules, '/_astro/app.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/areas/')).toEqual(rules[0]?.headers);
  });

  it('refuses a header line outside a path block', () => {
    expect(() => parseHeadersFile('  X-Test: 1\n')).toThrow(/outside a path block/);
  });
});

describe('the page CSP', () => {
  it('adds the directives a meta tag cannot carry', () => {
    const csp = pageCspFromMeta("default-src 'self'; script-src 'self' 'sha256-abc'");
    expect(csp).toContain("script-src 'self' 'sha256-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
  });

  it('merges page policies into one, keeping every hash once', () => {
    expect(mergePolicies(["script-src 'self' 'sha256-a'", "script-src 'self' 'sha256-b'; style-src 'self'"])).toBe(
      "script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'",
    );
  });
});
