import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import data from '../../content/http-links.json' with { type: 'json' };

/** External links are https:// wherever the site has it; each remaining http:// link has its reason. */
const listSchema = z.object({ links: z.array(z.strictObject({ url: z.string().check(z.regex(/^http:\/\//)), reason: z.string().check(z.minLength(20)) })) });
const dist = process.env.DIST_DIR ?? 'dist';

describe('external links', () => {
  const list = listSchema.parse(data).links;
  const pages = existsSync(dist) ? readdirSync(dist, { recursive: true }).map(String).filter((file) => file.endsWith('.html')) : [];
  const used = new Map<string, string[]>();
  for (const page of pages) {
    for (const [, url] of readFileSync(join(dist, page), 'utf8').matchAll(/href="(http:\/\/[^"]+)"/g)) used.set(url ?? '', [...(used.get(url ?? '') ?? []), page]);
  }

  it('are https:// except those listed, with a reason, in content/http-links.json', () => {
    expect(pages.length).toBeGreaterThan(150);
    const unexplained = [...used.keys()].filter((url) => !list.some((entry) => entry.url === url));
    expect(unexplained).toEqual([]);
    console.info(`http:// links: ${used.size} on ${new Set([...used.values()].flat()).size} pages\n${list.map((entry) => `  ${entry.url}\n    ${entry.reason}`).join('\n')}`);
  });

  it('lists no http:// link the site no longer uses', () => {
    expect(list.filter((entry) => !used.has(entry.url)).map((entry) => entry.url)).toEqual([]);
  });
});
