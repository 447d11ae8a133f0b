import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every built page is valid HTML by html-validate (its recommended rules, .htmlvalidate.json): the
 * structure, headings, attributes and accessibility rules it knows, with no Java needed.
 */
const dist = process.env.DIST_DIR ?? 'dist';

type Result = { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; severity: number }[] };

describe('the built site’s HTML', () => {
  it('has no validation errors on any page', () => {
    expect(existsSync(dist)).toBe(true);
    // The report goes to a file: a large report on a pipe can be cut short when the process exits.
    const report = join(mkdtempSync(join(tmpdir(), 'rj-html-')), 'report.json');
    const run = spawnSync(process.execPath, ['node_modules/html-validate/bin/html-validate.mjs', '--config', '.htmlvalidate.mjs', '--formatter', `json=${report}`, `${dist}/**/*.html`], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const results = JSON.parse(readFileSync(report, 'utf8')) as Result[];
    const errors = results.flatMap((result) => result.messages.filter((message) => message.severity === 2).map((message) => `${result.filePath}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
    expect(errors).toEqual([]);
  }, 120_000);
});
